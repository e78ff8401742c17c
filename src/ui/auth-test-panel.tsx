import { useEffect, useId, useRef, useState } from 'react';
import { identifierProblem, stripSeparators } from '../crypto/identifier-input';
import type { KsefEnvironment } from '../ksef/environments';
import { identifierText } from '../messages/identifier-text';
import { problemText } from '../messages/problem-text';
import type { SignInStep } from '../sign-in/sign-in';
import type { AuthTestAnswer } from '../state/auth-test';
import { useMessages } from '../state/preferences-store';
import './forms.css';
import { problemCode } from './problem-code';
import { signInProgressText } from './sign-in/sign-in-progress';
import { TextField } from './text-field';

/** What the screen runs when the button is pressed; the key and the certificate are the screen's. */
export type AuthTestRunner = (request: {
  readonly environment: KsefEnvironment;
  readonly contextNip: string;
  readonly onProgress: (step: SignInStep) => void;
}) => Promise<AuthTestAnswer>;

interface AuthTestPanelProps {
  /** Where the certificate signs in: one is fixed, more are offered to choose (TEST or DEMO). */
  readonly environments: readonly [KsefEnvironment, ...KsefEnvironment[]];
  /** The context NIP: fixed when `askNip` is false, else the field's first value (from the certificate). */
  readonly contextNip: string;
  readonly askNip: boolean;
  readonly run: AuthTestRunner;
  readonly headingLevel?: 2 | 3 | 4;
}

type PanelState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly step: SignInStep | null }
  | { readonly status: 'done'; readonly answer: AuthTestAnswer };

/**
 * "Test signing in with this certificate": signs in to KSeF with the screen's certificate and key,
 * says whom KSeF recognised and in which context, and that the session was ended. A certificate not
 * yet valid is explained (with the moment it becomes valid, in this computer's time zone) and an
 * Offline one refused, both before any request (`testCertificateSignIn`).
 */
export function AuthTestPanel({ environments, contextNip, askNip, run, headingLevel = 2 }: AuthTestPanelProps) {
  const t = useMessages();
  const headingId = useId();
  const [state, setState] = useState<PanelState>({ status: 'idle' });
  const [nip, setNip] = useState(contextNip);
  const [nipError, setNipError] = useState<string | undefined>(undefined);
  const [environment, setEnvironment] = useState<KsefEnvironment>(environments[0]);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 3 ? 'h3' : 'h4';

  const start = async () => {
    const digits = stripSeparators(nip);
    const found = identifierProblem('nip', digits);
    if (found !== null) {
      setNipError(identifierText(t, 'nip', found));
      return;
    }
    setNipError(undefined);
    setState({ status: 'running', step: null });
    const answer = await run({
      environment,
      contextNip: digits,
      onProgress: (step) => {
        if (mounted.current) setState({ status: 'running', step });
      },
    });
    if (mounted.current) setState({ status: 'done', answer });
  };

  return (
    <section className="panel stack" aria-labelledby={headingId} data-auth-test="">
      <Heading id={headingId}>{t.authTest.heading}</Heading>
      <p>{t.authTest.intro}</p>
      {environments.length > 1 && (
        <div className="field">
          <label htmlFor={`${headingId}-environment`}>{t.authTest.environment}</label>
          <select
            id={`${headingId}-environment`}
            className="text-input"
            value={environment}
            onChange={(event) => setEnvironment(event.target.value as KsefEnvironment)}
          >
            {environments.map((env) => (
              <option key={env} value={env}>
                {env.toUpperCase()}
              </option>
            ))}
          </select>
          <p className="hint">{t.authTest.environmentHint}</p>
        </div>
      )}
      {askNip && (
        <TextField
          label={t.authTest.nip}
          inputMode="numeric"
          value={nip}
          onChange={(event) => setNip(event.target.value)}
          error={nipError}
        />
      )}
      <div className="actions">
        <button type="button" className="button" disabled={state.status === 'running'} onClick={() => void start()}>
          {t.authTest.button}
        </button>
      </div>
      <div role="status" aria-live="polite" aria-busy={state.status === 'running'}>
        {state.status === 'running' && (
          <p className="apply-progress">
            <span className="spinner" aria-hidden="true" />
            {state.step === null ? t.authTest.running : signInProgressText(t, state.step)}
          </p>
        )}
        {state.status === 'done' && <AuthTestAnswerText answer={state.answer} />}
      </div>
    </section>
  );
}

function AuthTestAnswerText({ answer }: { readonly answer: AuthTestAnswer }) {
  const t = useMessages();
  switch (answer.outcome) {
    case 'signed-in': {
      const subject =
        answer.subject.identifier === null
          ? answer.subject.commonName
          : `${answer.subject.commonName} (${answer.subject.identifier})`;
      return (
        <div data-auth-test-result="signed-in">
          <p className="ok-text">
            ✓{' '}
            {answer.signedOut === 'signed-out'
              ? t.authTest.signedIn(subject, answer.contextNip)
              : t.authTest.alreadyEnded(subject, answer.contextNip)}
          </p>
          <p className="hint">{t.authTest.reference(answer.referenceNumber)}</p>
        </div>
      );
    }
    case 'not-yet-valid': {
      const when = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'long' }).format(answer.validFrom);
      return (
        <p className="error-text" data-auth-test-result="not-yet-valid">
          {t.authTest.notYetValid(when)}
        </p>
      );
    }
    case 'offline-certificate':
      return (
        <p className="error-text" data-auth-test-result="offline-certificate">
          {t.authTest.offline}
        </p>
      );
    case 'failed':
      return (
        <div className="error-text" data-auth-test-result="failed" data-problem={problemCode(answer.problem)}>
          <p>{t.authTest.failed}</p>
          <p>{problemText(t, answer.problem)}</p>
        </div>
      );
  }
}
