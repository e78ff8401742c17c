import { useId, useState, type ChangeEvent, type ComponentPropsWithRef } from 'react';
import './forms.css';
import { useMessages } from '../state/preferences-store';
import { describedBy, FieldError } from './field-error';

interface FileFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'type' | 'id'> {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
}

/**
 * A labelled file input with an error line. The native input is visually hidden (reachable with Tab,
 * opened with Enter or Space) and its label looks like a button, so the button text and the chosen
 * file's name come from the catalog instead of the browser's own language, as in the checker's drop zone.
 */
export function FileField({ label, error, hint, onChange, ...input }: FileFieldProps) {
  const t = useMessages();
  const id = useId();
  const chosenId = useId();
  const errorId = useId();
  const hintId = useId();
  const [chosen, setChosen] = useState<string | null>(null);

  const onFileChange = (event: ChangeEvent<HTMLInputElement>) => {
    setChosen(event.target.files?.[0]?.name ?? null);
    return onChange?.(event);
  };

  return (
    <div className="field">
      <input
        {...input}
        id={id}
        type="file"
        className="visually-hidden file-input"
        onChange={onFileChange}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy(chosenId, error !== undefined && errorId, hint !== undefined && hintId)}
      />
      <label htmlFor={id} className="apply-file-label">
        <span>{label}</span>
        <span className="button" aria-hidden="true">
          {t.apply.chooseFile}
        </span>
      </label>
      <p id={chosenId} className="hint apply-file-chosen" data-file-chosen={chosen ?? ''}>
        {chosen ?? t.apply.noFileChosen}
      </p>
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error !== undefined && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}
