import type { SandboxClock } from '../core/clock.ts';
import type { SandboxAnswerShape, SandboxLimits, SandboxSettings, SandboxTiming } from '../core/context.ts';
import type { FaultInjector, SandboxFault } from './faults.ts';
import { ksefIdentifier } from '../core/random.ts';
import type { AuthOperation, Identity } from '../core/state.ts';
import { type AuthFailureCode, type EnrollmentFailureCode, authStatus, enrollmentStatus } from '../core/status-info.ts';
import { issueToken } from '../auth/tokens.ts';
import type { SandboxInternals } from '../sandbox.ts';

/** Switches for tests (in process) and, when exposed, for end-to-end tests over HTTP. */
export interface SandboxControl {
  /** The sandbox clock: `advance(ms)` to expire challenges, tokens, retention and certificates. */
  readonly clock: SandboxClock;
  /** Adds a fault (see `SandboxFault`); faults queue and each fires its `times`. */
  injectFault(fault: SandboxFault): void;
  clearFaults(): void;
  /** The next accepted sign-in ends in this status (e.g. 460) instead of its normal outcome. */
  setNextAuthStatus(status: { readonly code: AuthFailureCode; readonly details?: readonly string[] } | null): void;
  /** The next accepted enrollment ends in this status (400, 500 or 550) instead of issuing. */
  setNextEnrollmentStatus(
    status: { readonly code: EnrollmentFailureCode; readonly details?: readonly string[] } | null,
  ): void;
  /** Limits for every subject; `null` restores KSeF's defaults. */
  setLimits(limits: SandboxLimits | null): void;
  setTiming(timing: Partial<SandboxTiming>): void;
  /** Turns the docs/ksef-contract.md §10 rate limits on or off. */
  setRateLimits(enabled: boolean): void;
  /** Answers in today's shape (`current`, the default) or an older one KSeF TEST has sent (`SandboxAnswerShape`). */
  setAnswerShape(shape: SandboxAnswerShape): void;
  /** The sandbox CA certificate (DER), e.g. to check a chain in a test. */
  caCertificate(): Promise<Uint8Array>;
  /**
   * Forgets every challenge, session, enrollment and certificate, clears faults and forced statuses,
   * and restores the settings the sandbox was created with. The clock and the CA key stay.
   */
  reset(): void;
  /**
   * TEST-ONLY shortcut: a redeemed session for `identity` without any signature, as if it had signed in
   * with `method` (`token` models a KSeF-token session, which the sandbox does not otherwise offer, to
   * reach 25001/25002). Not reachable over HTTP.
   */
  openTestSession(
    identity: Identity,
    method?: 'xades' | 'token',
  ): { referenceNumber: string; accessToken: string; refreshToken: string };
}

export interface ControlInternals extends SandboxInternals {
  readonly faults: FaultInjector;
}

export function createControl({
  context,
  faults,
  rateLimiter,
  initialSettings,
  initialState,
}: ControlInternals): SandboxControl {
  const settings = (): SandboxSettings => context.world.settings;
  return {
    clock: context.clock,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setNextAuthStatus: (status) => {
      settings().nextAuthStatus = status === null ? null : authStatus(status.code, status.details);
    },
    setNextEnrollmentStatus: (status) => {
      settings().nextEnrollmentStatus = status === null ? null : enrollmentStatus(status.code, status.details);
    },
    setLimits: (limits) => {
      settings().limits = limits;
    },
    setTiming: (timing) => {
      // Only the keys given: an explicit `undefined` must not wipe a setting.
      const given = Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined));
      settings().timing = { ...settings().timing, ...given };
    },
    setRateLimits: (enabled) => {
      settings().rateLimits = enabled;
      if (!enabled) rateLimiter.reset();
    },
    setAnswerShape: (shape) => {
      settings().answerShape = shape;
    },
    caCertificate: async () => (await context.ca()).certificate,
    reset: () => {
      context.world.state = initialState();
      context.world.settings = initialSettings();
      faults.clear();
      rateLimiter.reset();
    },
    openTestSession: (identity, method = 'xades') => {
      const now = context.clock.now();
      const token = method === 'token';
      const operation: AuthOperation = {
        referenceNumber: ksefIdentifier('AU', now, context.random),
        startDate: now,
        identity: token ? { ...identity, enrollmentData: null } : identity,
        contextIdentifier: {
          type: 'Nip',
          value: identity.identifier.type === 'Nip' ? identity.identifier.value : '5265877635',
        },
        method: token ? 'Token' : identity.kind === 'seal' ? 'QualifiedSeal' : 'QualifiedSignature',
        methodInfo: token
          ? { category: 'Token', code: 'token.ksef', displayName: 'Token KSeF' }
          : { category: 'XadesSignature', code: 'xades.test-session', displayName: 'Sesja testowa' },
        outcome: authStatus(200),
        readyAt: now,
        pendingPolls: 0,
        polls: 0,
        redeemed: true,
        revoked: false,
        lastTokenRefreshDate: null,
        refreshTokenValidUntil: null,
        signerSerial: null,
        allowedIps: null,
      };
      context.world.state.operations.set(operation.referenceNumber, operation);
      const access = issueToken(context, 'access', operation);
      const refresh = issueToken(context, 'refresh', operation);
      operation.refreshTokenValidUntil = refresh.validUntil;
      return { referenceNumber: operation.referenceNumber, accessToken: access.token, refreshToken: refresh.token };
    },
  };
}
