/**
 * Submitting the application and waiting for it: POST the enrollment, keep a non-secret record,
 * poll the status with progress, retrieve the certificate and check it pairs with the key in memory.
 */
import { fromBase64 } from '../../lib/bytes';
import { isKsefError, type KsefErrorCode } from '../../ksef/errors';
import { pollEnrollmentStatus } from '../../ksef/polling';
import type { Problem } from '../../problem/problem';
import type { SubmissionState } from './model';
import { useApplyStore } from './store';
import { activeRecord, setActiveRecord } from './active-record';
import { ApplyError, settleFailure } from './errors';
import { ksefClient, onPollRateLimitWait, waitForKsef } from './ksef-client';
import { loadApplyCrypto } from './load-crypto';
import { seams } from './seams';
import { nextStep } from './steps';
import { vault } from './vault';
import { saveApplicationRecord, updateApplicationRecord } from './records';
import { findCertificateOfKey } from './certificate-lookup';
import { applicationFileBase } from '../file-name';
import { saveCertificateOnArrival } from './result-actions';

const set = useApplyStore.setState;
const get = useApplyStore.getState;

/** Final enrollment statuses after which a new enrollment may be tried (500, 550). */
const RESUBMIT_AFTER: ReadonlySet<KsefErrorCode> = new Set(['enrollment-unknown-error', 'enrollment-cancelled']);
/**
 * Failures of the waiting itself: the enrollment may still be fine, so poll it again (also after the
 * wizard's 'session-expired', see `pollAgainAfter`).
 */
const POLL_AGAIN_AFTER: ReadonlySet<KsefErrorCode> = new Set([
  'network',
  'offline',
  'timeout',
  'upstream-unreachable',
  'upstream-timeout',
  'rate-limited',
  'relay-busy',
  'server-error',
]);
/**
 * Failures of POST /certificates/enrollments without KSeF's answer (or with a 5xx): KSeF may have made
 * the enrollment all the same, and it has no idempotency key. A retry first looks for this key's
 * certificate, so the application is not made twice. 'upstream-unreachable' means the relay could not
 * connect, which nearly always means KSeF got nothing; looking costs one query, so it looks too.
 * ('offline' is not here: the browser sent nothing.)
 */
const MAYBE_RECEIVED: ReadonlySet<KsefErrorCode> = new Set([
  'network',
  'timeout',
  'upstream-unreachable',
  'upstream-timeout',
  'server-error',
]);

/**
 * True when the enrollment got no answer and KSeF may have received it all the same, so the UI says
 * that the retry looks for the certificate first. Not after 'upstream-unreachable' (no connection).
 */
export function submissionMaybeReceived(submission: SubmissionState): boolean {
  return (
    submission.status === 'failed' &&
    submission.referenceNumber === null &&
    submission.problem.source === 'ksef' &&
    MAYBE_RECEIVED.has(submission.problem.code) &&
    submission.problem.code !== 'upstream-unreachable'
  );
}

/**
 * Submits the application (validFrom omitted when it is today), records it locally, then polls and
 * retrieves. Refused with 'preflight-failed' when the pre-flight check found a problem.
 */
