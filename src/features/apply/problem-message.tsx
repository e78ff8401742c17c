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

/** A failure in words: what went wrong, what to do next, and KSeF's own details when it gave any. */
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
        <>
          <p className="hint">{t.apply.ksefDetails}</p>
          <ul className="hint">
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
