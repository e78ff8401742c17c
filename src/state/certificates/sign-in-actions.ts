/**
 * Choosing the environment and signing in on the certificates screen, with the same pure sign-in
 * functions (`src/sign-in/`) and the same file reader as the wizard. The session goes to the vault;
 * the store gets progress and the subject's name only.
 */
import { readFileBytes } from '../../browser/read-file';
import type { TestIdentityInput } from '../../crypto/test-identity';
import type { KsefEnvironment } from '../../ksef/environments';
import { signOut as ksefSignOut } from '../../ksef/sign-in';
import type { Problem } from '../../problem/problem';
import type { SignedInSession, SignInOptions, SignInStep } from '../../sign-in/sign-in';
import { fileReader } from '../file-reader';
import { CertificatesError, problemOf, settleFailure } from './errors';
import { ksefClient } from './ksef-client';
import { loadList } from './list-actions';
import { loadCertificatesCrypto } from './load-crypto';
import { seams } from './seams';
import { initialCertificatesState, useCertificatesStore } from './store';
import { forgetSession, vault } from './vault';

const set = useCertificatesStore.setState;
const get = useCertificatesStore.getState;

/** Starts afresh on `environment`, acting for `contextNip`; any earlier session is forgotten. */
export function chooseEnvironment(environment: KsefEnvironment, contextNip: string): void {
  forgetSession();
  set({ ...initialCertificatesState, environment, contextNip });
}

/** Back to choosing the environment; the session is forgotten (not signed out: see `signOut`). */
export function changeEnvironment(): void {
  forgetSession();
  set({ ...initialCertificatesState, environment: get().environment, contextNip: get().contextNip });
  set({ environment: null });
}

/** Signs in with a `.key` + `.crt`, a PFX or a PEM with both; the files are opened in the file reader's worker. */
export async function signInWithFiles(input: {
  readonly keyFile: File;
  readonly certificateFile?: File;
  readonly password: string;
}): Promise<void> {
  await runSignIn(async (environment, context) => {
    const keyFile = await readFileBytes(input.keyFile);
    const certificateFile =
      input.certificateFile === undefined ? undefined : await readFileBytes(input.certificateFile);
    const files = { keyFile, password: input.password, ...(certificateFile === undefined ? {} : { certificateFile }) };
    const { key, certificate, summary } = await fileReader.read('signing-credentials', { files, now: seams().now() });
    const crypto = await loadCertificatesCrypto();
    const session = await crypto.signInWithKsefCertificate(
      await ksefClient(environment),
      { key, certificate, context: requireContext(context) },
      { ...signInOptions(), environment },
    );
    return { session, subject: summary.ownerName ?? summary.subjectText };
  });
}

/** Downloads `AuthTokenRequest.xml` with a fresh challenge, for the user's signing software. */
export async function downloadUnsignedRequest(): Promise<void> {
  const { environment, contextNip } = get();
  try {
    if (environment === null) throw new CertificatesError('wrong-step', 'Choose the environment first');
    const crypto = await loadCertificatesCrypto();
    const prepared = await crypto.prepareExternalSignature(
      await ksefClient(environment),
      { context: requireContext(contextNip) },
      { now: seams().now },
    );
    seams().download(prepared.fileName, prepared.unsignedXml, 'application/xml');
    set({
      external: { challenge: prepared.challenge, challengeIssuedAt: prepared.challengeIssuedAt.toISOString() },
      signIn: { status: 'idle' },
    });
  } catch (error) {
    settleFailure(error, (problem) => set({ signIn: { status: 'failed', problem } }));
  }
}

/** Signs in with the request the user signed in their own software (`downloadUnsignedRequest` first). */
export async function signInWithSignedFile(file: File): Promise<void> {
  await runSignIn(async (environment) => {
    const { external } = get();
    if (external === null) throw new CertificatesError('wrong-step', 'Download the request to sign first');
    const bytes = await readFileBytes(file);
    const { now } = seams();
    const checked = await fileReader.read('signed-file', {
      bytes,
      challenge: external.challenge,
      challengeIssuedAt: new Date(external.challengeIssuedAt),
      now: now(),
    });
    const crypto = await loadCertificatesCrypto();
    const session = await crypto.signInWithCheckedFile(await ksefClient(environment), checked, signInOptions());
    return { session, subject: '' };
  });
}

/** Mints a throwaway self-signed identity and signs in with it (sandbox and TEST only); its key is not kept. */
export async function signInWithTestIdentity(input: TestIdentityInput): Promise<void> {
  await runSignIn(async (environment, context) => {
    const crypto = await loadCertificatesCrypto();
    const { session, identity } = await crypto.signInWithTestIdentity(
      await ksefClient(environment),
      environment,
      input,
      {
        ...signInOptions(),
        ...(context === null ? {} : { context: { type: 'Nip' as const, value: context } }),
      },
    );
    const summary = await crypto.readCertificate(identity.certificate, seams().now(), seams().crypto);
    return { session, subject: summary.ownerName ?? summary.subjectText };
  });
}

/**
 * Signs out (DELETE /auth/sessions/current) and forgets the session and the list, even when KSeF
 * could not be reached. @returns the sign-out's problem or `null`.
 */
export async function signOut(): Promise<Problem | null> {
  const { environment, contextNip } = get();
  const session = vault.session;
  let problem: Problem | null = null;
  try {
    if (session !== null && environment !== null) await ksefSignOut(await ksefClient(environment), session);
  } catch (error) {
    problem = problemOf(error) ?? { source: 'unexpected' };
  } finally {
    // Security: the tokens do not outlive a sign-out, whatever happened on the way.
    forgetSession();
    set({ ...initialCertificatesState, environment, contextNip });
  }
  return problem;
}

type SignInWork = (
  environment: KsefEnvironment,
  contextNip: string | null,
) => Promise<{ session: SignedInSession; subject: string }>;

async function runSignIn(work: SignInWork): Promise<void> {
  const { environment, contextNip } = get();
  set({ signIn: { status: 'running', progress: { stage: 'challenge' } } });
  let signedIn: { session: SignedInSession; subject: string };
  try {
    if (environment === null) throw new CertificatesError('wrong-step', 'Choose the environment first');
    signedIn = await work(environment, contextNip);
  } catch (error) {
    settleFailure(error, (problem) => set({ signIn: { status: 'failed', problem } }));
    return;
  }
  vault.session = signedIn.session;
  set({ signIn: { status: 'done', subject: signedIn.subject } });
  await loadList();
}

function progress(step: SignInStep): void {
  set({ signIn: { status: 'running', progress: step } });
}

function signInOptions(): SignInOptions {
  const { now, sleep, crypto } = seams();
  return { now, crypto, onProgress: progress, pollOptions: { sleep, now } };
}

function requireContext(contextNip: string | null): { readonly type: 'Nip'; readonly value: string } {
  if (contextNip === null) throw new CertificatesError('wrong-step', 'Enter the context NIP first');
  return { type: 'Nip', value: contextNip };
}
