import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInAgain } from '../../../src/state/apply/back-actions';
import {
  chooseEnvironment,
  continueToDetails,
  setDetails,
  signInWithTestIdentity,
} from '../../../src/state/apply/sign-in-actions';
import {
  confirmPasswordStored,
  continueToReview,
  generateAndSaveKey,
  proveKeySaved,
  saveKeyAgain,
} from '../../../src/state/apply/key-actions';
import { listApplications, openSavedKeyForResume, resumeApplication } from '../../../src/state/apply/resume-actions';
import { resetApplication } from '../../../src/state/apply/result-actions';
import { retrySubmission, submitApplication } from '../../../src/state/apply/submit-actions';
import { useApplyStore } from '../../../src/state/apply/store';
import { vault } from '../../../src/state/apply/vault';
import { SEAL, SEAL_NIP } from '../../support/sandbox-harness';
import { type ApplyKit, type SavedFile, localDate, startApplyKit } from './kit';

/** The wizard's refusals and recoveries, through the real actions against the sandbox behind the relay. */
const PASSWORD = 'Haslo-Do-Klucza-2026!';
const DAY_MS = 86_400_000;
let kit: ApplyKit;
const state = () => useApplyStore.getState();

beforeAll(async () => {
  kit = await startApplyKit();
});

beforeEach(() => {
  resetApplication();
  kit.stack.sandbox.control.setLimits(null);
  kit.stack.sandbox.control.clearFaults();
});

afterAll(async () => {
  resetApplication();
  kit.expectContract();
  kit.expectNoSecretLeaked();
  await kit.close();
});

async function signedIn(): Promise<void> {
  chooseEnvironment('test', SEAL_NIP);
  await signInWithTestIdentity(SEAL);
  kit.rememberTokens();
  expect(state().step).toBe('data');
}

/** Signed in, details set, key generated and saved (not yet proven). */
async function keySaved(name: string): Promise<SavedFile> {
  await signedIn();
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
  return keyFile;
}

async function reviewReady(name: string): Promise<SavedFile> {
  const keyFile = await keySaved(name);
  await proveKeySaved(kit.asFile(keyFile), PASSWORD);
  confirmPasswordStored(true);
  expect(await continueToReview()).toBeNull();
  return keyFile;
}

