import type { AuthenticationTokensResponse } from './auth-schemas';
import type { TokenInfo } from './common-schemas';

/**
 * The tokens of one signed-in session. Held in memory only, in the caller's object: never in storage,
 * URLs, logs or request bodies (they travel only in the `Authorization` header).
 *
 * Mutable on purpose: when a call meets HTTP 401, the client refreshes the access token with
 * `refreshToken` and writes the new one into `accessToken`, so every holder of the store sees it.
 */
export interface KsefTokenStore {
  accessToken: TokenInfo;
  refreshToken: TokenInfo;
}

/** A fresh store from the redeemed tokens (copies, so the response object is not shared). */
export function createTokenStore(tokens: AuthenticationTokensResponse): KsefTokenStore {
  return { accessToken: { ...tokens.accessToken }, refreshToken: { ...tokens.refreshToken } };
}
