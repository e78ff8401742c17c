import { useState } from 'react';
import { KSEF_ENVIRONMENT_INFO } from '../../ksef/environments';
import type { Messages } from '../../messages/catalogs';
import type { SignInMethod, SignInState } from '../../state/apply/model';
import { visitStep } from '../../state/apply/navigation-actions';
import { canVisit } from '../../state/apply/steps';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { FileReadProgress } from './file-read-progress';
import { ProblemMessage } from './problem-message';
import { CertificateSignInForm } from './sign-in-certificate-form';
import { ExternalSignInForm } from './sign-in-external-form';
import { TestIdentityForm } from './sign-in-test-identity-form';
import { StepHeading } from './step-heading';

function progressText(t: Messages, signIn: SignInState): string | null {
  if (signIn.status === 'done') return t.apply.signIn.done(signIn.subject);
  if (signIn.status !== 'running') return null;
  const { progress } = signIn;
  switch (progress.stage) {
    case 'challenge':
    case 'signing':
    case 'submitting':
    case 'redeeming':
      return t.apply.signIn.progress[progress.stage];
    case 'verifying':
      return t.apply.signIn.progress.verifying(progress.attempt);
  }
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
  const testAllowed = KSEF_ENVIRONMENT_INFO[environment].allowsSelfSignedIdentity;
  const methods: readonly SignInMethod[] = testAllowed
    ? ['test-identity', 'ksef-certificate', 'external']
    : ['ksef-certificate', 'external'];
  const [method, setMethod] = useState<SignInMethod>(
    external !== null ? 'external' : (methods[0] ?? 'ksef-certificate'),
  );
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
      <fieldset className="choices">
        <legend>{t.apply.signIn.legend}</legend>
        {methods.map((id) => (
          <label key={id} className="choice">
            <input
              type="radio"
              name="sign-in-method"
              value={id}
              checked={method === id}
              disabled={busy}
              onChange={() => setMethod(id)}
              aria-describedby={`method-${id}-hint`}
            />
            <span className="choice-text">
              <span className="choice-name">{t.apply.signIn.methods[id]}</span>
              <span id={`method-${id}-hint`} className="choice-hint">
                {t.apply.signIn.methodHints[id]}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {!testAllowed && <p className="hint">{t.apply.signIn.notAllowed}</p>}

      <div className="apply-subform">
        {method === 'ksef-certificate' && <CertificateSignInForm busy={busy} />}
        {method === 'external' && <ExternalSignInForm busy={busy} />}
        {method === 'test-identity' && <TestIdentityForm busy={busy} />}
      </div>

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
