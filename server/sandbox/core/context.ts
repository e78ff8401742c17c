import type { SandboxCa } from './ca.ts';
import type { SandboxClock } from './clock.ts';
import type { SandboxRandom } from './random.ts';
import type { SandboxState, SubjectIdentifierKind } from './state.ts';
import type { StatusInfo } from './status-info.ts';

/**
 * How long asynchronous operations stay at status 100: until `...DelayMs` of sandbox time has passed
 * AND the status was read `...PendingPolls` times (so a client sees 100 at least once, as on KSeF).
 */
export interface SandboxTiming {
  readonly authDelayMs: number;
  readonly authPendingPolls: number;
  readonly enrollmentDelayMs: number;
  readonly enrollmentPendingPolls: number;
}

export const DEFAULT_TIMING: SandboxTiming = {
  authDelayMs: 1000,
  authPendingPolls: 1,
  enrollmentDelayMs: 1000,
  enrollmentPendingPolls: 1,
};

/** `CertificateLimitsResponse` limits: enrollment requests and active certificates per subject. */
export interface SandboxLimits {
  readonly enrollment: number;
  readonly certificate: number;
}

/** KSeF's defaults after 2.3.0 (docs/ksef-contract.md §5.1): a NIP subject 300/100, PESEL and fingerprint 12/6. */
export const DEFAULT_LIMITS: Readonly<Record<SubjectIdentifierKind, SandboxLimits>> = {
  Nip: { enrollment: 300, certificate: 100 },
  Pesel: { enrollment: 12, certificate: 6 },
  Fingerprint: { enrollment: 12, certificate: 6 },
};

/**
 * Which shape the sandbox's answers have: `current`, today's open-api.json; `january-2026`, the older
 * shape recorded from real KSeF TEST in January 2026 (docs/ksef-contract.md §4.2, §4.6, §14a): no
 * `clientIp` in POST /auth/challenge, no `authenticationMethodInfo` in GET /auth/{referenceNumber}.
 */
export type SandboxAnswerShape = 'current' | 'january-2026';

export const ANSWER_SHAPES: readonly SandboxAnswerShape[] = ['current', 'january-2026'];

/** What tests and the control API can change at run time. */
export interface SandboxSettings {
  timing: SandboxTiming;
  /** Replaces the defaults for every subject; `null` = KSeF's defaults. */
  limits: SandboxLimits | null;
  /** docs/ksef-contract.md §10 limits; off by default so that tests and people trying the app are never blocked. */
  rateLimits: boolean;
  /** The final status of the next accepted sign-in / enrollment, then back to normal. */
  nextAuthStatus: StatusInfo | null;
  nextEnrollmentStatus: StatusInfo | null;
  /** `current` unless a test asks for an older shape (see `SandboxAnswerShape`). */
  answerShape: SandboxAnswerShape;
}

/** Everything a handler needs. `state` and `settings` are replaced on reset, so read them per request. */
export interface SandboxContext {
  readonly clock: SandboxClock;
  readonly random: SandboxRandom;
  readonly crypto: Crypto;
  readonly ca: () => Promise<SandboxCa>;
  /** The caller's IP as KSeF would see it (`AuthenticationChallengeResponse.clientIp`, `AllowedIps`). */
  readonly clientIp: (request: Request) => string;
  readonly world: { state: SandboxState; settings: SandboxSettings };
}

/** The limits that apply to a subject of `kind`. */
export function limitsFor(settings: SandboxSettings, kind: SubjectIdentifierKind): SandboxLimits {
  return settings.limits ?? DEFAULT_LIMITS[kind];
}
