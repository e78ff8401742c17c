import type { CertificateSummary } from '../../crypto/certificate-summary';
import type { OfflineLinkErrorCode } from '../../crypto/offline-link/errors';
import type { InvoiceFacts } from '../../crypto/offline-link/invoice';
import type { ContextType, LinkEnvironment } from '../../crypto/offline-link/link';
import type { LinkCheckFault, SignatureEncoding } from '../../crypto/offline-link/verify';
import type { Problem } from '../../problem/problem';

/** Every code of the core this screen words: the refusals and faults of making a link and of checking one. */
export type OfflineLinkCode = OfflineLinkErrorCode | LinkCheckFault | OfflineLinkScreenCode;

/** The screen's own reasons: a step that needs files first. */
export type OfflineLinkScreenCode = 'needs-key-and-certificate' | 'needs-certificate';

/** What went wrong on this screen: a fault of the core, or a file that could not be read. */
export type OfflineLinkProblem = { readonly source: 'offline-link'; readonly code: OfflineLinkCode } | Problem;

/** The invoice given for the links: its hash always, its facts when it is an FA(3) invoice. */
export type InvoiceState =
  | { readonly status: 'none' }
  | { readonly status: 'reading'; readonly fileName: string }
  | {
      readonly status: 'read';
      readonly fileName: string;
      readonly invoiceHash: string;
      /** `null` when the file is not an FA(3) invoice (`fault` says why): its hash is still usable. */
      readonly facts: InvoiceFacts | null;
      readonly fault: OfflineLinkCode | null;
    }
  | { readonly status: 'failed'; readonly fileName: string; readonly problem: OfflineLinkProblem };

/** What the form gives for the links. `issueDate` (`YYYY-MM-DD`) is needed for KOD I only. */
export interface LinkForm {
  readonly environment: LinkEnvironment;
  readonly contextType: ContextType;
  readonly contextValue: string;
  readonly sellerNip: string;
  readonly invoiceHash: string;
  readonly issueDate: string;
}

/** One QR code made: its link, label, SVG and module grid (for the PNG). */
export interface MadeCode {
  readonly url: string;
  readonly label: string;
  /** The downloads' name without extension: `KOD-II-<serial>`, `KOD-I-<seller NIP>-<issue date>`. */
  readonly fileBase: string;
  readonly svg: string;
  readonly modules: readonly (readonly boolean[])[];
}

export type CodesRun =
  | { readonly status: 'idle' }
  | { readonly status: 'working' }
  | {
      readonly status: 'done';
      /** KOD I; `null` when no issue date was given. */
      readonly invoiceCode: MadeCode | null;
      readonly certificateCode: MadeCode;
      readonly certificateSerial: string;
    }
  | { readonly status: 'failed'; readonly problem: OfflineLinkProblem };

export type VerifyRun =
  | { readonly status: 'idle' }
  | { readonly status: 'working' }
  | { readonly status: 'valid'; readonly encoding: SignatureEncoding; readonly serial: string }
  | { readonly status: 'invalid'; readonly fault: LinkCheckFault }
  | { readonly status: 'failed'; readonly problem: OfflineLinkProblem };

/** The certificate to sign with: the first one that is not a CA's among the opened files. */
export function signingCertificate(certificates: readonly CertificateSummary[]): CertificateSummary | null {
  return certificates.find((c) => !isCa(c)) ?? certificates[0] ?? null;
}

function isCa(certificate: CertificateSummary): boolean {
  return certificate.keyUsage.includes('keyCertSign');
}
