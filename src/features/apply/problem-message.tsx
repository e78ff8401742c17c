import { backToEnvironment, signInAgain } from '../../state/apply/back-actions';
import type { Problem } from '../../problem/problem';
import { useMessages } from '../../state/preferences-store';
import { problemText } from '../../messages/problem-text';
import { problemCode } from '../../ui/problem-code';

/** The KSeF session is over: the way forward is signing in again (the application carries on). */
export function sessionEnded(problem: Problem): boolean {
  return (
    (problem.source === 'apply' && problem.code === 'session-expired') ||
    (problem.source === 'ksef' && problem.code === 'unauthorized')
  );
}

/**
 * A failure in words: what went wrong and what to do next, from the catalog. KSeF's own texts (in
 * whatever language, and library messages such as "XMLJS0013 …" from a signature check) are not
 * words for the user: they stay folded under "technical details", for a support request.
 */
export function ProblemMessage({ title, problem }: { readonly title: string; readonly problem: Problem }) {
  const t = useMessages();
  const details = problem.source === 'ksef' || problem.source === 'apply' ? (problem.details ?? []) : [];
  const retryAfterSeconds = problem.source === 'ksef' ? problem.retryAfterSeconds : undefined;
  return (
    <div className="apply-problem" data-problem={problemCode(problem)}>
      <p className="apply-problem-title">
        <span aria-hidden="true">! </span>
        {title}
      </p>
      <p>{problemText(t, problem)}</p>
      {retryAfterSeconds !== undefined && <p>{t.apply.retryAfter(retryAfterSeconds)}</p>}
      {sessionEnded(problem) && (
        <p>
          <button type="button" className="button" onClick={signInAgain}>
            {t.apply.signInAgain}
          </button>
        </p>
      )}
      {problem.source === 'ksef' && problem.code === 'environment-unavailable' && (
        <p>
          <button type="button" className="button" onClick={backToEnvironment}>
            {t.apply.otherEnvironment}
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
