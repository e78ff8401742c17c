import { z } from 'zod';

/**
 * The relay's deadline for one upstream exchange, body included. Below the app's own 30 s per
 * exchange (`DEFAULT_REQUEST_TIMEOUT_MS` in `src/ksef/transport.ts`) on purpose: when KSeF is slow the
 * relay gives up first and the browser gets its specific `504 {"error":"upstream-timeout"}` ("KSeF did
 * not answer") instead of its own blind timeout, which cannot tell a slow KSeF from a dead relay. The
 * 5 s margin covers the relay's own work and the answer's way back.
 */
export const DEFAULT_RELAY_TIMEOUT_MS = 25_000;

/** From 1 s (shorter is a misconfiguration, not a deadline) to 120 s. */
const relayTimeoutEnvSchema = z.object({
  KSEF_RELAY_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(1_000, 'must be at least 1000 (1 s)')
    .max(120_000, 'must be at most 120000 (2 min)')
    .optional(),
});

/**
 * Reads `KSEF_RELAY_TIMEOUT_MS`; unset or empty gives {@link DEFAULT_RELAY_TIMEOUT_MS}.
 * @throws Error naming the variable when it is not a whole number from 1000 to 120000.
 */
export function readRelayTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.KSEF_RELAY_TIMEOUT_MS;
  const parsed = relayTimeoutEnvSchema.safeParse({ KSEF_RELAY_TIMEOUT_MS: value === '' ? undefined : value });
  if (!parsed.success) {
    throw new Error(
      `Invalid relay environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data.KSEF_RELAY_TIMEOUT_MS ?? DEFAULT_RELAY_TIMEOUT_MS;
}
