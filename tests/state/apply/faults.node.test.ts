import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backToEnvironment } from '../../../src/state/apply/back-actions';
import {
  chooseEnvironment,
  continueToDetails,
  retryEnrollmentData,
  setDetails,
  signInWithTestIdentity,
} from '../../../src/state/apply/sign-in-actions';
import {
  confirmPasswordStored,
  continueToReview,
  generateAndSaveKey,
  proveKeySaved,
} from '../../../src/state/apply/key-actions';
import {
  listApplications,
  openSavedKeyForResume,
  resumeApplication,
  retryResume,
} from '../../../src/state/apply/resume-actions';
import { resetApplication } from '../../../src/state/apply/result-actions';
import { retrySubmission, submissionMaybeReceived, submitApplication } from '../../../src/state/apply/submit-actions';
import { useApplyStore } from '../../../src/state/apply/store';
import { vault } from '../../../src/state/apply/vault';
import { useKsefWaitStore } from '../../../src/state/apply/ksef-wait';
import { contractViolations } from '../../support/open-api-contract';
import { SEAL, SEAL_NIP } from '../../support/sandbox-harness';
import { type ApplyKit, localDate, startApplyKit } from './kit';

/**
 * KSeF or the way to it misbehaving, through the real actions: the client → the relay (a short
 * timeout, an upstream that can be switched off) → the sandbox with injected faults. Whatever
 * happens, the user's data and key stay, a retry is offered, and nothing is applied for twice.
 */
const PASSWORD = 'Haslo-Do-Klucza-2026!';
/** Short, yet long enough for a loaded machine's honest answers (signature checks take ~100 ms). */
const RELAY_TIMEOUT_MS = 1_500;
let kit: ApplyKit;
/** While true, the relay cannot connect to KSeF (fetch rejects as on a refused connection). */
let upstreamDown = false;
const state = () => useApplyStore.getState();
const atSandbox = (method: string, path: RegExp) =>
  kit.stack.exchanges.filter((e) => e.method === method && path.test(e.path));

beforeAll(async () => {
  kit = await startApplyKit({
    timeoutMs: RELAY_TIMEOUT_MS,
    fetch: (input, init) =>
      upstreamDown ? Promise.reject(new TypeError('fetch failed')) : globalThis.fetch(input, init),
  });
});

beforeEach(() => {
  upstreamDown = false;
  resetApplication();
  kit.stack.sandbox.control.clearFaults();
});

afterAll(async () => {
  resetApplication();
  // Faults answer 5xx on purpose; the relay's own 502/504/404 never reach the sandbox.
  expect(
    kit.stack.exchanges.flatMap(contractViolations).filter((v) => !/status 50[03] is not in the contract/.test(v)),
  ).toEqual([]);
  kit.expectNoSecretLeaked();
  await kit.close();
});

async function reviewReady(name: string): Promise<void> {
  chooseEnvironment('test', SEAL_NIP);
  await signInWithTestIdentity(SEAL);
  kit.rememberTokens();
  expect(state().signIn).toMatchObject({ status: 'done' });
  expect(state().enrollment).toMatchObject({ status: 'done' });
  expect(continueToDetails()).toBeNull();
  setDetails({
    certificateName: name,
    certificateType: 'Authentication',
    keyAlgorithm: 'EC-P256',
    validFrom: localDate(kit.stack.now()),
  });
  await generateAndSaveKey(PASSWORD);
  const keyFile = kit.file('.key');
  await kit.rememberKey(keyFile.bytes, PASSWORD);
  await proveKeySaved(kit.asFile(keyFile), PASSWORD);
  confirmPasswordStored(true);
  expect(await continueToReview()).toBeNull();
}

/** The application in progress is all still there: details, the proven key in memory, the session. */
function expectProgressKept(name: string): void {
  expect(state().step).toBe('review');
  expect(state().details?.certificateName).toBe(name);
  expect(state().key).toMatchObject({ status: 'proven' });
  expect(vault.key).not.toBeNull();
  expect(vault.csr).not.toBeNull();
  expect(vault.session).not.toBeNull();
}

