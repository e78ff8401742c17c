import type { PairResult } from '../crypto/pair';
import { AppError } from '../lib/app-error';

/** Why a key and a certificate do not pair, as `checkPair` says. */
export type PairMismatchReason = Extract<PairResult, { match: false }>['reason'];

/**
 * Why the app refuses to start a sign-in, found before KSeF is contacted. KSeF's own refusals stay
 * `KsefError`s and unreadable files `CryptoError`s; the UI translates these codes in `src/messages/`.
 */
export type SignInErrorCode =
  /** The certificate is a KSeF Offline certificate (keyUsage nonRepudiation): it only signs invoices offline, KSeF refuses it for sign-in. */
  | 'offline-certificate'
  /** The certificate's notAfter has passed. */
  | 'certificate-expired'
  /** The private key is not the one the certificate was issued for (see `SignInError.pairReason`). */
  | 'key-certificate-mismatch'
  /** A self-signed test identity was asked for on an environment that refuses them (DEMO, production). */
  | 'test-identity-not-allowed'
  /** A key file came without a certificate: no certificate file, and none inside the key file. */
  | 'certificate-missing'
  /** A test identity without a NIP (a person with a PESEL) needs the context NIP to sign in for. */
  | 'context-required';

/** An app-level refusal of a sign-in, with a stable code. */
export class SignInError extends AppError<SignInErrorCode> {
  /** For 'key-certificate-mismatch': what `checkPair` found. */
  readonly pairReason: PairMismatchReason | undefined;

  constructor(
    code: SignInErrorCode,
    message: string,
    options: { readonly pairReason?: PairMismatchReason; readonly cause?: unknown } = {},
  ) {
    super(code, message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'SignInError';
    this.pairReason = options.pairReason;
  }
}

/** True when `value` is a `SignInError`, optionally with the given code. */
export function isSignInError(value: unknown, code?: SignInErrorCode): value is SignInError {
  return value instanceof SignInError && (code === undefined || value.code === code);
}
