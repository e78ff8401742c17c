import { backToEnvironment, signInAgain } from '../../state/apply/back-actions';
import type { Problem } from '../../problem/problem';
import { useMessages } from '../../state/preferences-store';
import { ProblemBox } from '../../ui/problem-box';

/** The KSeF session is over: the way forward is signing in again (the application carries on). */
export function sessionEnded(problem: Problem): boolean {
  return (
    (problem.source === 'apply' && problem.code === 'session-expired') ||
    (problem.source === 'ksef' && problem.code === 'unauthorized')
  );
}

/** A failure in the wizard, with its ways forward: sign in again, or choose another environment. */
export function ProblemMessage({ title, problem }: { readonly title: string; readonly problem: Problem }) {
  const t = useMessages();
  return (
    <ProblemBox title={title} problem={problem} className="apply-problem">
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
    </ProblemBox>
  );
}
