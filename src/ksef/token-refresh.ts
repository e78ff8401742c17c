import { authenticationTokenRefreshResponseSchema, type AuthenticationTokenRefreshResponse } from './auth-schemas';
import { isKsefError, KsefError } from './errors';
import type { KsefTransport } from './transport-types';

/**
 * POST /auth/token/refresh with the refresh token as bearer (docs/ksef-contract.md §4.8). Not retried after network
 * errors or 5xx (only after 429).
 *
 * A refresh token KSeF will not honour (HTTP 401, or HTTP 400 such as 21301 "status does not allow",
 * 21304, 21308) means the session is over, so those fail as 'unauthorized' (sign in again), keeping
 * KSeF's exceptions; other failures keep their own code.
 */
export async function refreshAccessToken(
  transport: KsefTransport,
  refreshToken: string,
  signal?: AbortSignal,
): Promise<AuthenticationTokenRefreshResponse> {
  try {
    return await transport.json(
      {
        method: 'POST',
        path: '/auth/token/refresh',
        auth: { kind: 'token', token: refreshToken },
        idempotent: false,
        signal,
      },
      authenticationTokenRefreshResponseSchema,
    );
  } catch (error) {
    if (isKsefError(error) && (error.status === 400 || error.status === 401)) {
      throw new KsefError('unauthorized', 'KSeF did not refresh the access token; sign in again', {
        status: error.status,
        exceptions: error.exceptions,
        traceId: error.traceId,
        referenceNumber: error.referenceNumber,
        cause: error,
      });
    }
    throw error;
  }
}