export async function submitApplication(): Promise<void> {
  const { details, environment, contextNip, key, preflight } = get();
  set({ submission: { status: 'submitting' } });
  try {
    const session = vault.session;
    const csr = vault.csr;
    if (details === null || environment === null || key.status !== 'proven' || csr === null)
      throw new ApplyError('key-not-saved', 'Prove the saved key first');
    if (session === null) throw new ApplyError('session-expired', 'Sign in again');
    const crypto = await loadApplyCrypto();
    if (preflight === null || !crypto.csrChecksPass(preflight))
      throw new ApplyError('preflight-failed', 'The pre-flight check found a problem');
    const validFrom = validFromInstant(details.validFrom, seams().now());
    const request = {
      certificateName: details.certificateName,
      certificateType: details.certificateType,
      csr: crypto.csrToBase64(csr),
      ...(validFrom === null ? {} : { validFrom }),
    };
    const { referenceNumber } = await (await ksefClient(environment)).enrollCertificate(session.tokens, request);
    const existing = activeRecord();
    if (
      existing !== null &&
      updateApplicationRecord(seams().storage, existing, {
        referenceNumber,
        status: 'submitted',
        serialNumber: null,
      }) !== null
    ) {
      // A retry after a failed enrollment: the same application, a new reference.
    } else {
      const id = seams().crypto.randomUUID();
      saveApplicationRecord(seams().storage, {
        id,
        environment,
        contextNip,
        referenceNumber,
        certificateName: details.certificateName,
        certificateType: details.certificateType,
        keyAlgorithm: details.keyAlgorithm,
        createdAt: seams().now().toISOString(),
        publicKeyFingerprint: key.publicKeyFingerprint,
        status: 'submitted',
        serialNumber: null,
        keyFileName: key.fileName,
      });
      setActiveRecord(id);
    }
    await pollAndRetrieve(referenceNumber);
  } catch (error) {
    settleFailure(error, (problem) =>
      set({
        submission: { status: 'failed', problem, retryable: retryableBeforeReference(problem), referenceNumber: null },
      }),
    );
  }
}

/**
 * Tries again after a failure that allows it: a new enrollment after status 500/550 (the old one
 * failed) or when no reference came back; otherwise polls the same enrollment again. When the
 * enrollment got no answer ({@link MAYBE_RECEIVED}), KSeF is first asked for this key's certificate.
 */
export async function retrySubmission(): Promise<void> {
  const { submission } = get();
  if (submission.status !== 'failed' || !submission.retryable) return;
  const { referenceNumber, problem } = submission;
  const pollAgain = referenceNumber !== null && !resubmitAfter(problem) ? referenceNumber : null;
  // Busy at once: the retry button is gone while the rest of KSeF's wait runs out, so it cannot start twice.
  set({
    submission:
      pollAgain === null ? { status: 'submitting' } : { status: 'polling', referenceNumber: pollAgain, attempt: 0 },
  });
  await waitForKsef();
  if (pollAgain !== null) {
    await pollAndRetrieve(pollAgain);
    return;
  }
  if (
    referenceNumber === null &&
    problem.source === 'ksef' &&
    MAYBE_RECEIVED.has(problem.code) &&
    (await issuedWithoutAnswer())
  )
    return;
  await submitApplication();
}

/**
 * Looks for the certificate of the key in memory; when KSeF issued it (the enrollment it did not
 * answer went through), retrieves it. @returns `false` when there is none, so the caller submits;
 * `true` when the look-up settled the submission (found, or failed again).
 */
async function issuedWithoutAnswer(): Promise<boolean> {
  const { environment, details, key } = get();
  set({ submission: { status: 'submitting' } });
  try {
    const session = vault.session;
    if (details === null || environment === null || key.status !== 'proven')
      throw new ApplyError('key-not-saved', 'Prove the saved key first');
    if (session === null) throw new ApplyError('session-expired', 'Sign in again');
    const serialNumber = await findCertificateOfKey(environment, session.tokens, {
      ...details,
      publicKeyFingerprint: key.publicKeyFingerprint,
    });
    if (serialNumber === null) return false;
    set({ submission: { status: 'issued', referenceNumber: null, serialNumber } });
  } catch (error) {
    settleFailure(error, (problem) =>
      set({
        submission: { status: 'failed', problem, retryable: retryableBeforeReference(problem), referenceNumber: null },
      }),
    );
    return true;
  }
  await retrieveCertificate();
  return true;
}

/** Polls `referenceNumber` until issued, then retrieves the certificate. */
export async function pollAndRetrieve(referenceNumber: string): Promise<void> {
  const serialNumber = await pollIssued(referenceNumber);
  if (serialNumber === null) return;
  set({ submission: { status: 'issued', referenceNumber, serialNumber } });
  await retrieveCertificate();
}

/**
 * Polls the enrollment; on success returns the serial number (the record is updated), on failure
 * settles `submission` as failed and returns `null`.
 */