describe('KSeF unreachable', () => {
  it('at submission: the specific problem, progress kept, no record; the retry looks first, then submits once', async () => {
    await reviewReady('Brak polaczenia');
    const records = listApplications().length;
    upstreamDown = true;
    await submitApplication();
    expect(state().submission).toEqual({
      status: 'failed',
      retryable: true,
      referenceNumber: null,
      problem: { source: 'ksef', code: 'upstream-unreachable' },
    });
    expect(submissionMaybeReceived(state().submission)).toBe(false);
    expectProgressKept('Brak polaczenia');
    expect(listApplications()).toHaveLength(records);
    expect(kit.stack.relayLog.at(-1)).toMatchObject({
      status: 502,
      error: 'upstream-unreachable',
      route: '/certificates/enrollments',
    });

    upstreamDown = false;
    const enrollments = atSandbox('POST', /^\/certificates\/enrollments$/).length;
    await retrySubmission();
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
    expect(atSandbox('POST', /^\/certificates\/enrollments$/)).toHaveLength(enrollments + 1);
    // Issued, and its .crt saved on arrival.
    expect(listApplications()[0]).toMatchObject({ certificateName: 'Brak polaczenia', status: 'downloaded' });
  });

  it('while the data step loads: the sign-in stays and "load again" gets the data', async () => {
    chooseEnvironment('test', SEAL_NIP);
    // The safe calls are retried three times first; the fourth failure reaches the user.
    kit.stack.sandbox.control.injectFault({ operation: 'GET /certificates/limits', status: 503, times: 4 });
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    expect(state()).toMatchObject({
      step: 'data',
      signIn: { status: 'done' },
      enrollment: { status: 'failed', problem: { source: 'ksef', code: 'server-error' } },
    });
    const session = vault.session;
    expect(session).not.toBeNull();
    await retryEnrollmentData();
    expect(state().enrollment).toMatchObject({ status: 'done', limits: { canRequest: true } });
    expect(vault.session).toBe(session);
  });
});

describe('KSeF slow', () => {
  it('an enrollment KSeF made after the relay gave up is found by its key, not applied for again', async () => {
    await reviewReady('Wolna odpowiedz');
    // Answered (and made) only after the relay's timeout.
    kit.stack.sandbox.control.injectFault({
      operation: 'POST /certificates/enrollments',
      latencyMs: RELAY_TIMEOUT_MS + 1_000,
    });
    const enrollments = atSandbox('POST', /^\/certificates\/enrollments$/).length;
    await submitApplication();
    expect(state().submission).toMatchObject({
      status: 'failed',
      retryable: true,
      referenceNumber: null,
      problem: { source: 'ksef', code: 'upstream-timeout' },
    });
    expect(submissionMaybeReceived(state().submission)).toBe(true);
    expectProgressKept('Wolna odpowiedz');

    // KSeF finishes the enrollment it never answered, and issues the certificate a moment later.
    await expect
      .poll(() => atSandbox('POST', /^\/certificates\/enrollments$/).length, { timeout: 5_000 })
      .toBe(enrollments + 1);
    kit.stack.clock.advance(5_000);
    await retrySubmission();
    expect(state().submission).toMatchObject({ status: 'issued', referenceNumber: null });
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
    expect(atSandbox('POST', /^\/certificates\/enrollments$/)).toHaveLength(enrollments + 1);
    expect(atSandbox('POST', /^\/certificates\/query$/).length).toBeGreaterThan(0);
  });

  it('an enrollment KSeF did not make is submitted again after the look-up finds nothing', async () => {
    await reviewReady('Wolna bez wniosku');
    kit.stack.sandbox.control.injectFault({
      operation: 'POST /certificates/enrollments',
      latencyMs: RELAY_TIMEOUT_MS + 1_000,
      status: 503,
    });
    await submitApplication();
    expect(state().submission).toMatchObject({ status: 'failed', problem: { code: 'upstream-timeout' } });
    const queries = atSandbox('POST', /^\/certificates\/query$/).length;
    await expect
      .poll(() => atSandbox('POST', /^\/certificates\/enrollments$/).at(-1)?.response?.status, { timeout: 5_000 })
      .toBe(503);
    await retrySubmission();
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
    expect(atSandbox('POST', /^\/certificates\/query$/)).toHaveLength(queries + 1);
    expect(atSandbox('POST', /^\/certificates\/enrollments$/).at(-1)?.response?.status).toBe(202);
  });
});

