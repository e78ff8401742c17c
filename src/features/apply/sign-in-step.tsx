import type { Messages } from '../../messages/catalogs';
import type { SignInState } from '../../state/apply/model';
import { visitStep } from '../../state/apply/navigation-actions';
import {
  downloadUnsignedRequest,
  signInWithFiles,
  signInWithSignedFile,
  signInWithTestIdentity,
} from '../../state/apply/sign-in-actions';
import { canVisit } from '../../state/apply/steps';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import type { SignInFormActions } from '../../ui/sign-in/sign-in-form-actions';
import { SignInMethods } from '../../ui/sign-in/sign-in-methods';
import { signInProgressText } from '../../ui/sign-in/sign-in-progress';
import { FileReadProgress } from './file-read-progress';
import { ProblemMessage } from './problem-message';
import { StepHeading } from './step-heading';

/** The wizard's sign-in actions, for the shared forms. */
const ACTIONS: SignInFormActions = {
  signInWithFiles,
  downloadUnsignedRequest,
  signInWithSignedFile,
  signInWithTestIdentity: (input) => signInWithTestIdentity(input),
};

function progressText(t: Messages, signIn: SignInState): string | null {
  if (signIn.status === 'done') return t.apply.signIn.done(signIn.subject);
  return signIn.status === 'running' ? signInProgressText(t, signIn.progress) : null;
}

/** Step 2: sign in to KSeF, one of three clearly explained ways; progress and failures in words. */
export function SignInStep() {
  const t = useMessages();
  const environment = useApplyStore((s) => s.environment) ?? 'sandbox';
  const signIn = useApplyStore((s) => s.signIn);
  const resume = useApplyStore((s) => s.resume);
  const restored = useApplyStore((s) => s.restored);
  // After a reload in the middle of an external signature, its signed file is what comes next.
  const external = useApplyStore((s) => s.external);
  const contextNip = useApplyStore((s) => s.contextNip) ?? '';
  const busy = signIn.status === 'running';
  // Back here after signing in: the session is still on, so the data can be shown again as they are.
  const signedIn = useApplyStore((s) => s.step === 'sign-in' && canVisit(s, 'data'));
  const progress = progressText(t, signIn);

  return (
    <section className="panel" aria-labelledby="sign-in-heading">
      <StepHeading id="sign-in-heading">{t.apply.signIn.heading}</StepHeading>
      {restored?.signedIn === true && <p className="apply-note">{t.apply.restored.signInAgain}</p>}
      {resume !== null && <p className="apply-note">{t.apply.resume.continuing(resume.record.certificateName)}</p>}
      <p>{t.apply.signIn.intro(t.apply.environment.names[environment])}</p>
      <SignInMethods
        environment={environment}
        busy={busy}
        actions={ACTIONS}
        challengeIssuedAt={external?.challengeIssuedAt ?? null}
        contextNip={contextNip}
      />

      <div className="apply-status" role="status" aria-live="polite" aria-busy={busy} data-sign-in={signIn.status}>
        {progress !== null && (
          <p className={signIn.status === 'done' ? 'ok-text' : 'apply-progress'}>
            {signIn.status === 'running' && <span className="spinner" aria-hidden="true" />}
            {progress}
          </p>
        )}
        <FileReadProgress />
        {signIn.status === 'failed' && <ProblemMessage title={t.apply.signIn.failed} problem={signIn.problem} />}
      </div>
      {signedIn && (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => visitStep('data')}>
            {t.apply.next}
          </button>
        </div>
      )}
    </section>
  );
}
