/**
 * The certificate application wizard's state, as types only (issue 4). The store (`store.ts`)
 * holds these; the actions (`*-actions.ts`) move between them. Nothing here is secret: keys and
 * session tokens live in `vault.ts`, passwords only in the call that uses them.
 *
 * Additions to the shared contract (nothing in it was removed or renamed):
 * - `submission` has `{ status: 'resuming'; referenceNumber }` while a resumed application's status
 *   is looked up, and `{ status: 'awaiting-key'; referenceNumber; serialNumber }` once its certificate
 *   is found and the saved `.key` is wanted (`openSavedKeyForResume`); both are shown on step 'result'.
 * - `result` `ready` also carries `certificateFileName` / `pfxFileName` / `reminderFileName` once those
 *   files were saved; the `.crt` is saved on arrival (`saveCertificateOnArrival`).
 * - Actions without a state slot of their own return `Problem | null` instead of storing it:
 *   `continueToDetails` (sync: 'cannot-request'), `continueToReview` ('key-not-saved'), `saveKeyAgain`,
 *   `downloadTestIdentity`, `downloadCertificate`, `downloadPfx`, `downloadReminder`, `signOutAndForget`,
 *   `resumeApplication` ('application-not-found').
 * - `signInWithTestIdentity(input, algorithm?)`: the throwaway identity's key type, default EC P-256.
 * - `signInAgain()`: back to 'sign-in' after `session-expired`; once signed in, an application that was
 *   waiting polls its enrollment again (step 'review'), a resumed one continues.
 * - `downloadReminder(texts: ReminderTexts)` takes the event texts (the UI's copy, pl or en).
 * - `downloadPfx(password)`: the PFX password is the key's password (it opens the saved `.key`, since
 *   the key in memory is non-extractable).
 * - `restored` is set when the wizard came back from the tab's draft after a reload (`keepDraft`);
 *   `discardSavedKey()` drops the `.key` saved before the reload so a new one can be made, and
 *   `proveKeySaved` on a `.key` saved before the reload adopts its key (fingerprint must match);
 *   signing in again returns to `restored.returnTo` (the details, or the key step with that proof).
 * - `visitStep(step)` (navigation-actions.ts) shows a step again when `STEP_VISITS` allows it.
 * - `keyReplacedBy(state, details)`: the `.key` that new details would give up (the UI asks first).
 * - `configureApply(seams)` sets the I/O seams (fetch, origin, now, sleep, storage, download, crypto);
 *   the browser defaults need no call. `summaryCard(state)` (from `summary.ts`) gives the card fields.
 */
import type { CertificateSummary } from '../../crypto/certificate-summary';
import type { CsrCheck } from '../../crypto/check-csr';
import type { KeyAlgorithm } from '../../crypto/algorithms';
import type { PairResult } from '../../crypto/pair';
import type { CertificateEnrollmentDataResponse, CertificateLimitsResponse } from '../../ksef/certificate-schemas';
import type { KsefEnvironment } from '../../ksef/environments';
import type { Problem } from '../../problem/problem';
import type { PfxExportState } from '../pfx-export';
import type { ApplicationRecord } from './records';
import type { SignInStep } from '../../sign-in/sign-in';

/** The wizard's steps, in order. */
export type ApplyStepId = 'environment' | 'sign-in' | 'data' | 'details' | 'key' | 'review' | 'result';

/** Every step id, in the order the wizard shows them. */
export const APPLY_STEPS: readonly ApplyStepId[] = [
  'environment',
  'sign-in',
  'data',
  'details',
  'key',
  'review',
  'result',
];

/** How the user signed in. */
export type SignInMethod = 'ksef-certificate' | 'external' | 'test-identity';

export type SignInState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress: SignInStep }
  | { readonly status: 'done'; readonly subject: string; readonly method: SignInMethod }
  | { readonly status: 'failed'; readonly problem: Problem };

/** After the unsigned `AuthTokenRequest.xml` was downloaded for the user's signing software. */
export type ExternalSignatureState = null | {
  readonly challenge: string;
  /** ISO date-time. */
  readonly challengeIssuedAt: string;
  readonly fileName: string;
};

export type EnrollmentState =
  | { readonly status: 'idle' | 'loading' }
  | {
      readonly status: 'done';
      readonly data: CertificateEnrollmentDataResponse;
      readonly limits: CertificateLimitsResponse;
    }
  | { readonly status: 'failed'; readonly problem: Problem };

/** KSeF's two certificate types. */
export type CertificateType = 'Authentication' | 'Offline';

