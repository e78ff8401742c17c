import { useState } from 'react';
import '../forms.css';
import { KSEF_ENVIRONMENT_INFO, type KsefEnvironment } from '../../ksef/environments';
import { useMessages } from '../../state/preferences-store';
import { CertificateSignInForm } from './sign-in-certificate-form';
import { ExternalSignInForm } from './sign-in-external-form';
import type { SignInFormActions, SignInFormMethod } from './sign-in-form-actions';
import { TestIdentityForm } from './sign-in-test-identity-form';

interface SignInMethodsProps {
  readonly environment: KsefEnvironment;
  readonly busy: boolean;
  readonly actions: SignInFormActions;
  /** When the request to sign was downloaded (ISO date-time); then the external method comes first. */
  readonly challengeIssuedAt: string | null;
  readonly contextNip: string;
}

/**
 * The choice among the three ways to sign in (a test identity only where the environment accepts one)
 * and the chosen one's form. The screen shows the progress and the failures of its own actions.
 */
export function SignInMethods({ environment, busy, actions, challengeIssuedAt, contextNip }: SignInMethodsProps) {
  const t = useMessages();
  const testAllowed = KSEF_ENVIRONMENT_INFO[environment].allowsSelfSignedIdentity;
  const methods: readonly SignInFormMethod[] = testAllowed
    ? ['test-identity', 'ksef-certificate', 'external']
    : ['ksef-certificate', 'external'];
  // After a reload in the middle of an external signature, its signed file is what comes next.
  const [method, setMethod] = useState<SignInFormMethod>(
    challengeIssuedAt !== null ? 'external' : (methods[0] ?? 'ksef-certificate'),
  );
  return (
    <>
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
        {method === 'ksef-certificate' && (
          <CertificateSignInForm busy={busy} signInWithFiles={actions.signInWithFiles} />
        )}
        {method === 'external' && (
          <ExternalSignInForm
            busy={busy}
            challengeIssuedAt={challengeIssuedAt}
            downloadUnsignedRequest={actions.downloadUnsignedRequest}
            signInWithSignedFile={actions.signInWithSignedFile}
          />
        )}
        {method === 'test-identity' && (
          <TestIdentityForm
            busy={busy}
            contextNip={contextNip}
            signInWithTestIdentity={actions.signInWithTestIdentity}
          />
        )}
      </div>
    </>
  );
}