describe('the apply actions refuse and recover', () => {
  it('stops at the data step when KSeF accepts no request (limits)', async () => {
    kit.stack.sandbox.control.setLimits({ enrollment: 0, certificate: 0 });
    await signedIn();
    expect(state().enrollment).toMatchObject({ status: 'done', limits: { canRequest: false } });
    expect(continueToDetails()).toEqual({ source: 'apply', code: 'cannot-request' });
    expect(state().step).toBe('data');
  });

  it.each([
    [
      '25006, the enrollment limit',
      { enrollment: 0, certificate: 100 },
      'enrollment-limit',
      'Osiągnięto limit możliwych do złożenia wniosków certyfikacyjnych.',
    ],
    [
      '25007, the certificate limit',
      { enrollment: 300, certificate: 0 },
      'certificate-limit',
      'Osiągnięto limit dopuszczalnej liczby posiadanych certyfikatów.',
    ],
  ])(
    'fails for good when KSeF refuses the submission with %s although canRequest was true',
    async (_, limits, limit, description) => {
      await reviewReady('Limit przy wysylce');
      expect(state().enrollment).toMatchObject({ status: 'done', limits: { canRequest: true } });
      // The limit is reached elsewhere (another tab, another application) after the data step was read.
      kit.stack.sandbox.control.setLimits(limits);
      const records = listApplications().length;
      await submitApplication();
      expect(state().submission).toEqual({
        status: 'failed',
        retryable: false,
        referenceNumber: null,
        problem: {
          source: 'apply',
          code: 'limit-reached',
          details: [limit, description, expect.stringMatching(/^Limit: 0\.$/)],
        },
      });
      expect(listApplications()).toHaveLength(records);
      const before = kit.stack.relayed.length;
      await retrySubmission();
      expect(kit.stack.relayed).toHaveLength(before);
      expect(state().submission).toMatchObject({ status: 'failed', problem: { code: 'limit-reached' } });
    },
  );

  it('does not go on without a proven save, and explains a wrong file or password', async () => {
    const other = await keySaved('Inny klucz');
    const keyFile = await keySaved('Dowod zapisu');
    confirmPasswordStored(true);
    expect(await continueToReview()).toEqual({ source: 'apply', code: 'key-not-saved' });
    await submitApplication();
    expect(state().submission).toMatchObject({ status: 'failed', problem: { code: 'key-not-saved' } });

    await proveKeySaved(kit.asFile(other), PASSWORD);
    expect(state().key).toMatchObject({
      status: 'failed',
      problem: { source: 'apply', code: 'key-file-mismatch' },
      saved: { fileName: keyFile.name },
    });
    await proveKeySaved(kit.asFile(keyFile), 'Zle-Haslo-2026!');
    expect(state().key).toMatchObject({ status: 'failed', problem: { source: 'crypto', code: 'wrong-password' } });
    await proveKeySaved(new File(['not a key'], 'x.key'), PASSWORD);
    expect(state().key).toMatchObject({ status: 'failed', problem: { source: 'crypto' } });

    const before = kit.saved.length;
    expect(saveKeyAgain()).toBeNull();
    expect(kit.saved).toHaveLength(before + 1);
    expect(kit.file('.key').bytes).toEqual(keyFile.bytes);
    await proveKeySaved(kit.asFile(keyFile), PASSWORD);
    expect(state().key).toMatchObject({ status: 'proven' });
    expect(await continueToReview()).toBeNull();
  });

  it('retries after status 550 with a new enrollment', async () => {
    await reviewReady('Po anulowaniu');
    kit.stack.sandbox.control.setNextEnrollmentStatus({ code: 550 });
    await submitApplication();
    const failed = state().submission;
    expect(failed).toMatchObject({
      status: 'failed',
      retryable: true,
      problem: { source: 'ksef', code: 'enrollment-cancelled' },
    });
    expect(listApplications()[0]).toMatchObject({ status: 'failed' });
    await retrySubmission();
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
    const record = listApplications()[0];
    // Issued, and its .crt saved on arrival.
    expect(record).toMatchObject({ status: 'downloaded', certificateName: 'Po anulowaniu' });
    expect(record?.referenceNumber).not.toBe(failed.status === 'failed' ? failed.referenceNumber : '');
  });

  it('offline: the submission sends nothing and keeps the review step and the proven key; online again, the retry finishes', async () => {
    await reviewReady('Bez sieci');
    const sent = kit.stack.exchanges.length;
    vi.stubGlobal('navigator', { onLine: false });
    try {
      await submitApplication();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(kit.stack.exchanges).toHaveLength(sent);
    expect(state()).toMatchObject({ step: 'review', key: { status: 'proven' } });
    expect(state().submission).toMatchObject({
      status: 'failed',
      retryable: true,
      referenceNumber: null,
      problem: { source: 'ksef', code: 'offline' },
    });
    expect(vault.key).not.toBeNull();
    await retrySubmission();
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
  });

  it('does not retry a rejected enrollment (400); an expired access token is refreshed on the way', async () => {
    await reviewReady('Odrzucony wniosek');
    kit.stack.sandbox.control.setNextEnrollmentStatus({ code: 400 });
    // Past the access token's 15 minutes: the 401 is answered by a refresh, unseen by the user.
    kit.stack.clock.advance(20 * 60_000);
    const refreshes = () =>
      kit.stack.exchanges.filter((e) => e.path === '/auth/token/refresh' && e.response?.status === 200).length;
    const before = refreshes();
    await submitApplication();
    expect(refreshes()).toBe(before + 1);
    expect(state().submission).toMatchObject({
      status: 'failed',
      retryable: false,
      problem: { code: 'enrollment-rejected' },
    });
  });

  it('waits out 429 during polling', async () => {
    await reviewReady('Limit zapytan');
    kit.stack.sandbox.control.injectFault({
      path: '^/certificates/enrollments/[^d]',
      status: 429,
      times: 2,
      retryAfterSeconds: 2,
    });
    await submitApplication();
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
    expect(kit.stack.exchanges.filter((e) => e.response?.status === 429)).toHaveLength(2);
  });

  it('signs in again when the session is over, then submits', async () => {
    await reviewReady('Sesja wygasla');
    // 8 days: past the refresh token's 7 days too.
    kit.stack.clock.advance(8 * DAY_MS);
    await submitApplication();
    expect(state().submission).toMatchObject({
      status: 'failed',
      retryable: true,
      problem: { source: 'apply', code: 'session-expired' },
    });
    expect(vault.key).not.toBeNull();
    signInAgain();
    expect(state().step).toBe('sign-in');
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    expect(state().step).toBe('review');
    await retrySubmission();
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
  });

  it('resumes through certificates/query when the enrollment status is gone (410)', async () => {
    const keyFile = await reviewReady('Po retencji');
    kit.stack.sandbox.control.injectFault({ path: '^/certificates/enrollments/[^d]', status: 503, times: 20 });
    await submitApplication();
    kit.stack.sandbox.control.clearFaults();
    resetApplication();
    // Past the 30 days KSeF keeps an enrollment's status.
    kit.stack.clock.advance(31 * DAY_MS);
    const [record] = listApplications();
    if (record === undefined) throw new Error('no record');
    expect(resumeApplication(record.id)).toBeNull();
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    expect(
      kit.stack.exchanges.some(
        (e) => e.path === `/certificates/enrollments/${record.referenceNumber}` && e.response?.status === 410,
      ),
    ).toBe(true);
    expect(kit.stack.exchanges.some((e) => e.path === '/certificates/query')).toBe(true);
    expect(state().submission).toMatchObject({ status: 'awaiting-key' });
    await openSavedKeyForResume(kit.asFile(keyFile), PASSWORD);
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
  });
});
