import { useEffect, useState } from 'react';
import { useKsefWaitStore, type KsefWait } from '../../state/apply/ksef-wait';
import { useMessages } from '../../state/preferences-store';
import { ProgressLine } from './progress-line';

/**
 * "KSeF is limiting requests, waiting N s": shown while the app waits out a `Retry-After` (HTTP 429),
 * so the pause does not look like a hang. The polite live region is always there, empty when there
 * is no wait, so screen readers announce the text when it appears.
 */
export function KsefWaitNotice() {
  const t = useMessages();
  const wait = useKsefWaitStore((s) => s.wait);
  const [over, setOver] = useState<KsefWait | null>(null);

  useEffect(() => {
    if (wait === null) return undefined;
    const timer = setTimeout(() => setOver(wait), Math.max(0, wait.until - Date.now()));
    return () => clearTimeout(timer);
  }, [wait]);

  const shown = wait !== null && wait !== over ? wait : null;
  return (
    <div
      className="apply-status"
      role="status"
      aria-live="polite"
      data-ksef-wait={shown === null ? 'none' : shown.seconds}
    >
      {shown !== null && <ProgressLine>{t.apply.rateLimitWait(shown.seconds)}</ProgressLine>}
    </div>
  );
}
