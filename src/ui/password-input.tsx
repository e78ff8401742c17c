import { useId, useState, type ComponentPropsWithRef } from 'react';
import { describedBy, FieldError } from './field-error';

interface PasswordInputProps extends Omit<ComponentPropsWithRef<'input'>, 'type' | 'id'> {
  readonly label: string;
  readonly showLabel: string;
  readonly error?: string | undefined;
  readonly describedBy?: string | undefined;
}

/**
 * A labelled password field with a show/hide toggle (a pressed/not pressed button with a constant
 * name) and an error line tied to the input. Autocomplete is off: these passwords open files here
 * and should not be offered for web sites.
 */
export function PasswordInput({ label, showLabel, error, describedBy: describedByIds, ...input }: PasswordInputProps) {
  const [visible, setVisible] = useState(false);
  const id = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="password-row">
        <input
          {...input}
          id={id}
          type={visible ? 'text' : 'password'}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error !== undefined}
          aria-describedby={describedBy(error !== undefined && errorId, describedByIds)}
        />
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={visible}
          aria-controls={id}
          onClick={() => setVisible((v) => !v)}
        >
          <span aria-hidden="true">{visible ? '◉ ' : '○ '}</span>
          {showLabel}
        </button>
      </div>
      {error !== undefined && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}
