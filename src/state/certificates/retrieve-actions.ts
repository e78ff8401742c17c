/**
 * "Download again": POST /certificates/retrieve for the selected rows (10 serial numbers a call, as
 * KSeF allows), each saved as `<owner>_<serial>.crt` (PEM), named as the wizard names its files; and
 * a PFX of one of them with the user's saved `.key`, built as the wizard's result step builds it.
 */
import { readFileBytes } from '../../browser/read-file';
import { nextPaint } from '../../browser/next-paint';
import { CryptoError } from '../../crypto/errors';
import { certificateFileBase } from '../file-name';
import { fileReader } from '../file-reader';
import { CertificatesError, settleFailure } from './errors';
import { ksefClient } from './ksef-client';
import { loadCertificatesCrypto } from './load-crypto';
import type { RetrievedCertificate } from './model';
import { seams } from './seams';
import { useCertificatesStore } from './store';
import { vault } from './vault';

/** Serial numbers per POST /certificates/retrieve (docs/ksef-contract.md §5.5). */
const RETRIEVE_BATCH = 10;

const set = useCertificatesStore.setState;
const get = useCertificatesStore.getState;

/** Downloads `serialNumbers` (the selected rows by default) again, one `.crt` each. */
export async function downloadAgain(serialNumbers: readonly string[] = get().selected): Promise<void> {
  const { environment } = get();
  const session = vault.session;
  set({ retrieve: { status: 'running' }, pair: { status: 'idle' } });
  try {
    if (serialNumbers.length === 0) throw new CertificatesError('nothing-selected', 'Select a certificate first');
    if (environment === null || session === null) throw new CertificatesError('session-expired', 'Sign in first');
    const client = await ksefClient(environment);
    const crypto = await loadCertificatesCrypto();
    const { now, download } = seams();
    const saved: RetrievedCertificate[] = [];
    for (let start = 0; start < serialNumbers.length; start += RETRIEVE_BATCH) {
      const batch = serialNumbers.slice(start, start + RETRIEVE_BATCH);
      const { certificates } = await client.retrieveCertificates(session.tokens, {
        certificateSerialNumbers: [...batch],
      });
      for (const item of certificates) {
        const der = crypto.fromBase64(item.certificate);
        if (der === null) throw new CryptoError('corrupt-file', 'KSeF sent a certificate that is not base64');
        const summary = await crypto.readCertificate(der, now(), seams().crypto);
        const fileBase = certificateFileBase(summary);
        download(`${fileBase}.crt`, crypto.encodePem('CERTIFICATE', summary.der), 'application/x-pem-file');
        saved.push({
          serialNumber: item.certificateSerialNumber,
          fileBase,
          friendlyName: summary.ownerName ?? fileBase,
          der: summary.der,
        });
      }
    }
    set({ retrieve: { status: 'done', saved } });
  } catch (error) {
    settleFailure(error, (problem) => set({ retrieve: { status: 'failed', problem } }));
  }
}

/**
 * Opens the saved `.key` with `password` in the file reader's worker, checks that it is the key of
 * the downloaded certificate `serialNumber`, and saves `<file base>.pfx` with both, under the same
 * password. The key and the password are not kept.
 */
export async function pairWithKey(serialNumber: string, keyFile: File, password: string): Promise<void> {
  const { retrieve } = get();
  set({ pair: { status: 'running' } });
  try {
    const certificate =
      retrieve.status === 'done' ? retrieve.saved.find((c) => c.serialNumber === serialNumber) : undefined;
    if (certificate === undefined) throw new CertificatesError('wrong-step', 'Download the certificate first');
    const bytes = await readFileBytes(keyFile);
    const { key } = await fileReader.read('open-key-file', { bytes, password });
    const crypto = await loadCertificatesCrypto();
    vault.paired = null;
    const pair = await crypto.checkPair(key, certificate.der, seams().crypto);
    if (!pair.match) throw new CertificatesError('key-mismatch', `The key does not pair (${pair.reason})`);
    vault.paired = { serialNumber, key, certificate: certificate.der };
    // The PFX's MAC key derivation holds the main thread: let the form show it is busy first.
    await nextPaint();
    const pfx = await crypto.buildApplicationPfx(
      bytes,
      certificate.der,
      password,
      certificate.friendlyName,
      seams().crypto,
    );
    const pfxFileName = `${certificate.fileBase}.pfx`;
    seams().download(pfxFileName, pfx, 'application/x-pkcs12');
    set({ pair: { status: 'done', pfxFileName, serialNumber } });
  } catch (error) {
    settleFailure(error, (problem) => set({ pair: { status: 'failed', problem } }));
  }
}
