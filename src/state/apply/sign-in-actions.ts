/**
 * The wizard's first steps: environment and context, sign-in (three methods), enrollment data and
 * limits, certificate details. Secrets go to the vault; the store gets progress and results only.
 */
import { readFileBytes } from '../../browser/read-file';
import type { TestIdentityInput } from '../../crypto/test-identity';
import type { KeyAlgorithm } from '../../crypto/algorithms';
import type { KsefEnvironment } from '../../ksef/environments';
import type { Problem } from '../../problem/problem';
import type { ApplyState, CertificateDetails, SavedKeyInfo, SignInMethod } from './model';
import { initialApplyState, useApplyStore } from './store';
import { resumeAfterSignIn } from './resume-actions';
import { ApplyError, returnFailure, settleFailure } from './errors';
import { ksefClient, onPollRateLimitWait, waitForKsef } from './ksef-client';
import { loadApplyCrypto } from './load-crypto';
import { readInWorker, wasStopped } from './file-read';
import { seams } from './seams';
import { pollAndRetrieve } from './submit-actions';
import { forgetAll, forgetKey, vault } from './vault';
import { safeFileName } from '../file-name';
import { nextStep, stepAfter, stepVisited } from './steps';
import type { SignedInSession, SignInOptions, SignInStep } from '../../sign-in/sign-in';

const set = useApplyStore.setState;
const get = useApplyStore.getState;

/**
 * Starts (or restarts) an application on `environment`, acting for `contextNip`; step 'sign-in'. The
 * same environment and context again (after going back to step 1) keep the application as it is.
 */
export function chooseEnvironment(environment: KsefEnvironment, contextNip: string): void {
  const { resume, submission, environment: before, contextNip: contextBefore } = get();
  if (environment === before && contextNip === contextBefore && submission.status === 'idle') {
    set({ step: stepAfter('environment-chosen') });
    return;
  }
  forgetAll();
  // A resumed application keeps its record; anything else starts afresh.
  set({ ...initialApplyState, resume, environment, contextNip, step: stepAfter('environment-chosen') });
}

/**
 * Signs in with a KSeF certificate (or another file-based one): `.key` + `.crt`, a PFX, or a PEM with
 * both. The password opens the key file and is not kept.
 */
