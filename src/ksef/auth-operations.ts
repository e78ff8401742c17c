import { z } from '../lib/zod-mini';
import {
  authenticationChallengeResponseSchema,
  authenticationInitResponseSchema,
  authenticationOperationStatusResponseSchema,
  authenticationTokensResponseSchema,
  type AuthenticationChallengeResponse,
  type AuthenticationInitResponse,
  type AuthenticationOperationStatusResponse,
  type AuthenticationTokenRefreshResponse,
  type AuthenticationTokensResponse,
} from './auth-schemas';
import type { CallOptions } from './call-options';
import { referenceNumberSchema } from './common-schemas';
import { checkInput, pathParameter } from './request-input';
import { refreshAccessToken } from './token-refresh';
import type { KsefTokenStore } from './token-store';
import type { KsefTransport } from './transport-types';

/** Options of POST /auth/xades-signature (docs/ksef-contract.md §4.5). */
export interface XadesSignatureOptions extends CallOptions {
  /**
   * Sent as `?verifyCertificateChain=true|false` when given. `true` makes TEST check the chain and
   * revocation like production; leave it unset or `false` for a self-signed TEST identity.
   */
  readonly verifyCertificateChain?: boolean;
  /** Sends `X-KSeF-Feature: enforce-xades-compliance` (strict XAdES checks; default on every environment since 16.03.2026). */
  readonly enforceXadesCompliance?: boolean;
}

/** The sign-in calls (docs/ksef-contract.md §4). Tokens are passed in and returned, never kept here. */
export interface AuthOperations {
  /** POST /auth/challenge: a challenge valid for 10 minutes. No token. Retried after network errors/5xx. */
  requestChallenge(options?: CallOptions): Promise<AuthenticationChallengeResponse>;
  /**
   * POST /auth/xades-signature: starts a sign-in with the signed `AuthTokenRequest`. The XML is sent
   * verbatim as `application/xml` (re-serialising would break the signature). Never retried after a
   * network error or 5xx: KSeF may have accepted it.
   */
  submitXadesSignature(signedXml: string, options?: XadesSignatureOptions): Promise<AuthenticationInitResponse>;
  /** GET /auth/{referenceNumber} with the authenticationToken: the sign-in's status (see `pollAuthStatus`). */
  getAuthStatus(
    referenceNumber: string,
    authenticationToken: string,
    options?: CallOptions,
  ): Promise<AuthenticationOperationStatusResponse>;
  /** POST /auth/token/redeem with the authenticationToken: access and refresh tokens, once only (21301 after). */
  redeemTokens(authenticationToken: string, options?: CallOptions): Promise<AuthenticationTokensResponse>;
  /** POST /auth/token/refresh with the refreshToken; 400/401 fail as 'unauthorized'. The client also does this on its own after a 401. */
  refreshAccessToken(refreshToken: string, options?: CallOptions): Promise<AuthenticationTokenRefreshResponse>;
  /**
   * DELETE /auth/sessions/current: signs out (invalidates the refresh token; issued access tokens live
   * until they expire). Sent with the refreshToken, which KSeF accepts here and which outlives the
   * access token, so signing out needs no refresh first.
   */
  endCurrentSession(session: KsefTokenStore, options?: CallOptions): Promise<void>;
}

const signedXmlSchema = z.string().check(z.minLength(1));

/** The sign-in calls over `transport`. */
export function authOperations(transport: KsefTransport): AuthOperations {
  return {
    requestChallenge: async (options = {}) =>
      transport.json(
        { method: 'POST', path: '/auth/challenge', auth: { kind: 'none' }, idempotent: true, signal: options.signal },
        authenticationChallengeResponseSchema,
      ),

    submitXadesSignature: async (signedXml, options = {}) =>
      transport.json(
        {
          method: 'POST',
          path: '/auth/xades-signature',
          query: { verifyCertificateChain: options.verifyCertificateChain },
          headers: options.enforceXadesCompliance === true ? { 'X-KSeF-Feature': 'enforce-xades-compliance' } : {},
          auth: { kind: 'none' },
          body: { contentType: 'application/xml', text: checkInput(signedXmlSchema, signedXml, 'signedXml') },
          idempotent: false,
          signal: options.signal,
        },
        authenticationInitResponseSchema,
      ),

    getAuthStatus: async (referenceNumber, authenticationToken, options = {}) =>
      transport.json(
        {
          method: 'GET',
          path: `/auth/${pathParameter(referenceNumberSchema, referenceNumber, 'referenceNumber')}`,
          auth: { kind: 'token', token: authenticationToken },
          idempotent: true,
          signal: options.signal,
        },
        authenticationOperationStatusResponseSchema,
      ),

    redeemTokens: async (authenticationToken, options = {}) =>
      transport.json(
        {
          method: 'POST',
          path: '/auth/token/redeem',
          auth: { kind: 'token', token: authenticationToken },
          idempotent: false,
          signal: options.signal,
        },
        authenticationTokensResponseSchema,
      ),

    refreshAccessToken: async (refreshToken, options = {}) =>
      refreshAccessToken(transport, refreshToken, options.signal),

    endCurrentSession: async (session, options = {}) =>
      transport.empty({
        method: 'DELETE',
        path: '/auth/sessions/current',
        auth: { kind: 'token', token: session.refreshToken.token },
        idempotent: false,
        signal: options.signal,
      }),
  };
}
