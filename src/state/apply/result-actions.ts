/**
 * The result step: the `.crt`, a PFX built in the browser, the `.ics` reminder; signing out, which
 * drops the key and the tokens from memory; and starting over.
 */
import { nextPaint } from '../../browser/next-paint';
import { signOut } from '../../ksef/sign-in';
import type { Problem } from '../../problem/problem';
import type { ReminderTexts } from './model';
import { initialApplyState, useApplyStore } from './store';
import { activeRecord, setActiveRecord } from './active-record';
import { ApplyError, returnFailure } from './errors';
import { ksefClient } from './ksef-client';
import { loadApplyCrypto } from './load-crypto';
import { seams } from './seams';
import { forgetAll, vault } from './vault';
import { updateApplicationRecord } from './records';
import { buildReminderIcs } from './ics';
import { logUnexpected } from '../log-unexpected';

const set = useApplyStore.setState;
const get = useApplyStore.getState;

/**
 * Saves `<fileBase>.crt` (PEM), again when asked; the record becomes 'downloaded'.
 * @returns 'wrong-step' before the result, else `null`.
 */
export function downloadCertificate(): Problem | null {
  const { result } = get();
  if (result.status !== 'ready') return { source: 'apply', code: 'wrong-step' };
  const fileName = `${result.fileBase}.crt`;
  seams().download(fileName, result.certificatePem, 'application/x-pem-file');
  set({ result: { ...result, certificateFileName: fileName } });
  const id = activeRecord();
  if (id !== null) updateApplicationRecord(seams().storage, id, { status: 'downloaded' });
  return null;
}

/**
 * Saves the `.crt` the moment a certificate that pairs with the key arrives, as the `.key` is saved
 * the moment it is made: nobody has to remember a button. A browser that refuses the download leaves
 * the certificate unsaved, which the result step says, with its button and the question before
 * signing out (`unsavedFiles`).
 */
export function saveCertificateOnArrival(): void {
  const { result } = get();
  if (result.status !== 'ready' || !result.pair.match) return;
  try {
    downloadCertificate();
  } catch (error) {
    logUnexpected('the certificate could not be saved', error);
  }
}

/**
 * Saves `<fileBase>.pfx` with the key and the certificate, both protected by `password`: the key's
 * password, which opens the saved `.key` (the key in memory cannot be exported). @returns the problem
 * ('wrong-password', ...) or `null`.
 */
export async function downloadPfx(password: string): Promise<Problem | null> {
  const { result } = get();
  if (result.status === 'ready') set({ result: { ...result, pfxExport: { status: 'exporting' } } });
  try {
    const keyFile = vault.keyFile;
    if (result.status !== 'ready' || keyFile === null)
      throw new ApplyError('wrong-step', 'Nothing to put in a PFX yet');
    if (!result.pair.match) throw new ApplyError('pair-mismatch', 'The certificate does not pair with the key');
    const crypto = await loadApplyCrypto();
    // The PFX's MAC key derivation holds the main thread: let the form show it is busy first.
    await nextPaint();
    const friendlyName = result.certificate.ownerName ?? result.fileBase;
    const pfx = await crypto.buildApplicationPfx(
      keyFile,
      result.certificate.der,
      password,
      friendlyName,
      seams().crypto,
    );
    const fileName = `${result.fileBase}.pfx`;
    seams().download(fileName, pfx, 'application/x-pkcs12');
    set({ result: { ...result, pfxFileName: fileName, pfxExport: { status: 'done', fileName } } });
    return null;
  } catch (error) {
    const problem = returnFailure(error);
    if (result.status === 'ready') set({ result: { ...result, pfxExport: { status: 'failed', problem } } });
    return problem;
  }
}

/** Saves `<fileBase>.ics`: reminders 30 and 7 days before expiry, with the UI's texts. */
export function downloadReminder(texts: ReminderTexts): Problem | null {
  const { result } = get();
  if (result.status !== 'ready') return { source: 'apply', code: 'wrong-step' };
  const ics = buildReminderIcs({
    notAfter: result.certificate.notAfter,
    uidSeed: result.certificate.serialHex,
    now: seams().now(),
    ...texts,
  });
  const fileName = `${result.fileBase}.ics`;
  seams().download(fileName, ics, 'text/calendar');
  set({ result: { ...result, reminderFileName: fileName } });
  return null;
}

/**
 * Signs out (DELETE /auth/sessions/current), drops the key and the tokens from memory and resets the
 * wizard; the application record stays. Memory is cleared even when KSeF could not be reached, and
 * even when the sign-out fails in a way nobody named (that error is rethrown after the reset).
 * @returns the sign-out's problem (e.g. 'network': the session may live until it expires) or `null`.
 */
export async function signOutAndForget(): Promise<Problem | null> {
  const { environment } = get();
  const session = vault.session;
  let problem: Problem | null = null;
  try {
    if (session !== null && environment !== null) await signOut(await ksefClient(environment), session);
  } catch (error) {
    problem = returnFailure(error);
  } finally {
    // Security: no secret may outlive a sign-out, whatever happened on the way.
    resetApplication();
  }
  return problem;
}

/** Forgets everything in memory (keys, tokens, state) and returns to the first step; records stay. */
export function resetApplication(): void {
  forgetAll();
  setActiveRecord(null);
  set(initialApplyState);
}
