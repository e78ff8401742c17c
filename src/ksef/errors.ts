import { AppError } from '../lib/app-error';

/**
 * Every way a KSeF call can fail, one stable code each. The UI translates codes in `src/messages/` and
 * never reads `message`. KSeF exception codes map to these through {@link KSEF_EXCEPTION_CODES}; a
 * response without a known exception code falls back to its HTTP status ({@link errorCodeForStatus}).
 */
export type KsefErrorCode =
  // Transport
  /** No HTTP response at all (offline, DNS, TLS, connection reset, relay down). */
  | 'network'
  /** The browser knows it has no network (`navigator.onLine` is false): the request was not sent. */
  | 'offline'
  /** The request or the polling deadline ran out. */
  | 'timeout'
  /** The caller's `AbortSignal` fired. */
  | 'aborted'
  /** HTTP 429 and the wait would be too long or retries ran out; see `retryAfterSeconds`. */
  | 'rate-limited'
  // The same-origin relay's own answers (`server/relay/relay.ts`), read from its exact `{"error": "<code>"}` bodies
  /** Relay 502: it could not connect to KSeF (refused, DNS, TLS, reset); KSeF got nothing to act on. */
  | 'upstream-unreachable'
  /** Relay 504: KSeF did not answer the relay in time; it may still have acted on the request. */
  | 'upstream-timeout'
  /** Relay 404 on an allowlisted call: this server does not offer the environment (e.g. no local sandbox). */
  | 'environment-unavailable'
  /**
   * Relay 400/403/413/421 (query-not-allowed, cross-origin, body-too-large, body-not-allowed,
   * host-not-allowed): the relay refused the request itself.
   */
  | 'relay-refused'
  /** Relay 429 too-many-requests: this client already has the most calls in flight the relay allows; nothing was sent. */
  | 'relay-busy'
  // HTTP status fallbacks
  /** HTTP 401, or the session's tokens cannot be refreshed: sign in again. */
  | 'unauthorized'
  /** HTTP 403 (see `reasonCode`, e.g. `missing-permissions`, `auth-method-not-allowed`). */
  | 'forbidden'
  /** HTTP 410: the operation's status is past its retention (auth 7 days, enrollment 30 days). */
  | 'gone'
  /** HTTP 400 without a known KSeF exception code. */
  | 'bad-request'
  /** HTTP 5xx. */
  | 'server-error'
  /** Any other status the contract does not describe (a 404 or 415 from a misrouted relay, a 3xx). */
  | 'unexpected-status'
  /** A success response whose body does not match the contract (zod rejected it). */
  | 'invalid-response'
  /** The caller passed a value the contract rejects; nothing was sent. */
  | 'invalid-request'
  // KSeF exception codes (HTTP 400), docs/ksef-contract.md §4.5-§5.7
  /** 21111: the challenge expired, is unknown or was used already. */
  | 'challenge-invalid'
  /** 9105 (and 21406): the XAdES signature was rejected. */
  | 'signature-invalid'
  /** 21115: the signing certificate is invalid. */
  | 'certificate-invalid'
  /** 21117: the subject identifier does not fit the context identifier type. */
  | 'subject-identifier-invalid'
  /** 21301: tokens already redeemed, or the operation's status does not allow it. */
  | 'tokens-already-redeemed'
  /** 21304: no authentication operation with that reference number. */
  | 'operation-not-found'
  /** 21001, 21217, 21401, 9101, 9102, 9103: the signed XML is unreadable, invalid or not signed once. */
  | 'xml-invalid'
  /** 21405: the request failed input validation. */
  | 'input-validation'
  /** 25001, 25002: the sign-in method may not apply for certificates (e.g. a KSeF token). */
  | 'enrollment-not-allowed'
  /** 25003: the CSR subject differs from the enrollment data. */
  | 'csr-data-mismatch'
  /** 25004: the CSR is malformed or its signature does not verify. */
  | 'csr-invalid'
  /** 25005: no enrollment with that reference number. */
  | 'enrollment-not-found'
  /** 25006: the certificate-request limit is reached. */
  | 'enrollment-limit'
  /** 25007: the active-certificate limit is reached. */
  | 'certificate-limit'
  /** 25008: no certificate with that serial number. */
  | 'certificate-not-found'
  /** 25009: the certificate is already revoked, blocked or invalid. */
  | 'certificate-already-revoked'
  /** 25010: the CSR key is not EC P-256 or RSA-2048. */
  | 'key-type-invalid'
  /** 25011: the CSR signature algorithm is not accepted. */
  | 'csr-signature-algorithm-invalid'
  // Authentication status failures (GET /auth/{referenceNumber} status.code), docs/ksef-contract.md §4.6
  /** 415: the subject has no permissions in the context. */
  | 'auth-no-permissions'
  /** 425: the authentication was revoked. */
  | 'auth-revoked'
  /** 450: bad token or challenge (details say which). */
  | 'auth-bad-token'
  /** 460: certificate error (invalid, untrusted chain, revoked, suspended). */
  | 'auth-certificate-error'
  /** 470 (and exception 21308): credentials of a deceased person. */
  | 'auth-deceased-person'
  /** 480: authentication blocked after a suspected security incident. */
  | 'auth-blocked'
  /** 500, or any other failure status: unknown error. */
  | 'auth-unknown-error'
  /** 550: cancelled by the system; try again. */
  | 'auth-cancelled'
  // Enrollment status failures (GET /certificates/enrollments/{referenceNumber} status.code), docs/ksef-contract.md §5.4
  /** 400: the request was rejected (details say why, e.g. the key is already certified). */
  | 'enrollment-rejected'
  /** 500, or any other failure status: unknown error. */
  | 'enrollment-unknown-error'
  /** 550: cancelled by the system; try again. */
  | 'enrollment-cancelled';

