/**
 * What went wrong, for every screen: the source of the failure and its code, each source with its own
 * literal union, so the text for it in `src/messages/` is found by an exhaustive switch. A small pure
 * module of types that both `state/` (which makes problems) and `messages/` (which words them) import.
 */
import type { ReadFileErrorCode } from '../browser/read-file';
import type { CryptoErrorCode } from '../crypto/errors';
import type { KsefErrorCode } from '../ksef/errors';
import type { SignInErrorCode } from '../sign-in/errors';

/** The certificate application wizard's own reasons to stop (`source: 'apply'`). */
export type ApplyProblemCode =
  /** `limits.canRequest` is false: KSeF accepts no further request now (`limits` says which limit). */
  | 'cannot-request'
  /** KSeF refused the enrollment for a limit (25006 / 25007). */
  | 'limit-reached'
  /** The file picked at the save proof holds another key than the one just generated. */
  | 'key-file-mismatch'
  /** Going on without a proven save of the `.key` (or without confirming the password is stored). */
  | 'key-not-saved'
  /** The pre-flight check of the CSR found a problem: KSeF would refuse it. */
  | 'preflight-failed'
  /** The application record, or the certificate it points to, cannot be found. */
  | 'application-not-found'
  /** The certificate KSeF returned does not pair with the key in memory (see `result.pair`). */
  | 'pair-mismatch'
  /** The action needs a step done first (no session, no details, no key generated, ...). */
  | 'wrong-step'
  /** The session ended (KSeF refused to refresh it): sign in again. */
  | 'session-expired'
  /** Anything we cannot name; logged without its message. */
  | 'unexpected';

/** The certificates screen's own reasons to stop (`source: 'certificates'`). */
export type CertificatesProblemCode =
  /** The `.key` chosen to pair holds another key than the certificate's. */
  | 'key-mismatch'
  /** A download was asked for with no certificate selected. */
  | 'nothing-selected'
  /** The action needs a step done first (signed in, a list loaded). */
  | 'wrong-step'
  /** The session ended (KSeF refused to refresh it): sign in again. */
  | 'session-expired';

/** A failure a screen can explain. */
export type Problem =
  | { readonly source: 'crypto'; readonly code: CryptoErrorCode }
  | { readonly source: 'file'; readonly code: ReadFileErrorCode }
  | { readonly source: 'sign-in'; readonly code: SignInErrorCode }
  | {
      readonly source: 'ksef';
      readonly code: KsefErrorCode;
      /** KSeF's details (status details, exception descriptions), for a "more" section. */
      readonly details?: readonly string[];
      /** For 'rate-limited': how long to wait. */
      readonly retryAfterSeconds?: number;
    }
  | {
      readonly source: 'apply';
      readonly code: ApplyProblemCode;
      /** For 'limit-reached': KSeF's code and details. */
      readonly details?: readonly string[];
    }
  | { readonly source: 'certificates'; readonly code: CertificatesProblemCode }
  /** The checker failed in a way nobody named (logged without its message). */
  | { readonly source: 'unexpected' };
