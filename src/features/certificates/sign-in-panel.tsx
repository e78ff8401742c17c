import { useCertificatesMessages } from '../../state/certificates/messages';
import type { KsefEnvironment } from '../../ksef/environments';
import {
  changeEnvironment,
  downloadUnsignedRequest,
  signInWithFiles,
  signInWithSignedFile,
  signInWithTestIdentity,
} from '../../state/certificates/sign-in-actions';
import { useCertificatesStore } from '../../state/certificates/store';
import { useMessages } from '../../state/preferences-store';
import type { SignInFormActions } from '../../ui/sign-in/sign-in-form-actions';
import { SignInMethods } from '../../ui/sign-in/sign-in-methods';
import { signInProgressText } from '../../ui/sign-in/sign-in-progress';
import { ProblemNote } from './problem-note';

const ACTIONS: SignInFormActions = {
  signInWithFiles,
  downloadUnsignedRequest,
  signInWithSignedFile,
  signInWithTestIdentity,
};

/** Sign in with the wizard's three methods (its forms, this screen's actions). */
export function CertificatesSignIn({ environment }: { readonly environment: KsefEnvironment }) {
  const t = useMessages();
  const c = useCertificatesMessages();
  const signIn = useCertificatesStore((s) => s.signIn);
  const external = useCertificatesStore((s) => s.external);
  const contextNip = useCertificatesStore((s) => s.contextNip) ?? '';
  const busy = signIn.status === 'running';
  return (
    <section className="panel" aria-labelledby="certificates-sign-in-heading">
      <h2 id="certificates-sign-in-heading">{t.apply.signIn.heading}</h2>
      <p>{c.signInIntro(t.apply.environment.names[environment], contextNip)}</p>
      <p>
        <button type="button" className="button button-quiet" onClick={changeEnvironment} disabled={busy}>
          {c.changeEnvironment}
        </button>
      </p>
      <SignInMethods
        environment={environment}
        busy={busy}
        actions={ACTIONS}
        challengeIssuedAt={external?.challengeIssuedAt ?? null}
        contextNip={contextNip}
      />
      <div className="cert-status" role="status" aria-live="polite" aria-busy={busy} data-sign-in={signIn.status}>
        {signIn.status === 'running' && (
          <p className="cert-progress">
            <span className="cert-spinner" aria-hidden="true" />
            {signInProgressText(t, signIn.progress)}
          </p>
        )}
        {signIn.status === 'failed' && <ProblemNote title={t.apply.signIn.failed} problem={signIn.problem} />}
      </div>
    </section>
  );
}
