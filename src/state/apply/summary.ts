/**
 * The printable summary card of an issued certificate (issue 4, deliverable 7): the fields only; the
 * UI labels, formats and prints them.
 */
import type { CertificateSummary } from '../../crypto/certificate-summary';
import type { KeyType } from '../../crypto/key-type';
import { classifyCertificate } from '../../crypto/ksef-profile';
import type { KsefEnvironment } from '../../ksef/environments';
import type { ApplyState, CertificateType } from './model';

export interface SummaryCard {
  /** The certificate owner's name (CN without the KSeF suffix), else the subject line. */
  readonly owner: string;
  readonly purpose: CertificateType;
  readonly environment: KsefEnvironment;
  readonly certificateName: string;
  /** Uppercase hex. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyType: KeyType | { readonly kind: 'other'; readonly algorithmOid: string };
  /** SHA-256 of the certificate, uppercase hex. */
  readonly certificateFingerprint: string;
  readonly files: {
    readonly key: string | null;
    /** Once saved. */
    readonly certificate: string | null;
    readonly pfx: string | null;
    readonly reminder: string | null;
  };
}

function isOfflineCertificate(certificate: CertificateSummary): boolean {
  const kind = classifyCertificate(certificate);
  return kind.kind === 'ksef' && kind.purpose === 'Offline';
}

/**
 * The card for the state's issued certificate, or `null` before the result is ready. `purpose` and the
 * names come from the application; the rest from the certificate itself.
 */
export function summaryCard(
  state: Pick<ApplyState, 'result' | 'environment' | 'details' | 'key' | 'resume'>,
): SummaryCard | null {
  const { result, environment } = state;
  if (result.status !== 'ready' || environment === null) return null;
  const { certificate } = result;
  const application = state.details ?? state.resume?.record ?? null;
  const purpose: CertificateType =
    application?.certificateType ?? (isOfflineCertificate(certificate) ? 'Offline' : 'Authentication');
  const keyFile = state.key.status === 'proven' || state.key.status === 'saved' ? state.key.fileName : null;
  return {
    owner: certificate.ownerName ?? certificate.subjectText,
    purpose,
    environment,
    certificateName: application?.certificateName ?? result.fileBase,
    serialNumber: certificate.serialHex,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    keyType: certificate.keyType,
    certificateFingerprint: certificate.sha256Fingerprint,
    files: {
      key: keyFile,
      certificate: result.certificateFileName ?? null,
      pfx: result.pfxFileName ?? null,
      reminder: result.reminderFileName ?? null,
    },
  };
}
