import type { Problem } from '../../problem/problem';
import { useMessages } from '../../state/preferences-store';
import { ProblemBox } from '../../ui/problem-box';

/** A failure on the certificates screen; a session that ended says to sign in again (`onSignInAgain`). */
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
  const sessionEnded = problem.source === 'certificates' && problem.code === 'session-expired';
  return (
    <ProblemBox title={title} problem={problem} className="cert-problem">
      {sessionEnded && onSignInAgain !== undefined && (
        <p>
          <button type="button" className="button" onClick={onSignInAgain}>
            {t.apply.signInAgain}
          </button>
        </p>
      )}
    </ProblemBox>
  );
}
