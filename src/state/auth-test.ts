/**
 * The certificate sign-in test as the screens run it (the wizard's result, the checker's pair): the
 * pure `testCertificateSignIn` over a KSeF client on the relay, its failures turned into a `Problem`.
 * Its state is the panel's own (`src/ui/auth-test-panel.tsx`): nothing of it outlives the panel, and
 * the session it opens is ended before the answer is shown.
 */
import { ReadFileError } from '../browser/read-file';
import { isCryptoError } from '../crypto/errors';
import type { LoadedPrivateKey } from '../crypto/key-type';
import { isKsefError } from '../ksef/errors';
import type { KsefEnvironment } from '../ksef/environments';
import type { Problem } from '../problem/problem';
import type { AuthTestClient, AuthTestResult } from '../sign-in/auth-test';
import { isSignInError } from '../sign-in/errors';
import type { SignInStep } from '../sign-in/sign-in';
import { logUnexpected } from './log-unexpected';

/** What the panel shows: the test's answer, or why it could not be had. */
export type AuthTestAnswer = AuthTestResult | { readonly outcome: 'failed'; readonly problem: Problem };

/** What a run needs from the screen. */
export interface AuthTestRun {
  readonly environment: KsefEnvironment;
  readonly key: LoadedPrivateKey;
  /** DER. */
  readonly certificate: Uint8Array;
  readonly contextNip: string;
  readonly onProgress?: (step: SignInStep) => void;
}

/** The `Problem` of a test's failure; an error nobody named is 'unexpected' (and logged without its message). */
export function authTestProblem(error: unknown): Problem {
  if (isKsefError(error)) {
    const details = error.exceptions.flatMap((e) => [e.description, ...e.details]).filter((d) => d !== '');
    return {
      source: 'ksef',
      code: error.code,
      ...(details.length > 0 ? { details } : {}),
      ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    };
  }
  if (isCryptoError(error)) return { source: 'crypto', code: error.code };
  if (isSignInError(error)) return { source: 'sign-in', code: error.code };
  if (error instanceof ReadFileError) return { source: 'file', code: error.code };
  logUnexpected('the certificate sign-in test failed unexpectedly', error);
  return { source: 'unexpected' };
}

/** A KSeF client for `environment`: the screen's own (the wizard's seams), or one on this page's relay. */
export type AuthTestClientFactory = (environment: KsefEnvironment) => Promise<AuthTestClient>;

const relayClient: AuthTestClientFactory = async (environment) => {
  const [{ createKsefClient }, { relayBaseUrl }] = await Promise.all([
    import('../ksef/client'),
    import('../ksef/environments'),
  ]);
  return createKsefClient({ baseUrl: relayBaseUrl(environment, globalThis.location.origin) });
};

/** Runs the test (the KSeF client and the crypto load on first use); never throws for a named failure. */
export async function runAuthTest(
  run: AuthTestRun,
  makeClient: AuthTestClientFactory = relayClient,
  now?: () => Date,
): Promise<AuthTestAnswer> {
  try {
    const [client, { testCertificateSignIn }] = await Promise.all([
      makeClient(run.environment),
      import('../sign-in/auth-test'),
    ]);
    return await testCertificateSignIn(
      client,
      { key: run.key, certificate: run.certificate, contextNip: run.contextNip, environment: run.environment },
      {
        ...(run.onProgress === undefined ? {} : { onProgress: run.onProgress }),
        ...(now === undefined ? {} : { now }),
      },
    );
  } catch (error) {
    return { outcome: 'failed', problem: authTestProblem(error) };
  }
}
