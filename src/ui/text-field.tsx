import { useId, type ComponentPropsWithRef } from 'react';
import './forms.css';
import { describedBy, FieldError } from './field-error';

interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  /** Further ids describing the field (a rules checklist). */
  readonly describedBy?: string | undefined;
}

/** A labelled text input with an optional hint and an error line tied to it. */
export function TextField({ label, error, hint, describedBy: describedByIds, ...input }: TextFieldProps) {
  const id = useId();
  const errorId = useId();
  const hintId = useId();
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
        aria-describedby={describedBy(error !== undefined && errorId, hint !== undefined && hintId, describedByIds)}
      />
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error !== undefined && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}
