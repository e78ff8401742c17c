import { z } from 'zod';

/**
 * How many relayed calls one client address may have in flight at once. KSeF counts its limits per
 * IP, and behind the relay every user shares the relay's IP (docs/ksef-contract.md §10): without a
 * bound, one client could spend everyone's quota or get the relay's IP blocked. The app itself has
 * at most two calls in flight per tab (an action and a status poll), so 8 leaves room for a few tabs
 * or colleagues behind one NAT address.
 */
export const DEFAULT_RELAY_MAX_CONCURRENT = 8;

/** Seconds a refused client is told to wait: a slot frees as soon as one of its calls ends. */
export const RELAY_BUSY_RETRY_AFTER_SECONDS = 1;

/** The key for requests whose client address the server could not tell (edge runtimes, tests). */
const UNKNOWN_CLIENT = 'unknown';

/** Counts in-flight calls per client address. */
export interface ClientSlots {
  /** Takes a slot for `client`; the function gives it back (once). `null` when `client` has none free. */
  take(client: string | undefined): (() => void) | null;
  /** Calls in flight for `client`, for tests and logs. */
  inFlight(client: string | undefined): number;
}

export function createClientSlots(max: number): ClientSlots {
  const counts = new Map<string, number>();
  return {
    take(client) {
      const key = client ?? UNKNOWN_CLIENT;
      const count = counts.get(key) ?? 0;
      if (count >= max) return null;
      counts.set(key, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (counts.get(key) ?? 1) - 1;
        // Entries of idle clients are removed, so the map grows only with clients in flight.
        if (left === 0) counts.delete(key);
        else counts.set(key, left);
      };
    },
    inFlight(client) {
      return counts.get(client ?? UNKNOWN_CLIENT) ?? 0;
    },
  };
}

const maxConcurrentEnvSchema = z.object({
  KSEF_RELAY_MAX_CONCURRENT: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .optional(),
});

/**
 * Reads `KSEF_RELAY_MAX_CONCURRENT`; unset or empty gives {@link DEFAULT_RELAY_MAX_CONCURRENT}.
 * @throws Error naming the variable when it is not a whole number from 1 to 1000.
 */
export function readRelayMaxConcurrent(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.KSEF_RELAY_MAX_CONCURRENT;
  const parsed = maxConcurrentEnvSchema.safeParse({ KSEF_RELAY_MAX_CONCURRENT: value === '' ? undefined : value });
  if (!parsed.success) {
    throw new Error(
      `Invalid relay environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data.KSEF_RELAY_MAX_CONCURRENT ?? DEFAULT_RELAY_MAX_CONCURRENT;
}
