import type { CertificateEnrollmentData } from '../../../src/crypto/enrollment-data.ts';
import { BoundedMap, type Retention } from './bounded-map.ts';
import { DAY, MINUTE } from './clock.ts';
import type { StatusInfo } from './status-info.ts';

/** `TContextIdentifier`: exactly one of these (docs/ksef-contract.md §4.3). */
export type ContextIdentifierType = 'Nip' | 'InternalId' | 'NipVatUe' | 'PeppolId';

export interface ContextIdentifier {
  readonly type: ContextIdentifierType;
  readonly value: string;
}

/** `AuthorizationPolicy/AllowedIps`, as written. */
export interface AllowedIps {
  readonly addresses: readonly string[];
  readonly ranges: readonly string[];
  readonly masks: readonly string[];
}

/** `CertificateSubjectIdentifierType`: whom certificates belong to (docs/ksef-contract.md §5.6). */
export type SubjectIdentifierKind = 'Nip' | 'Pesel' | 'Fingerprint';

export interface SubjectIdentifier {
  readonly type: SubjectIdentifierKind;
  readonly value: string;
}

/** The key of a subject's certificates and limits: the same subject from any context sees the same ones. */
export function subjectKey(identifier: SubjectIdentifier): string {
  return `${identifier.type}:${identifier.value}`;
}

/** `AuthenticationMethod` (deprecated in the API, still required in responses). */
export type AuthenticationMethod =
  | 'Token'
  | 'TrustedProfile'
  | 'InternalCertificate'
  | 'QualifiedSignature'
  | 'QualifiedSeal'
  | 'PersonalSignature'
  | 'PeppolSignature';

export interface AuthenticationMethodInfo {
  readonly category: 'XadesSignature' | 'NationalNode' | 'Token' | 'Other';
  readonly code: string;
  readonly displayName: string;
}

/** Who signed in. `enrollmentData` is `null` for methods that may not apply for certificates. */
export interface Identity {
  readonly kind: 'person' | 'seal';
  readonly identifier: SubjectIdentifier;
  readonly enrollmentData: CertificateEnrollmentData | null;
}

export interface ChallengeRecord {
  readonly issuedAt: Date;
  used: boolean;
}

/** One authentication operation (`AU` reference number) and, once redeemed, its session. */
export interface AuthOperation {
  readonly referenceNumber: string;
  readonly startDate: Date;
  readonly identity: Identity;
  readonly contextIdentifier: ContextIdentifier;
  readonly method: AuthenticationMethod;
  readonly methodInfo: AuthenticationMethodInfo;
  /** The status the operation ends in; shown once `readyAt` has passed and enough polls were made. */
  readonly outcome: StatusInfo;
  readonly readyAt: Date;
  readonly pendingPolls: number;
  polls: number;
  redeemed: boolean;
  /** Ended by `DELETE /auth/sessions/current`: the refresh token no longer works. */
  revoked: boolean;
  lastTokenRefreshDate: Date | null;
  refreshTokenValidUntil: Date | null;
  /** Serial of the sandbox certificate that signed in, for its `lastUseDate`. */
  readonly signerSerial: string | null;
  readonly allowedIps: AllowedIps | null;
}

export type TokenKind = 'authentication' | 'access' | 'refresh';

/** What an opaque bearer token stands for. Tokens are secrets: never logged, never in a URL. */
export interface TokenRecord {
  readonly kind: TokenKind;
  readonly referenceNumber: string;
  readonly validUntil: Date;
}

export type KsefCertificateType = 'Authentication' | 'Offline';
export type RevocationReason = 'Unspecified' | 'Superseded' | 'KeyCompromise';

/** A certificate the sandbox CA issued. */
export interface IssuedCertificate {
  readonly serialNumber: string;
  readonly der: Uint8Array;
  readonly name: string;
  readonly type: KsefCertificateType;
  /** The CN as requested, without the suffix the CA appended. */
  readonly commonName: string;
  readonly owner: SubjectIdentifier;
  readonly validFrom: Date;
  /** As issued; TEST's `PUT /testdata/certificates/{serialNumber}` may bring it forward (the DER keeps its notAfter). */
  validTo: Date;
  readonly requestDate: Date;
  /** Hex of the DER SubjectPublicKeyInfo, to refuse a key certified before. */
  readonly publicKey: string;
  revokedAt: Date | null;
  revocationReason: RevocationReason | null;
  lastUseDate: Date | null;
}