export async function pollIssued(referenceNumber: string): Promise<string | null> {
  const { environment } = get();
  set({ submission: { status: 'polling', referenceNumber, attempt: 0 } });
  try {
    const session = vault.session;
    if (environment === null) throw new ApplyError('wrong-step', 'No environment');
    if (session === null) throw new ApplyError('session-expired', 'Sign in again');
    let attempt = 0;
    const { now, sleep, storage } = seams();
    const issued = await pollEnrollmentStatus(await ksefClient(environment), session.tokens, referenceNumber, {
      now,
      sleep,
      onRateLimitWait: onPollRateLimitWait,
      onProgress: () => set({ submission: { status: 'polling', referenceNumber, attempt: ++attempt } }),
    });
    const id = activeRecord();
    if (id !== null)
      updateApplicationRecord(storage, id, { status: 'issued', serialNumber: issued.certificateSerialNumber });
    return issued.certificateSerialNumber;
  } catch (error) {
    if (isKsefError(error, 'unauthorized')) vault.session = null;
    settleFailure(error, (problem) => {
      const rejected = problem.source === 'ksef' && problem.code === 'enrollment-rejected';
      const final = rejected || resubmitAfter(problem);
      const id = activeRecord();
      if (final && id !== null) updateApplicationRecord(seams().storage, id, { status: 'failed' });
      set({
        submission: {
          status: 'failed',
          problem,
          retryable: !rejected && (final || pollAgainAfter(problem)),
          referenceNumber,
        },
      });
    });
    return null;
  }
}

/** Retrieves the issued certificate, checks it pairs with the key in memory; step 'result'. */
export async function retrieveCertificate(): Promise<void> {
  const { submission, environment, details, resume, step: from } = get();
  const step = nextStep(from, 'certificate-retrieving');
  if (step === null) {
    set({ result: { status: 'failed', problem: { source: 'apply', code: 'wrong-step' } } });
    return;
  }
  set({ result: { status: 'retrieving' }, step });
  await waitForKsef();
  try {
    const session = vault.session;
    const key = vault.key;
    if (submission.status !== 'issued' || environment === null || key === null)
      throw new ApplyError('wrong-step', 'Nothing issued yet');
    if (session === null) throw new ApplyError('session-expired', 'Sign in again');
    const serial = submission.serialNumber;
    const { certificates } = await (
      await ksefClient(environment)
    ).retrieveCertificates(session.tokens, {
      certificateSerialNumbers: [serial],
    });
    const item = certificates.find((c) => c.certificateSerialNumber === serial);
    const der = item === undefined ? null : fromBase64(item.certificate);
    if (der === null) throw new ApplyError('application-not-found', `KSeF returned no certificate ${serial}`);
    const crypto = await loadApplyCrypto();
    const checked = await crypto.checkIssuedCertificate(der, key, seams().now(), seams().crypto);
    const name = details?.certificateName ?? resume?.record.certificateName ?? item?.certificateName ?? '';
    set({
      result: { status: 'ready', ...checked, fileBase: applicationFileBase(name), pfxExport: { status: 'idle' } },
    });
    saveCertificateOnArrival();
  } catch (error) {
    settleFailure(error, (problem) => set({ result: { status: 'failed', problem } }));
  }
}

/** The instant sent as `validFrom`: local midnight of `date`, or `null` for today or a past day. */
export function validFromInstant(date: string, now: Date): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return null;
  const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return start.getTime() <= today.getTime() ? null : start.toISOString();
}

/** Whether a failure of the waiting (or looking up) may pass if tried again: KSeF unreachable, slow, limiting, a 5xx, an ended session. */
export function pollAgainAfter(problem: Problem): boolean {
  return (
    (problem.source === 'ksef' && POLL_AGAIN_AFTER.has(problem.code)) ||
    (problem.source === 'apply' && problem.code === 'session-expired')
  );
}

/** Whether the enrollment ended so that a new one may be tried (status 500, 550). */
function resubmitAfter(problem: Problem): boolean {
  return problem.source === 'ksef' && RESUBMIT_AFTER.has(problem.code);
}

/** Whether a failure before KSeF gave a reference can be retried (a limit or a refusal cannot). */
function retryableBeforeReference(problem: Problem): boolean {
  return problem.source === 'ksef'
    ? POLL_AGAIN_AFTER.has(problem.code)
    : problem.source === 'apply' && problem.code === 'session-expired';
}
