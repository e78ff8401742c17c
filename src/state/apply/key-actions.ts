/**
 * The key step: generate the key pair and CSR in the browser, save the encrypted `.key` at once, and
 * make the user prove the save by opening the file again. No way forward without that proof.
 */
import { readFileBytes } from '../../browser/read-file';
import { bytesEqual } from '../../lib/bytes';
import type { Problem } from '../../problem/problem';
import type { SavedKeyInfo } from './model';
import { useApplyStore } from './store';
import { ApplyError, returnFailure, settleFailure } from './errors';
import { loadApplyCrypto } from './load-crypto';
import { readInWorker, wasStopped } from './file-read';
import { seams } from './seams';
import { stepAfter } from './steps';
import { forgetKey, vault } from './vault';
import { keyFileName } from '../file-name';

const set = useApplyStore.setState;
const get = useApplyStore.getState;

/**
 * Generates the key pair (per `details.keyAlgorithm`) and the CSR, and saves `keyFileName(certificateName)`
 * encrypted with `password` (the one export of the private key, which then becomes non-extractable).
 */
export async function generateAndSaveKey(password: string): Promise<void> {
  const { details, enrollment } = get();
  forgetKey();
  set({ key: { status: 'generating' }, passwordStoredConfirmed: false, preflight: null });
  try {
    if (details === null || enrollment.status !== 'done')
      throw new ApplyError('wrong-step', 'Enter the certificate details first');
    const crypto = await loadApplyCrypto();
    const generated = await crypto.generateApplicationKey(
      details.keyAlgorithm,
      enrollment.data,
      password,
      seams().crypto,
    );
    const keyFile = encodeText(generated.keyFilePem);
    vault.key = generated.key;
    vault.csr = generated.csr;
    vault.keyFile = keyFile;
    const fileName = keyFileName(details.certificateName);
    seams().download(fileName, generated.keyFilePem, 'application/x-pem-file');
    set({ key: { status: 'saved', fileName, publicKeyFingerprint: generated.publicKeyFingerprint } });
  } catch (error) {
    settleFailure(error, (problem) => set({ key: { status: 'failed', problem, saved: null } }));
  }
}

/** Saves the same encrypted `.key` again. @returns 'key-not-saved' when there is none yet, else `null`. */
export function saveKeyAgain(): Problem | null {
  const saved = savedKey();
  if (saved === null || vault.keyFile === null) return { source: 'apply', code: 'key-not-saved' };
  seams().download(saved.fileName, new TextDecoder().decode(vault.keyFile), 'application/x-pem-file');
  return null;
}

/**
 * Proves the `.key` was saved: opens the file the user picked with `password` and compares its public
 * key (SPKI DER) with the generated one. After a reload, when the generated key went with the page,
 * the file's public key must have the saved key's fingerprint, and the opened key takes its place
 * (with a new CSR). 'proven', or 'failed' with 'key-file-mismatch' or the crypto code
 * ('wrong-password', 'certificate-not-key', ...); after a failure the user may try again.
 */
export async function proveKeySaved(file: File, password: string): Promise<void> {
  const saved = savedKey();
  const { enrollment } = get();
  set({ key: { status: 'proving', saved } });
  try {
    if (saved === null) throw new ApplyError('key-not-saved', 'Generate and save the key first');
    const generated = vault.key;
    const bytes = await readFileBytes(file);
    const opened = await readInWorker('open-key-file', { bytes, password }, file.name);
    if (generated !== null) {
      if (!bytesEqual(opened.key.spki, generated.spki))
        throw new ApplyError('key-file-mismatch', 'The file holds another key');
    } else {
      if (opened.publicKeyFingerprint !== saved.publicKeyFingerprint)
        throw new ApplyError('key-file-mismatch', 'The file holds another key');
      if (enrollment.status !== 'done') throw new ApplyError('wrong-step', 'Sign in first');
      const crypto = await loadApplyCrypto();
      vault.csr = await crypto.applicationCsr(opened.key, enrollment.data, seams().crypto);
      vault.key = opened.key;
      vault.keyFile = bytes;
    }
    set({ key: { status: 'proven', ...saved } });
  } catch (error) {
    // Stopped by the user: back to "saved", to pick the file again.
    if (wasStopped(error) && saved !== null) set({ key: { status: 'saved', ...saved } });
    else settleFailure(error, (problem) => set({ key: { status: 'failed', problem, saved } }));
  }
}

/** Drops the `.key` saved before a reload (the user makes a new one instead). */
export function discardSavedKey(): void {
  const { restored } = get();
  set({
    key: { status: 'idle' },
    passwordStoredConfirmed: false,
    preflight: null,
    restored: restored === null ? null : { ...restored, savedKey: null },
  });
}

/** The user confirms (or withdraws) that the password is stored somewhere safe. */
export function confirmPasswordStored(value: boolean): void {
  set({ passwordStoredConfirmed: value });
}

/**
 * Step 'key' → 'review' once the save is proven and the password confirmed; runs the pre-flight check
 * of the CSR against the enrollment data. @returns 'key-not-saved' when not allowed yet, else `null`.
 */
export async function continueToReview(): Promise<Problem | null> {
  const { key, passwordStoredConfirmed, enrollment } = get();
  if (key.status !== 'proven' || !passwordStoredConfirmed || vault.csr === null)
    return { source: 'apply', code: 'key-not-saved' };
  if (enrollment.status !== 'done') return { source: 'apply', code: 'wrong-step' };
  try {
    const step = stepAfter('key-proven');
    const crypto = await loadApplyCrypto();
    const preflight = await crypto.checkCsr(vault.csr, enrollment.data, seams().crypto);
    set({ preflight, step, submission: { status: 'idle' } });
    return null;
  } catch (error) {
    return returnFailure(error);
  }
}

/** The saved `.key` the state knows of, in whichever key state it is. */
function savedKey(): SavedKeyInfo | null {
  const { key } = get();
  if (key.status === 'saved' || key.status === 'proven')
    return { fileName: key.fileName, publicKeyFingerprint: key.publicKeyFingerprint };
  if (key.status === 'failed' || key.status === 'proving') return key.saved;
  return null;
}

/** UTF-8 bytes of `text`. */
function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
