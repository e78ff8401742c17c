import { HOUR, MINUTE, SECOND } from './clock.ts';
import type { KsefOperation } from '../../ksef-operations.ts';

interface Limit {
  readonly perSecond?: number;
  readonly perMinute?: number;
  readonly perHour?: number;
}

const AUTH: Limit = { perSecond: 60 };
const OTHER: Limit = { perSecond: 10, perMinute: 30, perHour: 120 };

/** `x-rate-limits` of `open-api.json` for the operations we serve (docs/ksef-contract.md §10). */
export const RATE_LIMITS: Readonly<Record<KsefOperation, Limit>> = {
  'POST /auth/challenge': AUTH,
  'POST /auth/xades-signature': AUTH,
  'GET /auth/{referenceNumber}': AUTH,
  'POST /auth/token/redeem': AUTH,
  'POST /auth/token/refresh': AUTH,
  'DELETE /auth/sessions/current': OTHER,
  'GET /certificates/limits': OTHER,
  'GET /certificates/enrollments/data': OTHER,
  'POST /certificates/enrollments': OTHER,
  'GET /certificates/enrollments/{referenceNumber}': OTHER,
  'POST /certificates/retrieve': OTHER,
  'POST /certificates/query': OTHER,
  'POST /certificates/{certificateSerialNumber}/revoke': OTHER,
};

export interface RateLimiter {
  /** Counts the request, or returns the seconds to wait (`Retry-After`) when a window is full. */
  check(
    operation: KsefOperation,
    key: string,
    now: Date,
  ): { readonly retryAfterSeconds: number; readonly detail: string } | null;
  reset(): void;
}

/**
 * Sliding 1 s / 60 s / 60 min windows per operation and key (context and client IP), all enforced at
 * once; the first full window refuses (docs/ksef-contract.md §10). Refused requests are not counted, and the
 * block does not grow with repeated violations as KSeF's does.
 */
export function createRateLimiter(): RateLimiter {
  const seen = new Map<string, number[]>();
  return {
    check: (operation, key, now) => {
      const limit = RATE_LIMITS[operation];
      const at = now.getTime();
      const bucket = `${operation}|${key}`;
      const times = (seen.get(bucket) ?? []).filter((t) => t > at - HOUR);
      const windows: [number | undefined, number, string][] = [
        [limit.perSecond, SECOND, 'sekundę'],
        [limit.perMinute, MINUTE, 'minutę'],
        [limit.perHour, HOUR, 'godzinę'],
      ];
      for (const [max, size, unit] of windows) {
        if (max === undefined) continue;
        const inWindow = times.filter((t) => t > at - size);
        const oldest = inWindow[0];
        if (inWindow.length >= max && oldest !== undefined) {
          const retryAfterSeconds = Math.max(1, Math.ceil((oldest + size - at) / SECOND));
          seen.set(bucket, times);
          return {
            retryAfterSeconds,
            detail: `Przekroczono limit ${max} żądań na ${unit}. Spróbuj ponownie po ${retryAfterSeconds} sekundach.`,
          };
        }
      }
      times.push(at);
      seen.set(bucket, times);
      return null;
    },
    reset: () => seen.clear(),
  };
}
