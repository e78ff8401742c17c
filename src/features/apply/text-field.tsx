import { useId, type ComponentPropsWithRef } from 'react';

interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  /** Further ids describing the field (a rules checklist). */
  readonly describedBy?: string | undefined;
}

/** A labelled text input with an optional hint and an error line tied to it. */
export function TextField({ label, error, hint, describedBy, ...input }: TextFieldProps) {
  const id = useId();
  const errorId = useId();
  const hintId = useId();
  const described = [error === undefined ? undefined : errorId, hint === undefined ? undefined : hintId, describedBy].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        type="text"
        autoComplete="off"
        {...input}
        id={id}
        className="text-input"
        aria-invalid={error !== undefined}
        aria-describedby={described === '' ? undefined : described}
      />
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