/** One KSeF exception, from whichever error body carried it (legacy, Problem Details, status info). */
export interface KsefException {
  /** KSeF exception code (e.g. 21405); for Problem Details without codes and status failures, the status. */
  readonly code: number;
  readonly description: string;
  readonly details: readonly string[];
}

/** What a {@link KsefError} may carry besides its code. */
export interface KsefErrorOptions {
  readonly status?: number | undefined;
  readonly exceptions?: readonly KsefException[];
  readonly referenceNumber?: string | undefined;
  readonly traceId?: string | undefined;
  readonly reasonCode?: string | undefined;
  readonly retryAfterSeconds?: number | undefined;
  readonly cause?: unknown;
}

/** An error from `src/ksef/`, with a stable code the UI translates and what KSeF said about it. */
export class KsefError extends AppError<KsefErrorCode> {
  /** HTTP status of the failed response; `undefined` when there was none (network, timeout, status failure). */
  readonly status: number | undefined;
  /** Every KSeF exception the response carried, in order; empty when it carried none. */
  readonly exceptions: readonly KsefException[];
  /** KSeF's reference number for the failed operation (legacy error body, or the polled operation). */
  readonly referenceNumber: string | undefined;
  /** Problem Details `traceId`, worth quoting to KSeF support. */
  readonly traceId: string | undefined;
  /**
   * HTTP 403 `reasonCode`: docs/ksef-contract.md §3.3 documents missing-permissions, ip-not-allowed,
   * insufficient-resource-access, auth-method-not-allowed, security-service-blocked and
   * context-type-not-allowed; KSeF may add more, so it stays a string.
   */
  readonly reasonCode: string | undefined;
  /** For 'rate-limited': the server's `Retry-After`, so the UI can count down. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: KsefErrorCode, message: string, options: KsefErrorOptions = {}) {
    super(code, message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'KsefError';
    this.status = options.status;
    this.exceptions = options.exceptions ?? [];
    this.referenceNumber = options.referenceNumber;
    this.traceId = options.traceId;
    this.reasonCode = options.reasonCode;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** True when `value` is a `KsefError`, optionally with the given code. */
export function isKsefError(value: unknown, code?: KsefErrorCode): value is KsefError {
  return value instanceof KsefError && (code === undefined || value.code === code);
}

/** KSeF exception codes with a code of their own (docs/ksef-contract.md §3.3, §4.5-§4.8, §5). */
export const KSEF_EXCEPTION_CODES: ReadonlyMap<number, KsefErrorCode> = new Map<number, KsefErrorCode>([
  [21111, 'challenge-invalid'],
  [9105, 'signature-invalid'],
  [21406, 'signature-invalid'],
  [21115, 'certificate-invalid'],
  [21117, 'subject-identifier-invalid'],
  [21301, 'tokens-already-redeemed'],
  [21304, 'operation-not-found'],
  [21308, 'auth-deceased-person'],
  [21001, 'xml-invalid'],
  [21217, 'xml-invalid'],
  [21401, 'xml-invalid'],
  [9101, 'xml-invalid'],
  [9102, 'xml-invalid'],
  [9103, 'xml-invalid'],
  [21405, 'input-validation'],
  [25001, 'enrollment-not-allowed'],
  [25002, 'enrollment-not-allowed'],
  [25003, 'csr-data-mismatch'],
  [25004, 'csr-invalid'],
  [25005, 'enrollment-not-found'],
  [25006, 'enrollment-limit'],
  [25007, 'certificate-limit'],
  [25008, 'certificate-not-found'],
  [25009, 'certificate-already-revoked'],
  [25010, 'key-type-invalid'],
  [25011, 'csr-signature-algorithm-invalid'],
]);

/** Failure codes of `AuthenticationOperationStatusResponse.status.code` (docs/ksef-contract.md §4.6). */
export const AUTH_STATUS_FAILURES: ReadonlyMap<number, KsefErrorCode> = new Map<number, KsefErrorCode>([
  [415, 'auth-no-permissions'],
  [425, 'auth-revoked'],
  [450, 'auth-bad-token'],
  [460, 'auth-certificate-error'],
  [470, 'auth-deceased-person'],
  [480, 'auth-blocked'],
  [500, 'auth-unknown-error'],
  [550, 'auth-cancelled'],
]);

/** Failure codes of `CertificateEnrollmentStatusResponse.status.code` (docs/ksef-contract.md §5.4). */
export const ENROLLMENT_STATUS_FAILURES: ReadonlyMap<number, KsefErrorCode> = new Map<number, KsefErrorCode>([
  [400, 'enrollment-rejected'],
  [500, 'enrollment-unknown-error'],
  [550, 'enrollment-cancelled'],
]);

/** The code for an error response without a known KSeF exception code. */
export function errorCodeForStatus(status: number): KsefErrorCode {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 410) return 'gone';
  if (status === 429) return 'rate-limited';
  if (status >= 500 && status <= 599) return 'server-error';
  return 'unexpected-status';
}

/** The code of the first exception KSeF gave a code of its own, else the HTTP status fallback. */
export function errorCodeFor(status: number, exceptions: readonly KsefException[]): KsefErrorCode {
  for (const exception of exceptions) {
    const code = KSEF_EXCEPTION_CODES.get(exception.code);
    if (code !== undefined) return code;
  }
  return errorCodeForStatus(status);
}
