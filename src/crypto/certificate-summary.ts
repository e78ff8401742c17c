import type { KeyType } from './key-type';

/** What the qcStatements extension (RFC 3739, ETSI EN 319 412-5) says. */
export interface QcStatements {
  /** QcCompliance (0.4.0.1862.1.1) is present: the issuer declares it a qualified certificate. */
  readonly compliance: boolean;
  /** The QcType OIDs (0.4.0.1862.1.6.1 esign, .2 eseal, .3 web). */
  readonly types: readonly string[];
}

/** One attribute of a distinguished name, decoded to readable text. */
export interface NameAttribute {
  /** OID, e.g. `2.5.4.3`. */
  readonly type: string;
  /** Short name when known (`CN`, `O`, `serialNumber`, `organizationIdentifier`, ...), else the OID. */
  readonly shortName: string;
  readonly value: string;
}

/** Everything the app shows about a certificate. Dates are `Date`; bytes are DER. */
export interface CertificateSummary {
  readonly subject: readonly NameAttribute[];
  /** Subject as one line, `CN=..., O=..., C=PL` (RFC 4514 order reversed for reading), UTF-8. */
  readonly subjectText: string;
  readonly issuer: readonly NameAttribute[];
  readonly issuerText: string;
  /** Subject commonName without the KSeF suffix, for display as the owner; `null` if absent. */
  readonly ownerName: string | null;
  /** Serial as uppercase hex: exactly 16 characters when it is 8 bytes (the KSeF format). */
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Whole days from `now` until `notAfter`; negative once expired. */
  readonly daysRemaining: number;
  readonly validity: 'not-yet-valid' | 'valid' | 'expired';
  readonly keyType: KeyType | { readonly kind: 'other'; readonly algorithmOid: string };
  /** Issuer equals subject and the signature verifies with the certificate's own key. */
  readonly selfSigned: boolean;
  /** keyUsage bits set, by RFC 5280 name (`digitalSignature`, `nonRepudiation`, ...). */
  readonly keyUsage: readonly string[];
  /** qcStatements when the extension is present, else `null`. */
  readonly qcStatements: QcStatements | null;
  /** URIs of the CRL distribution points (fullName), in order; empty when absent. */
  readonly crlDistributionPoints: readonly string[];
  /** SHA-256 of the DER certificate, uppercase hex. */
  readonly sha256Fingerprint: string;
  /** DER SubjectPublicKeyInfo, for pair checks. */
  readonly spki: Uint8Array;
  /** The certificate itself, DER. */
  readonly der: Uint8Array;
}
