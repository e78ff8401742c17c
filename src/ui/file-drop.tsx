import { useId, useState, type DragEvent, type Ref } from 'react';

interface FileDropProps {
  readonly prompt: string;
  readonly or: string;
  readonly buttonLabel: string;
  readonly hint: string;
  readonly onFiles: (files: File[]) => void;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/**
 * A drop zone with a real file input inside it: dragging is a shortcut, the input (reachable with Tab,
 * opened with Enter or Space) is the way that always works. Accepts any file: the content decides.
 */
export function FileDrop({ prompt, or, buttonLabel, hint, onFiles, inputRef }: FileDropProps) {
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const hintId = useId();

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    onFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className="drop-zone-prompt" aria-hidden="true">
        {prompt}
      </p>
      <p className="drop-zone-or" aria-hidden="true">
        {or}
      </p>
      <input
        ref={inputRef}
        id={inputId}
        className="visually-hidden file-input"
        type="file"
        multiple
        aria-describedby={hintId}
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // Cleared so that choosing the same file again (after removing it) still fires a change.
          event.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="button button-primary">
        {buttonLabel}
      </label>
      <p id={hintId} className="hint">
        {hint}
      </p>
    </div>
  );
}
