/**
 * Coming back to a submitted application after the tab was closed: find its status or certificate
 * after signing in again, open the saved `.key` (fingerprint must equal the record's), retrieve and
 * check the pair. When the reference is gone (HTTP 410) or unknown, `certificates/query` finds it.
 */
import { readFileBytes } from '../../browser/read-file';
import { isKsefError } from '../../ksef/errors';
import type { Problem } from '../../problem/problem';
import type { ApplicationRecord } from './records';
import { initialApplyState, useApplyStore } from './store';
import { setActiveRecord } from './active-record';
import { ApplyError, settleFailure } from './errors';
import { ksefClient, waitForKsef } from './ksef-client';
import { readInWorker, wasStopped } from './file-read';
import { seams } from './seams';
import { pollAgainAfter, pollIssued, retrieveCertificate } from './submit-actions';
import { nextStep, stepAfter } from './steps';
import { forgetAll, vault } from './vault';
import { readApplicationRecords, updateApplicationRecord } from './records';
import { findCertificateOfKey } from './certificate-lookup';

const set = useApplyStore.setState;
const get = useApplyStore.getState;

/** The valid local records, newest first (bad ones are dropped when read). */
export function listApplications(): ApplicationRecord[] {
  return readApplicationRecords(seams().storage);
}

/** Picks up the record `recordId`: its environment and context, step 'sign-in'. @returns 'application-not-found' or `null`. */
export function resumeApplication(recordId: string): Problem | null {
  const record = listApplications().find((r) => r.id === recordId);
  if (record === undefined) return { source: 'apply', code: 'application-not-found' };
  forgetAll();
  setActiveRecord(record.id);
  set({
    ...initialApplyState,
    resume: { record },
    environment: record.environment,
    contextNip: record.contextNip,
    step: stepAfter('application-resumed'),
  });
  return null;
}

/** After signing in for a resumed application: its serial number, by status or by query; then ask for the `.key`. */
export async function resumeAfterSignIn(record: ApplicationRecord): Promise<void> {
  const { referenceNumber } = record;
  const step = nextStep(get().step, 'resume-looked-up');
  if (step === null) {
    set({
      submission: {
        status: 'failed',
        problem: { source: 'apply', code: 'wrong-step' },
        retryable: false,
        referenceNumber,
      },
    });
    return;
  }
  set({ step, submission: { status: 'resuming', referenceNumber } });
  let serialNumber = record.serialNumber;
  if (serialNumber === null) {
    try {
      serialNumber = await serialFromStatus(record);
    } catch (error) {
      settleFailure(error, (problem) =>
        set({ submission: { status: 'failed', problem, retryable: pollAgainAfter(problem), referenceNumber } }),
      );
      return;
    }
    if (serialNumber === null) return;
    updateApplicationRecord(seams().storage, record.id, { status: 'issued', serialNumber });
  }
  set({ submission: { status: 'awaiting-key', referenceNumber, serialNumber } });
}

/** After a failure while a resumed application was looked up (KSeF unreachable, slow, limiting): looks again. */
export async function retryResume(): Promise<void> {
  const { resume, submission } = get();
  if (resume === null || submission.status !== 'failed' || !submission.retryable) return;
  set({ submission: { status: 'resuming', referenceNumber: resume.record.referenceNumber } });
  await waitForKsef();
  await resumeAfterSignIn(resume.record);
}

/**
 * Opens the saved `.key` of a resumed application with `password`; its public key must be the one the
 * record names ('key-file-mismatch' otherwise). Then retrieves the certificate and checks the pair.
 */
export async function openSavedKeyForResume(file: File, password: string): Promise<void> {
  const { resume, submission } = get();
  set({ key: { status: 'proving', saved: null } });
  try {
    if (resume === null || submission.status !== 'awaiting-key')
      throw new ApplyError('wrong-step', 'No certificate is waiting for its key');
    const bytes = await readFileBytes(file);
    const opened = await readInWorker('open-key-file', { bytes, password }, file.name);
    if (opened.publicKeyFingerprint !== resume.record.publicKeyFingerprint)
      throw new ApplyError('key-file-mismatch', 'The file holds another key');
    vault.key = opened.key;
    vault.keyFile = bytes;
    set({ key: { status: 'proven', fileName: file.name, publicKeyFingerprint: opened.publicKeyFingerprint } });
  } catch (error) {
    // Stopped by the user: the form is still there, to pick the file again.
    if (wasStopped(error)) set({ key: { status: 'idle' } });
    else settleFailure(error, (problem) => set({ key: { status: 'failed', problem, saved: null } }));
    return;
  }
  set({
    submission: {
      status: 'issued',
      referenceNumber: submission.referenceNumber,
      serialNumber: submission.serialNumber,
    },
  });
  await retrieveCertificate();
}

/** The serial by the enrollment's status; `null` when the polling failed (settled in the store). */
async function serialFromStatus(record: ApplicationRecord): Promise<string | null> {
  const session = vault.session;
  if (session === null) throw new ApplyError('session-expired', 'Sign in again');
  try {
    await (await ksefClient(record.environment)).getEnrollmentStatus(session.tokens, record.referenceNumber);
  } catch (error) {
    // Past its retention (410) or unknown to KSeF: look the certificate up instead.
    if (isKsefError(error, 'gone') || isKsefError(error, 'enrollment-not-found')) return serialFromQuery(record);
    throw error;
  }
  return pollIssued(record.referenceNumber);
}

/**
 * Finds the record's certificate with POST /certificates/query (by name and type), then retrieves the
 * candidates and keeps the one whose public key has the record's fingerprint.
 *
 * @throws ApplyError 'application-not-found' when none has.
 */
async function serialFromQuery(record: ApplicationRecord): Promise<string> {
  const session = vault.session;
  if (session === null) throw new ApplyError('session-expired', 'Sign in again');
  const serialNumber = await findCertificateOfKey(record.environment, session.tokens, record);
  if (serialNumber === null)
    throw new ApplyError('application-not-found', 'No certificate of this application has its key');
  return serialNumber;
}
