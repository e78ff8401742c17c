import { useEffect, useState } from 'react';

/** Reads shorter than this show nothing: a flash of progress is noise. */
export const PROGRESS_DELAY_MS = 300;

interface ReadProgressProps {
  /** What is happening, e.g. "Reading jan.pfx…". */
  readonly label: string;
  /** The stop button's visible text and its accessible name (which names the file). */
  readonly stopText: string;
  readonly stopLabel: string;
  readonly onStop: () => void;
}

/**
 * Progress of a file being read (in a worker), shown once the read takes longer than 300 ms: an
 * indeterminate progress bar, the words in a polite live region, and a button that stops the read.
 */
export function ReadProgress({ label, stopText, stopLabel, onStop }: ReadProgressProps) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!shown) return null;
  return (
    <div className="read-progress" data-read-progress="">
      <progress aria-label={label} />
      <span role="status">{label}</span>
      <button type="button" className="button button-quiet" aria-label={stopLabel} onClick={onStop}>
        {stopText}
      </button>
    </div>
  );
}