export async function signInWithFiles(input: {
  readonly keyFile: File;
  readonly certificateFile?: File;
  readonly password: string;
}): Promise<void> {
  await runSignIn('ksef-certificate', async (environment, context) => {
    const keyFile = await readFileBytes(input.keyFile);
    const certificateFile =
      input.certificateFile === undefined ? undefined : await readFileBytes(input.certificateFile);
    const files = { keyFile, password: input.password, ...(certificateFile === undefined ? {} : { certificateFile }) };
    // The files are opened in the worker; signing in with the key is quick and stays here.
    const { key, certificate, summary } = await readInWorker(
      'signing-credentials',
      { files, now: seams().now() },
      input.keyFile.name,
    );
    const crypto = await loadApplyCrypto();
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
    if (environment === null) throw new ApplyError('wrong-step', 'Choose the environment first');
    const crypto = await loadApplyCrypto();
    const prepared = await crypto.prepareExternalSignature(
      await ksefClient(environment),
      { context: requireContext(contextNip) },
      { now: seams().now },
    );
    seams().download(prepared.fileName, prepared.unsignedXml, 'application/xml');
    set({
      external: {
        challenge: prepared.challenge,
        challengeIssuedAt: prepared.challengeIssuedAt.toISOString(),
        fileName: prepared.fileName,
      },
      signIn: { status: 'idle' },
    });
  } catch (error) {
    settleFailure(error, (problem) => set({ signIn: { status: 'failed', problem } }));
  }
}

/** Signs in with the request the user signed outside the app (`downloadUnsignedRequest` first). */
export async function signInWithSignedFile(file: File): Promise<void> {
  await runSignIn('external', async (environment) => {
    const { external } = get();
    if (external === null) throw new ApplyError('wrong-step', 'Download the request to sign first');
    const bytes = await readFileBytes(file);
    const { now, sleep } = seams();
    // Parsing, canonicalising and verifying the user's file happen in the file reader's worker.
    const checked = await readInWorker(
      'signed-file',
      { bytes, challenge: external.challenge, challengeIssuedAt: new Date(external.challengeIssuedAt), now: now() },
      file.name,
    );
    const crypto = await loadApplyCrypto();
    const session = await crypto.signInWithCheckedFile(await ksefClient(environment), checked, {
      now,
      crypto: seams().crypto,
      onProgress: progress,
      pollOptions: { sleep, now, onRateLimitWait: onPollRateLimitWait },
    });
    // The signer's name is not read from the user's file; the enrollment data names the subject.
    return { session, subject: null };
  });
}

/**
 * Mints a throwaway self-signed identity and signs in with it (sandbox and TEST only). The identity's
 * key stays in the vault until `downloadTestIdentity` or sign-out.
 */
export async function signInWithTestIdentity(input: TestIdentityInput, algorithm?: KeyAlgorithm): Promise<void> {
  await runSignIn('test-identity', async (environment, context) => {
    const crypto = await loadApplyCrypto();
    const options = {
      ...signInOptions(),
      ...(algorithm === undefined ? {} : { algorithm }),
      ...(context === null ? {} : { context: { type: 'Nip' as const, value: context } }),
    };
    const { session, identity } = await crypto.signInWithTestIdentity(
      await ksefClient(environment),
      environment,
      input,
      options,
    );
    vault.testIdentity = identity;
    const summary = await crypto.readCertificate(identity.certificate, seams().now(), seams().crypto);
    return { session, subject: summary.ownerName ?? summary.subjectText };
  });
}

/**
 * Saves the test identity as `<name>-tozsamosc-testowa.key` (encrypted with `password`) and `.crt`.
 * @returns the problem, or `null` when both files were saved.
 */
export async function downloadTestIdentity(password: string): Promise<Problem | null> {
  try {
    const identity = vault.testIdentity;
    if (identity === null) throw new ApplyError('wrong-step', 'No test identity to save');
    const crypto = await loadApplyCrypto();
    const exported = await crypto.exportTestIdentity(identity, password, seams().crypto);
    const summary = await crypto.readCertificate(identity.certificate, seams().now(), seams().crypto);
    const base = `${safeFileName(summary.ownerName ?? '', 'tozsamosc')}-tozsamosc-testowa`;
    seams().download(`${base}.key`, exported.keyPem, 'application/x-pem-file');
    seams().download(`${base}.crt`, exported.certificatePem, 'application/x-pem-file');
    return null;
  } catch (error) {
    return returnFailure(error);
  }
}

/** Step 'data' → 'details', unless KSeF accepts no request now. @returns 'cannot-request' or `null`. */
export function continueToDetails(): Problem | null {
  const { enrollment } = get();
  if (enrollment.status !== 'done') return { source: 'apply', code: 'wrong-step' };
  if (!enrollment.limits.canRequest) return { source: 'apply', code: 'cannot-request' };
  const step = nextStep(get().step, 'data-accepted');
  if (step === null) return { source: 'apply', code: 'wrong-step' };
  set({ step });
  return null;
}

/**
 * The `.key` that setting `details` would give up: a key was made (or saved before a reload) and the
 * certificate name, the certificate type or the key type changed. `null` when the key is kept (only
 * the start date changed, or no key yet). The UI asks first: the file stays on disk, a new key is made.
 */
export function keyReplacedBy(state: ApplyState, details: CertificateDetails): SavedKeyInfo | null {
  const { key, details: before } = state;
  const saved = key.status === 'saved' || key.status === 'proven' ? key : key.status === 'failed' ? key.saved : null;
  if (saved === null || before === null) return null;
  const same =
    before.certificateName === details.certificateName &&
    before.certificateType === details.certificateType &&
    before.keyAlgorithm === details.keyAlgorithm;
  return same ? null : { fileName: saved.fileName, publicKeyFingerprint: saved.publicKeyFingerprint };
}

/**
 * Keeps the certificate details; step 'key'. The key made for other details (`keyReplacedBy`) is
 * dropped, so the key step makes a new one; with the same name and types the (proven) key stays.
 */
export function setDetails(details: CertificateDetails): void {
  const step = stepAfter('details-set');
  const state = get();
  if (keyReplacedBy(state, details) !== null) {
    forgetKey();
    set({
      key: { status: 'idle' },
      passwordStoredConfirmed: false,
      preflight: null,
      restored: state.restored === null ? null : { ...state.restored, savedKey: null },
    });
  }
  set({ details, step });
}

type SignInWork = (
  environment: KsefEnvironment,
  contextNip: string | null,
) => Promise<{ session: SignedInSession; subject: string | null }>;

async function runSignIn(method: SignInMethod, work: SignInWork): Promise<void> {
  const { environment, contextNip } = get();
  set({ signIn: { status: 'running', progress: { stage: 'challenge' } } });
  await waitForKsef();
  let signedIn: { session: SignedInSession; subject: string | null };
  try {
    if (environment === null) throw new ApplyError('wrong-step', 'Choose the environment first');
    signedIn = await work(environment, contextNip);
  } catch (error) {
    // Stopped by the user while the files were read: back to the form, nothing to report.
    if (wasStopped(error)) set({ signIn: { status: 'idle' } });
    else settleFailure(error, (problem) => set({ signIn: { status: 'failed', problem } }));
    return;
  }
  vault.session = signedIn.session;
  set({ signIn: { status: 'done', subject: signedIn.subject ?? '', method } });
  await afterSignIn(environment, signedIn.session);
}

/** A resumed application continues; one waiting for its enrollment polls again; else load the data. */
async function afterSignIn(environment: KsefEnvironment, session: SignedInSession): Promise<void> {
  const { resume, submission } = get();
  if (resume !== null) {
    await resumeAfterSignIn(resume.record);
    return;
  }
  // An application cut off by an expired session goes on where it stopped.
  if (
    submission.status === 'failed' &&
    submission.problem.source === 'apply' &&
    submission.problem.code === 'session-expired' &&
    vault.key !== null &&
    get().key.status === 'proven'
  ) {
    set({ step: stepAfter('submission-continued') });
    if (submission.referenceNumber !== null) await pollAndRetrieve(submission.referenceNumber);
    return;
  }
  await loadEnrollment(environment, session);
}

/**
 * Step 'data' after a failure to load it (KSeF unreachable, slow, a 5xx): loads the enrollment data
 * and limits again with the same session; the sign-in is kept.
 */
export async function retryEnrollmentData(): Promise<void> {
  const { environment } = get();
  const session = vault.session;
  if (environment === null || session === null) {
    set({
      enrollment: {
        status: 'failed',
        problem: { source: 'apply', code: session === null ? 'session-expired' : 'wrong-step' },
      },
    });
    return;
  }
  set({ enrollment: { status: 'loading' } });
  await waitForKsef();
  await loadEnrollment(environment, session);
}

async function loadEnrollment(environment: KsefEnvironment, session: SignedInSession): Promise<void> {
  set({ enrollment: { status: 'loading' } });
  try {
    const step = stepAfter('enrollment-loaded');
    const client = await ksefClient(environment);
    const [data, limits] = await Promise.all([
      client.getEnrollmentData(session.tokens),
      client.getCertificateLimits(session.tokens),
    ]);
    const { signIn } = get();
    if (signIn.status === 'done' && signIn.subject === '') set({ signIn: { ...signIn, subject: data.commonName } });
    set({ enrollment: { status: 'done', data, limits }, step });
    returnToRestoredStep();
  } catch (error) {
    const step = nextStep(get().step, 'enrollment-loaded');
    settleFailure(error, (problem) =>
      set({ enrollment: { status: 'failed', problem }, ...(step === null ? {} : { step }) }),
    );
  }
}

/**
 * After a reload, signing in again goes back to the step the user was on: the details, or the key step
 * with the saved `.key`'s proof (from the review too: its key is opened again there first). Once only;
 * a step that may not be shown (KSeF accepts no request now) leaves the wizard on the data.
 */
function returnToRestoredStep(): void {
  const { restored } = get();
  if (restored === null || restored.returnTo === null) return;
  const wanted = restored.returnTo === 'details' ? 'details' : 'key';
  const comeBack = restored.returnTo === 'details' || restored.returnTo === 'key' || restored.returnTo === 'review';
  set({ restored: { ...restored, returnTo: null } });
  if (comeBack) set({ step: stepVisited(wanted) });
}

function progress(step: SignInStep): void {
  set({ signIn: { status: 'running', progress: step } });
}

function signInOptions(): SignInOptions {
  const { now, sleep, crypto } = seams();
  return { now, crypto, onProgress: progress, pollOptions: { sleep, now, onRateLimitWait: onPollRateLimitWait } };
}

function requireContext(contextNip: string | null): { readonly type: 'Nip'; readonly value: string } {
  if (contextNip === null) throw new ApplyError('wrong-step', 'Enter the context NIP first');
  return { type: 'Nip', value: contextNip };
}
