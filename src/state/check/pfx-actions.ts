/** The checker's downloads from a matching pair: the PFX, and the certificate again. */
import { downloadFile } from '../../browser/download';
import { nextPaint } from '../../browser/next-paint';
import type { CertificateSummary } from '../../crypto/certificate-summary';
import { encodePem } from '../../crypto/pem';
import { certificateFileBase } from '../file-name';
import { loadCheckCrypto } from './load-crypto';
import { toProblem } from './problems';
import { useCheckStore } from './store';
import { keyOf } from './vault';

/** Saves the key and `certificate` of a matching pair as `<owner>_<serial>.pfx`, encrypted with `password`. */
export async function exportPfx(certificate: CertificateSummary, password: string): Promise<void> {
  const { run } = useCheckStore.getState();
  if (run.status !== 'done') return;
  useCheckStore.setState({ pfxExport: { status: 'exporting' } });
  try {
    const crypto = await loadCheckCrypto();
    // The PFX's MAC key derivation holds the main thread: show "creating" first.
    await nextPaint();
    const pfx = await crypto.exportPfx(
      keyOf(run.keyFileId),
      certificate,
      password,
      certificate.ownerName ?? certificate.serialHex,
    );
    const fileName = `${certificateFileBase(certificate)}.pfx`;
    downloadFile(fileName, pfx, 'application/x-pkcs12');
    useCheckStore.setState({ pfxExport: { status: 'done', fileName } });
  } catch (error) {
    useCheckStore.setState({ pfxExport: { status: 'failed', problem: toProblem(error) } });
  }
}

/** Returns the PFX export to its start, e.g. when the form is closed. */
export function resetPfxExport(): void {
  useCheckStore.setState({ pfxExport: { status: 'idle' } });
}

/** Saves the certificate as PEM text (`.crt`, what the Taxpayer Application hands out too). */
export function downloadCertificate(certificate: CertificateSummary): void {
  downloadFile(
    `${certificateFileBase(certificate)}.crt`,
    encodePem('CERTIFICATE', certificate.der),
    'application/x-pem-file',
  );
}