describe('429 storms', () => {
  it('polling carries on past the transport’s retries, never sooner than Retry-After, and the wait is shown', async () => {
    await reviewReady('Burza 429');
    kit.stack.sandbox.control.injectFault({
      operation: 'GET /certificates/enrollments/{referenceNumber}',
      status: 429,
      times: 6,
      retryAfterSeconds: 4,
    });
    const waits: number[] = [];
    const unsubscribe = useKsefWaitStore.subscribe((s) => {
      if (s.wait !== null) waits.push(s.wait.seconds);
    });
    const sleeps = kit.stack.sleeps.length;
    await submitApplication();
    unsubscribe();
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
    const refused = atSandbox('GET', /^\/certificates\/enrollments\/[^d]/).filter((e) => e.response?.status === 429);
    expect(refused).toHaveLength(6);
    // Every wait after a 429 lasted at least Retry-After, and each one was shown.
    const waited = kit.stack.sleeps.slice(sleeps).filter((ms) => ms >= 4_000);
    expect(waited).toHaveLength(6);
    expect(waits).toHaveLength(6);
    expect(waits.every((s) => s >= 4)).toBe(true);
  });

  it('a retry after a refused submission waits out the rest of Retry-After first, once however often it is pressed', async () => {
    await reviewReady('Odmowa 429');
    kit.stack.sandbox.control.injectFault({
      operation: 'POST /certificates/enrollments',
      status: 429,
      times: 3,
      retryAfterSeconds: 30,
    });
    await submitApplication();
    expect(state().submission).toMatchObject({
      status: 'failed',
      retryable: true,
      problem: { code: 'rate-limited', retryAfterSeconds: 30 },
    });
    const sleeps = kit.stack.sleeps.length;
    const accepted = () =>
      atSandbox('POST', /^\/certificates\/enrollments$/).filter((e) => e.response?.status === 202).length;
    const before = accepted();
    // Pressed twice during the wait: the first press makes the step busy, the second does nothing.
    await Promise.all([retrySubmission(), retrySubmission()]);
    expect(accepted()).toBe(before + 1);
    // The rest of the 30 s (the sandbox clock runs in real time too, so a few ms have passed).
    expect(kit.stack.sleeps[sleeps]).toBeGreaterThan(29_000);
    expect(kit.stack.sleeps[sleeps]).toBeLessThanOrEqual(30_000);
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
  });
});

describe('a resumed application', () => {
  it('when KSeF fails while its status is looked up, "try again" looks again instead of leaving only "start over"', async () => {
    await reviewReady('Wznowienie z przerwa');
    const keyFile = kit.file('.key');
    // The status polls fail for good: the application is submitted but its certificate not fetched.
    kit.stack.sandbox.control.injectFault({ path: '^/certificates/enrollments/[^d]', status: 503, times: 20 });
    await submitApplication();
    kit.stack.sandbox.control.clearFaults();
    const [record] = listApplications();
    if (record === undefined) throw new Error('no record');
    resetApplication();
    expect(resumeApplication(record.id)).toBeNull();
    // KSeF is down for all four tries of the look-up after signing in again.
    kit.stack.sandbox.control.injectFault({ path: '^/certificates/enrollments/[^d]', status: 503, times: 4 });
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    expect(state().submission).toMatchObject({
      status: 'failed',
      retryable: true,
      problem: { code: 'server-error' },
      referenceNumber: record.referenceNumber,
    });
    await retryResume();
    expect(state().submission).toMatchObject({ status: 'awaiting-key', referenceNumber: record.referenceNumber });
    await openSavedKeyForResume(kit.asFile(keyFile), PASSWORD);
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
  });
});

describe('an environment this server does not offer', () => {
  it('says so at the first call and leads back to the environment step, keeping the NIP', async () => {
    // The relay under test serves TEST only: as an nginx deployment has no local sandbox.
    chooseEnvironment('sandbox', SEAL_NIP);
    await signInWithTestIdentity(SEAL);
    expect(state().signIn).toEqual({ status: 'failed', problem: { source: 'ksef', code: 'environment-unavailable' } });
    expect(kit.stack.relayLog.at(-1)).toMatchObject({ status: 404, error: 'not-found', environment: null });
    backToEnvironment();
    expect(state()).toMatchObject({ step: 'environment', environment: 'sandbox', contextNip: SEAL_NIP });
  });
});
