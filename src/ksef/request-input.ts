import type { z } from 'zod/mini';
import { KsefError } from './errors';

/**
 * Checks a caller's value against the contract before anything is sent, so a mistake surfaces as
 * 'invalid-request' here rather than as a KSeF 21405 after a rate-limited round trip. Returns the parsed
 * value (unknown properties dropped, so nothing extra reaches KSeF).
 * @throws KsefError `invalid-request`.
 */
export function checkInput<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${[what, ...i.path].join('.')}: ${i.code}`).join('; ');
    throw new KsefError('invalid-request', `Not sent to KSeF: ${where}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** A checked path parameter, percent-encoded so it can never leave its path segment. */
export function pathParameter(schema: z.ZodMiniType<string>, value: unknown, what: string): string {
  return encodeURIComponent(checkInput(schema, value, what));
}
