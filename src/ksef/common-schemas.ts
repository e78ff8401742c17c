import { z } from '../lib/zod-mini';
import { ksefCertificateTypeSchema, type KsefCertificateType } from './certificate-enums';
import { isKsefDateTime } from './date-time';

/*
 * Schemas shared by the auth and certificate responses, each named after its `open-api.json` component
 * (or the OpenAPI format it checks). Objects are not `.strict()`: clients must ignore unknown properties
 * (changelog 2.1.2), and zod drops them from the parsed value.
 *
 * Answers are checked strictly only in what the app reads. A field it does not read is wrapped in
 * `unread`: KSeF environments are updated on different dates, and real TEST answers have lacked fields
 * today's spec calls required (docs/ksef-contract.md §14a), so such a field missing, null or odd is
 * never an error. The request schemas (what we send) stay exactly the spec.
 */

/**
 * A response field the app does not read: parsed when it is as the spec says, otherwise (missing, null,
 * another type) read as `undefined`, never an error. Its value is never logged either way.
 */
export function unread<T extends z.core.SomeType>(schema: T): z.ZodMiniCatch<z.ZodMiniOptional<T>> {
  return z.catch(z.optional(schema), undefined);
}

/** OpenAPI `format: date-time` as KSeF sends it; stays a string, read it with `parseKsefDateTime`. */
export const dateTimeSchema = z
  .string()
  .check(z.refine(isKsefDateTime, { message: 'Expected an ISO 8601 date-time with an offset' }));

/** OpenAPI `format: int32`. */
export const int32Schema = z.int32();

/** OpenAPI `format: int64`, limited to what a JS number holds exactly. */
export const int64Schema = z.int();

// Same expression ajv-formats uses for `format: byte`: canonical padded base64, no whitespace.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** OpenAPI `format: byte`: standard base64 with padding. */
export const byteSchema = z.string().check(z.regex(BASE64, { message: 'Expected standard base64' }));

/** `ReferenceNumber`: 36 characters, e.g. `20250514-AU-2DFC46C000-3AC6D5877F-D4`. */
export const referenceNumberSchema = z.string().check(z.length(36));
export type ReferenceNumber = z.infer<typeof referenceNumberSchema>;

/** `Challenge`: 36 characters. */
export const challengeSchema = z.string().check(z.length(36));
export type Challenge = z.infer<typeof challengeSchema>;

/** A certificate serial number: 16 uppercase hex digits (pattern documented since 2.5.0). */
export const certificateSerialNumberSchema = z
  .string()
  .check(z.length(16), z.regex(/^[0-9A-F]{16}$/, { message: 'Expected 16 uppercase hex digits' }));
export type CertificateSerialNumber = z.infer<typeof certificateSerialNumberSchema>;

/** `TokenInfo`: a JWT and its expiry. The token is a secret: keep it in memory, never log it. */
export const tokenInfoSchema = z.object({
  token: z.string(),
  // Unread: the app refreshes after a 401 instead of by the clock.
  validUntil: unread(dateTimeSchema),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

/** `StatusInfo`: the status of an asynchronous operation (authentication, enrollment). */
export const statusInfoSchema = z.object({
  code: int32Schema,
  description: z.string().check(z.minLength(1)),
  details: z.nullish(z.array(z.string())),
});
export type StatusInfo = z.infer<typeof statusInfoSchema>;

export { ksefCertificateTypeSchema, type KsefCertificateType };
