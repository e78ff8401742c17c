import { useId, type ComponentPropsWithRef } from 'react';

interface FileFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'type' | 'id'> {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
}

/** A labelled native file input (reachable with Tab, opened with Enter or Space) with an error line. */
export function FileField({ label, error, hint, ...input }: FileFieldProps) {
  const id = useId();
  const errorId = useId();
  const hintId = useId();
  const described = [error === undefined ? undefined : errorId, hint === undefined ? undefined : hintId].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        type="file"
        className="apply-file-input"
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
