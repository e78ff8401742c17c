import type { KsefError, KsefErrorCode } from './errors';

/**
 * How the transport waits and retries (docs/ksef-contract.md §10: on 429 stop, wait `Retry-After`, then back off
 * exponentially; never retry in a tight loop; blocks grow with repeated violations).
 */
export interface RetryPolicy {
  /** Retries after a transient failure ({@link isTransient}); only for safe calls (GETs, challenge, retrieve, query). */
  readonly maxTransientRetries: number;
  /** Retries after HTTP 429, for every call (a 429 means KSeF did not process the request). */
  readonly maxRateLimitRetries: number;
  /** A `Retry-After` longer than this is not waited out: the call fails 'rate-limited' at once. */
  readonly maxRetryAfterSeconds: number;
  /** First backoff delay; doubles on each retry. */
  readonly baseDelayMs: number;
  /** Upper bound of one backoff delay. */
  readonly maxDelayMs: number;
}

/** Defaults: a few quick retries, and at most a minute's wait for a rate limit. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTransientRetries: 3,
  maxRateLimitRetries: 2,
  maxRetryAfterSeconds: 60,
  baseDelayMs: 1_000,
  maxDelayMs: 16_000,
};

/** Exponential backoff before retry number `attempt` (0-based): base, 2x base, 4x base ... capped. */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
}

/**
 * Reads `Retry-After` in whole seconds: KSeF sends delta-seconds (`RetryAfter`, int32); an HTTP-date
 * (RFC 9110 §10.2.3) is also read, against `now`. `undefined` when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at) || !/[A-Za-z]/.test(value)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * Failures that may pass if the same request is sent again: no answer at all ('network', 'timeout'),
 * the relay could not reach KSeF or KSeF did not answer it in time ('upstream-unreachable',
 * 'upstream-timeout'), and any 5xx. The transport repeats them only for idempotent calls: a
 * timed-out POST may have been acted on, and repeating it could act twice.
 */
const TRANSIENT_CODES: ReadonlySet<KsefErrorCode> = new Set([
  'network',
  'offline',
  'timeout',
  'upstream-unreachable',
  'upstream-timeout',
  'server-error',
]);

/** True for a failure worth repeating (see {@link TRANSIENT_CODES}); a 5xx counts whatever its code. */
export function isTransient(error: KsefError): boolean {
  return TRANSIENT_CODES.has(error.code) || (error.status !== undefined && error.status >= 500 && error.status <= 599);
}
