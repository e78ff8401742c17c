import { AppError } from '../../lib/app-error';
import type { LinkFault } from './link';

/** Why a KOD II link is not made for this certificate and key (the refusals, docs/ksef-contract.md §9). */
export type SigningRefusal =
  /** An Authentication certificate: only Offline certificates may sign KOD II. */
  | 'certificate-authentication'
  /** Not a certificate a KSeF authority issued (`classifyCertificate`). */
  | 'certificate-not-ksef'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  /** The certificate's issuer or CRL names another environment than the link's host. */
  | 'certificate-other-environment'
  /** The serial is not 8 bytes (16 hex digits), so it cannot stand in the link. */
  | 'certificate-serial-not-ksef'
  /** The private key is not the certificate's (`checkPair`). */
  | 'key-certificate-mismatch'
  | 'rsa-key-too-small'
  /** Neither EC P-256 nor RSA. */
  | 'key-type-unsupported'
  /** An RSA key held for PKCS#1 v1.5 that cannot be exported to be used for RSASSA-PSS. */
  | 'key-not-exportable';

/** What is wrong with an invoice file given for KOD I / KOD II (`invoice.ts`). */
export type InvoiceFault =
  | 'invoice-empty'
  | 'invoice-too-large'
  | 'invoice-not-utf8'
  /** Not well-formed XML (or with a DOCTYPE, or nested too deep). */
  | 'invoice-not-xml'
  /** An FA(2) invoice (namespace of 2023): FA(3) replaced it on 1 February 2026. */
  | 'invoice-fa2'
  /** XML, but not an FA(3) `Faktura`. */
  | 'invoice-not-fa3'
  | 'invoice-seller-nip-missing'
  | 'invoice-seller-nip-invalid'
  | 'invoice-date-missing'
  | 'invoice-date-invalid';

export type OfflineLinkErrorCode = SigningRefusal | InvoiceFault | LinkFault;

/** An error of `src/crypto/offline-link/`, with a stable code a screen words in `src/messages/`. */
export class OfflineLinkError extends AppError<OfflineLinkErrorCode> {
  constructor(code: OfflineLinkErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'OfflineLinkError';
  }
}
