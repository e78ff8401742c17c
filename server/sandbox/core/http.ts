import type { z } from 'zod';
import { readBoundedBody } from '../../relay/body.ts';
import { SandboxError, invalidInput } from './errors.ts';

/**
 * JSON bodies of this API are small by KSeF's own schemas: the largest, `EnrollCertificateRequest`,
 * is a name of at most 100 characters and a CSR, ~0.6 KB in base64 for EC P-256 and ~1.3 KB for
 * RSA-2048 (a 4096-bit key would be ~2 KB); `RetrieveCertificatesRequest` at most 10 serials of 16.
 * 16 KiB is eight times the largest; past it, 400 21405 before the body is read.
 */
export const MAX_JSON_BYTES = 16 * 1024;

/** The media type of a request (`application/json` from `application/json; charset=utf-8`), lowercased. */
export function mediaType(request: Request): string {
  return (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads and validates a JSON request body (STYLE: zod at every edge). An empty body is read as `{}`
 * when `optional` (the contract marks some bodies optional), otherwise refused.
 *
 * @throws SandboxError 415 when a body comes in another media type; 400 21405 for a missing, oversized
 *   or malformed body, or one the schema rejects (the details list every problem as `path: message`).
 */
export async function readJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
  options: { optional?: boolean } = {},
): Promise<T> {
  const read = await readBoundedBody(request, MAX_JSON_BYTES);
  if (read.kind === 'too-large') throw invalidInput(`Treść żądania przekracza ${MAX_JSON_BYTES} bajtów.`);
  const text = new TextDecoder().decode(read.bytes);
  if (text.trim() === '') {
    if (options.optional === true) return parseWith(schema, {});
    throw invalidInput('Brak treści żądania.');
  }
  if (mediaType(request) !== 'application/json') throw new SandboxError({ kind: 'unsupported-media-type' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    if (cause instanceof SyntaxError) throw invalidInput(`Treść żądania nie jest poprawnym JSON: ${cause.message}`);
    throw cause;
  }
  return parseWith(schema, value);
}

/** Validates `value` with `schema`, or 400 21405 listing every issue. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalidInput(
    ...parsed.error.issues.map(
      (issue) => `${issue.path.length === 0 ? '(body)' : issue.path.join('.')}: ${issue.message}`,
    ),
  );
}

/**
 * A KSeF date-time (`2025-07-11T12:23:56.0154302+00:00`) as a Date. Fractions past milliseconds are
 * cut first: `Date.parse` of more than three digits is implementation-defined (docs/ksef-contract.md §3.4).
 */
export function parseDateTime(text: string): Date {
  return new Date(text.replace(/(\.\d{3})\d+/, '$1'));
}