export type EnrollmentOutcome =
  | { readonly kind: 'issued'; readonly certificate: IssuedCertificate }
  | { readonly kind: 'failed'; readonly status: StatusInfo };

/** One certificate enrollment (`EH` reference number). */
export interface Enrollment {
  readonly referenceNumber: string;
  readonly owner: SubjectIdentifier;
  readonly requestDate: Date;
  readonly publicKey: string;
  readonly outcome: EnrollmentOutcome;
  readonly readyAt: Date;
  readonly pendingPolls: number;
  polls: number;
  /** Set when the outcome became visible; an issued certificate is listed from then on. */
  completed: boolean;
}

/** Everything the sandbox remembers; `reset` replaces it with a fresh one. Every kind is bounded. */
export interface SandboxState {
  readonly challenges: BoundedMap<string, ChallengeRecord>;
  readonly operations: BoundedMap<string, AuthOperation>;
  readonly tokens: BoundedMap<string, TokenRecord>;
  readonly enrollments: BoundedMap<string, Enrollment>;
  /** Completed certificates by serial. */
  readonly certificates: BoundedMap<string, IssuedCertificate>;
}

export type SandboxRetention = { readonly [K in keyof SandboxState]: Retention };

/** Two years of validity plus KSeF's reported 90-day limit on a future `validFrom` (docs/ksef-contract.md §5.3). */
const CERTIFICATE_LIFE = (2 * 366 + 90) * DAY;

/**
 * How long each kind is kept, from when it was made, and how many at most (the oldest go first):
 * never shorter than the contract keeps it, so forgetting is never kinder than KSeF within its own
 * windows. A challenge lives 10 minutes (docs/ksef-contract.md §4.2); a sign-in's status 7 days
 * (§4.6), and its refresh token 7 days from a redeem made within the authentication token's 45
 * minutes (§4.11); tokens are kept as long as the longest of them lives (7 days), each still refused
 * after its own `validUntil`; enrollments and certificates as long as a certificate can be valid and
 * then 30 days more, the enrollment status retention (§5.4), so limits and "key already certified"
 * count them all that time. The caps hold memory to tens of MB (~2.6 KB a sign-in, ~2 KB a
 * certificate), far past what one person trying the app makes.
 */
export const DEFAULT_RETENTION: SandboxRetention = {
  challenges: { ttlMs: 10 * MINUTE, cap: 10_000 },
  operations: { ttlMs: 7 * DAY + 45 * MINUTE, cap: 10_000 },
  tokens: { ttlMs: 7 * DAY, cap: 30_000 },
  enrollments: { ttlMs: CERTIFICATE_LIFE + 30 * DAY, cap: 10_000 },
  certificates: { ttlMs: CERTIFICATE_LIFE + 30 * DAY, cap: 10_000 },
};

/** A fresh, empty state on the sandbox clock `now`. */
export function createSandboxState(now: () => Date, retention: SandboxRetention = DEFAULT_RETENTION): SandboxState {
  return {
    challenges: new BoundedMap(retention.challenges, now),
    operations: new BoundedMap(retention.operations, now),
    tokens: new BoundedMap(retention.tokens, now),
    enrollments: new BoundedMap(retention.enrollments, now),
    certificates: new BoundedMap(retention.certificates, now),
  };
}

/**
 * How long a revoked certificate reads `Blocked` (being revoked, already unusable) before `Revoked`
 * (docs/ksef-contract.md §5.6). KSeF does not say how long; a short while, which tests pass with the clock.
 */
export const REVOCATION_BLOCKED_MS = 5 * MINUTE;

export type CertificateStatus = 'Active' | 'Blocked' | 'Revoked' | 'Expired';

/**
 * `CertificateListItemStatus` at `now`: `Blocked` for `REVOCATION_BLOCKED_MS` after a revocation, then
 * `Revoked` for good (a revoked certificate that later expires stays `Revoked`); otherwise `Expired`
 * after `validTo`, else `Active`.
 */
export function certificateStatus(certificate: IssuedCertificate, now: Date): CertificateStatus {
  if (certificate.revokedAt !== null) {
    return now.getTime() < certificate.revokedAt.getTime() + REVOCATION_BLOCKED_MS ? 'Blocked' : 'Revoked';
  }
  return now.getTime() > certificate.validTo.getTime() ? 'Expired' : 'Active';
}
