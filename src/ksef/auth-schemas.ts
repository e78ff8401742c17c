import { z } from '../lib/zod-mini';
import {
  challengeSchema,
  dateTimeSchema,
  int64Schema,
  referenceNumberSchema,
  statusInfoSchema,
  tokenInfoSchema,
  unread,
} from './common-schemas';

/** `AuthenticationChallengeResponse` (POST /auth/challenge, docs/ksef-contract.md §4.2). */
export const authenticationChallengeResponseSchema = z.object({
  challenge: challengeSchema,
  // Unread: the app times the challenge's 10 minutes from its own clock.
  timestamp: unread(dateTimeSchema),
  // Unread, as `timestamp`; added in RC6.1.
  timestampMs: unread(int64Schema),
  // Unread (behind the relay it is the relay's address); missing in real TEST answers of January 2026 (§14a).
  clientIp: unread(z.string()),
});
export type AuthenticationChallengeResponse = z.infer<typeof authenticationChallengeResponseSchema>;

/** `AuthenticationInitResponse` (POST /auth/xades-signature, 202). */
export const authenticationInitResponseSchema = z.object({
  referenceNumber: referenceNumberSchema,
  authenticationToken: tokenInfoSchema,
});
export type AuthenticationInitResponse = z.infer<typeof authenticationInitResponseSchema>;

/** `AuthenticationMethod` (deprecated by KSeF in favour of `AuthenticationMethodInfo`). */
export const authenticationMethodSchema = z.enum([
  'Token',
  'TrustedProfile',
  'InternalCertificate',
  'QualifiedSignature',
  'QualifiedSeal',
  'PersonalSignature',
  'PeppolSignature',
]);
export type AuthenticationMethod = z.infer<typeof authenticationMethodSchema>;

/** `AuthenticationMethodCategory`. */
export const authenticationMethodCategorySchema = z.enum(['XadesSignature', 'NationalNode', 'Token', 'Other']);
export type AuthenticationMethodCategory = z.infer<typeof authenticationMethodCategorySchema>;

/** `AuthenticationMethodInfo`, e.g. `{ category: 'XadesSignature', code: 'xades.qualified-seal', ... }`. */
export const authenticationMethodInfoSchema = z.object({
  category: authenticationMethodCategorySchema,
  code: z.string(),
  displayName: z.string(),
});
export type AuthenticationMethodInfo = z.infer<typeof authenticationMethodInfoSchema>;

/** `AuthenticationOperationStatusResponse` (GET /auth/{referenceNumber}, docs/ksef-contract.md §4.6). */
export const authenticationOperationStatusResponseSchema = z.object({
  // Unread.
  startDate: unread(dateTimeSchema),
  // Unread; deprecated, with removal announced for 2026-11-16 (changelog 2.1.0).
  authenticationMethod: unread(authenticationMethodSchema),
  // Unread (kept on the session when sent); missing in real TEST answers of January 2026 (§14a).
  authenticationMethodInfo: unread(authenticationMethodInfoSchema),
  status: statusInfoSchema,
  // Unread, as are the two dates below.
  isTokenRedeemed: unread(z.nullable(z.boolean())),
  lastTokenRefreshDate: unread(z.nullable(dateTimeSchema)),
  refreshTokenValidUntil: unread(z.nullable(dateTimeSchema)),
});
export type AuthenticationOperationStatusResponse = z.infer<typeof authenticationOperationStatusResponseSchema>;

/** `AuthenticationTokensResponse` (POST /auth/token/redeem). Both tokens are secrets. */
export const authenticationTokensResponseSchema = z.object({
  accessToken: tokenInfoSchema,
  refreshToken: tokenInfoSchema,
});
export type AuthenticationTokensResponse = z.infer<typeof authenticationTokensResponseSchema>;

/** `AuthenticationTokenRefreshResponse` (POST /auth/token/refresh). */
export const authenticationTokenRefreshResponseSchema = z.object({
  accessToken: tokenInfoSchema,
});
export type AuthenticationTokenRefreshResponse = z.infer<typeof authenticationTokenRefreshResponseSchema>;