export interface CertificateDetails {
  /** KSeF's `certificateName` (5-100 characters, see `certificateNameRules`). */
  readonly certificateName: string;
  readonly certificateType: CertificateType;
  /** Local date `YYYY-MM-DD`; today means "from now". */
  readonly validFrom: string;
  readonly keyAlgorithm: KeyAlgorithm;
}

/** The saved `.key` file: its name and the SHA-256 of the public key (SPKI DER, uppercase hex). */
export interface SavedKeyInfo {
  readonly fileName: string;
  readonly publicKeyFingerprint: string;
}

export type KeyState =
  | { readonly status: 'idle' }
  | { readonly status: 'generating' }
  | ({ readonly status: 'saved' } & SavedKeyInfo)
  /** `saved`: the `.key` being proven (`null` when a resumed application's key is opened), so its form stays. */
  | { readonly status: 'proving'; readonly saved: SavedKeyInfo | null }
  | ({ readonly status: 'proven' } & SavedKeyInfo)
  | { readonly status: 'failed'; readonly problem: Problem; readonly saved: SavedKeyInfo | null };

export type SubmissionState =
  | { readonly status: 'idle' }
  | { readonly status: 'submitting' }
  | { readonly status: 'polling'; readonly referenceNumber: string; readonly attempt: number }
  /** A resumed application: its status or certificate is being looked up. */
  | { readonly status: 'resuming'; readonly referenceNumber: string }
  /** A resumed application's certificate was found; the saved `.key` is wanted. */
  | { readonly status: 'awaiting-key'; readonly referenceNumber: string; readonly serialNumber: string }
  /** `referenceNumber` is `null` when the certificate was found by its key after an enrollment without an answer. */
  | { readonly status: 'issued'; readonly referenceNumber: string | null; readonly serialNumber: string }
  | {
      readonly status: 'failed';
      readonly problem: Problem;
      readonly retryable: boolean;
      readonly referenceNumber: string | null;
    };

export type ResultState =
  | { readonly status: 'idle' | 'retrieving' }
  | {
      readonly status: 'ready';
      readonly certificate: CertificateSummary;
      readonly pair: PairResult;
      readonly certificatePem: string;
      /** Base of the file names (`<fileBase>.crt`, `.pfx`, `.ics`), safe on every file system. */
      readonly fileBase: string;
      /** The `.crt`'s name once it was handed to the browser (on arrival, or "save again"). */
      readonly certificateFileName?: string;
      /** The PFX form's progress; `pfxFileName` is the last PFX saved. */
      readonly pfxExport: PfxExportState;
      readonly pfxFileName?: string;
      readonly reminderFileName?: string;
    }
  | { readonly status: 'failed'; readonly problem: Problem };

export type ResumeState = null | { readonly record: ApplicationRecord };

/**
 * The wizard came back from this tab's draft after a reload (`draft.ts`): the session and the
 * key in memory were lost with the page, the entries were not.
 */
export type RestoredState = null | {
  /** The user had signed in before the reload, so must sign in again. */
  readonly signedIn: boolean;
  /** The `.key` saved before the reload: opening it again continues with that key. */
  readonly savedKey: SavedKeyInfo | null;
  /** The step shown before the reload, to go back to once signed in again (then `null`). */
  readonly returnTo: ApplyStepId | null;
};

/** The texts of the two reminder events (the UI's copy; `{date}` is not interpolated here). */
export interface ReminderTexts {
  /** Summary of the event 30 days before expiry. */
  readonly summary30: string;
  /** Summary of the event 7 days before expiry. */
  readonly summary7: string;
  /** Optional longer text for both events. */
  readonly description?: string;
}

/** A user's file being read in the file reader's worker (the saved `.key`, the sign-in files); it can be stopped. */
export type FileReadState = { readonly status: 'idle' } | { readonly status: 'reading'; readonly fileName: string };

/** The whole wizard state (non-secret). */
export interface ApplyState {
  readonly step: ApplyStepId;
  readonly environment: KsefEnvironment | null;
  readonly contextNip: string | null;
  readonly signIn: SignInState;
  readonly external: ExternalSignatureState;
  readonly enrollment: EnrollmentState;
  readonly details: CertificateDetails | null;
  readonly key: KeyState;
  readonly passwordStoredConfirmed: boolean;
  readonly preflight: null | readonly CsrCheck[];
  readonly submission: SubmissionState;
  readonly result: ResultState;
  readonly resume: ResumeState;
  readonly restored: RestoredState;
  readonly fileRead: FileReadState;
}
