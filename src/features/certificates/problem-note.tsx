import { problemText } from '../../messages/problem-text';
import type { Problem } from '../../problem/problem';
import { useMessages } from '../../state/preferences-store';
import { problemCode } from '../../ui/problem-code';

/**
 * A failure in words from the catalog; KSeF's own texts stay folded under "technical details".
 * A session that ended says to sign in again (`onSignInAgain`).
 */
export function ProblemNote({
  title,
  problem,
  onSignInAgain,
}: {
  readonly title: string;
  readonly problem: Problem;
  readonly onSignInAgain?: () => void;
}) {
  const t = useMessages();
  const details = problem.source === 'ksef' ? (problem.details ?? []) : [];
  const retryAfterSeconds = problem.source === 'ksef' ? problem.retryAfterSeconds : undefined;
  const sessionEnded = problem.source === 'certificates' && problem.code === 'session-expired';
  return (
    <div className="cert-problem" data-problem={problemCode(problem)}>
      <p className="cert-problem-title">
        <span aria-hidden="true">! </span>
        {title}
      </p>
      <p>{problemText(t, problem)}</p>
      {retryAfterSeconds !== undefined && <p>{t.apply.retryAfter(retryAfterSeconds)}</p>}
      {sessionEnded && onSignInAgain !== undefined && (
        <p>
          <button type="button" className="button" onClick={onSignInAgain}>
            {t.apply.signInAgain}
          </button>
        </p>
      )}
      {details.length > 0 && (
        <details className="technical-details">
          <summary>{t.apply.technicalDetails}</summary>
          <ul className="hint">
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
