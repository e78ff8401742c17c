import type { AuthOperations } from './auth-operations';
import type { AuthenticationMethodInfo, AuthenticationOperationStatusResponse } from './auth-schemas';
import type { CallOptions } from './call-options';
import type { StatusInfo } from './common-schemas';
import { isKsefError, KsefError } from './errors';
import { pollAuthStatus, type PollOptions } from './polling';
import { createTokenStore, type KsefTokenStore } from './token-store';

/** Where `completeSignIn` is, for a progress display. */
export type SignInProgress =
  /** POST /auth/xades-signature is on its way. */
  | { readonly stage: 'submitting' }
  /** KSeF answered GET /auth/{referenceNumber} for the `attempt`-th time (from 1) with `status`. */
  | { readonly stage: 'verifying'; readonly attempt: number; readonly status: StatusInfo }
  /** Authentication succeeded; POST /auth/token/redeem is on its way. */
  | { readonly stage: 'redeeming' };

/** A signed-in KSeF session. Secret: held in memory only, never stored, logged or put in a URL. */
export interface SignedInSession {
  /** The access and refresh tokens; the client writes a refreshed access token into it. */
  readonly tokens: KsefTokenStore;
  /** The authentication operation's reference number (KSeF support asks for it). */
  readonly referenceNumber: string;
  /**
   * How KSeF saw the sign-in, e.g. `{ category: 'XadesSignature', code: 'xades.qualified-seal', ... }`;
   * `undefined` when KSeF did not say (real TEST answers of January 2026, docs/ksef-contract.md §14a).
   */
  readonly authenticationMethodInfo: AuthenticationMethodInfo | undefined;
}

/** Options of `completeSignIn`. */
export interface CompleteSignInOptions extends CallOptions {
  /** Sent as `?verifyCertificateChain=`; leave unset (or `false`) for a self-signed TEST identity. */
  readonly verifyCertificateChain?: boolean;
  readonly onProgress?: (progress: SignInProgress) => void;
  /** Interval, timeout and seams of the status polling (defaults: `AUTH_POLL_DEFAULTS`, real timers). */
  readonly pollOptions?: Omit<PollOptions<AuthenticationOperationStatusResponse>, 'signal' | 'onProgress'>;
}

/** The calls `completeSignIn` makes. */
export type SignInClient = Pick<AuthOperations, 'submitXadesSignature' | 'getAuthStatus' | 'redeemTokens'>;

/**
 * Finishes a sign-in with a signed `AuthTokenRequest` (docs/ksef-contract.md §4.1 steps 3-5): submits it, polls
 * GET /auth/{referenceNumber} until status 200, redeems the tokens once, and returns them in a new
 * memory-only token store.
 *
 * `signedXml` is sent unchanged: a string as its UTF-8 encoding; bytes (a file the user signed) are
 * decoded as strict UTF-8 keeping any byte order mark, which the UTF-8 encoding of the request body
 * turns back into exactly the same bytes (re-serialising would break the signature's digests).
 *
 * @throws KsefError 'invalid-request' (nothing sent) for bytes that are not UTF-8, which KSeF refuses
 *   anyway (21217); from the submission: 'challenge-invalid', 'signature-invalid', 'certificate-invalid',
 *   'subject-identifier-invalid', 'xml-invalid', 'input-validation', ...; from the polling, the final
 *   status as its code ('auth-no-permissions' 415, 'auth-revoked' 425, 'auth-bad-token' 450,
 *   'auth-certificate-error' 460, 'auth-deceased-person' 470, 'auth-blocked' 480,
 *   'auth-unknown-error' 500, 'auth-cancelled' 550), 'timeout', 'aborted'; from the redemption,
 *   'tokens-already-redeemed' (21301) and the rest; transport errors ('network', 'rate-limited', ...).
 */
export async function completeSignIn(
  client: SignInClient,
  signedXml: string | Uint8Array,
  options: CompleteSignInOptions = {},
): Promise<SignedInSession> {
  const { signal, onProgress } = options;
  const xml = typeof signedXml === 'string' ? signedXml : decodeUtf8Exactly(signedXml);
  onProgress?.({ stage: 'submitting' });
  const init = await client.submitXadesSignature(xml, {
    verifyCertificateChain: options.verifyCertificateChain,
    signal,
  });
  const { referenceNumber } = init;
  const authenticationToken = init.authenticationToken.token;
  let attempt = 0;
  const done = await pollAuthStatus(client, referenceNumber, authenticationToken, {
    ...options.pollOptions,
    signal,
    onProgress: (response) => onProgress?.({ stage: 'verifying', attempt: ++attempt, status: response.status }),
  });
  onProgress?.({ stage: 'redeeming' });
  const tokens = await client.redeemTokens(authenticationToken, { signal });
  return { tokens: createTokenStore(tokens), referenceNumber, authenticationMethodInfo: done.authenticationMethodInfo };
}

/** What `signOut` found. */
export type SignOutResult =
  /** KSeF ended the session: its refresh token no longer works. */
  | 'signed-out'
  /** KSeF no longer knew the session (its refresh token had expired or was revoked): nothing to end. */
  | 'already-ended';

/**
 * Signs out: DELETE /auth/sessions/current with the session's refresh token (docs/ksef-contract.md §4.9). Access
 * tokens already issued stay valid until they expire (15 minutes), so drop `session` from memory too.
 *
 * Swallows exactly one failure: KsefError 'unauthorized' (HTTP 401), which means the refresh token is
 * expired or revoked, i.e. the session has already ended; that is `'already-ended'`.
 *
 * @throws KsefError with any other code ('network', 'rate-limited', 'server-error', 'aborted', ...):
 *   the session may still be alive, so the caller can offer to try again.
 */
export async function signOut(
  client: Pick<AuthOperations, 'endCurrentSession'>,
  session: Pick<SignedInSession, 'tokens'>,
  options: CallOptions = {},
): Promise<SignOutResult> {
  try {
    await client.endCurrentSession(session.tokens, options);
    return 'signed-out';
  } catch (error) {
    if (isKsefError(error, 'unauthorized')) return 'already-ended';
    throw error;
  }
}

function decodeUtf8Exactly(bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a byte order mark in the text, so encoding the text gives back the same bytes.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    if (!(cause instanceof TypeError)) throw cause;
    throw new KsefError('invalid-request', 'The signed XML is not UTF-8; KSeF accepts UTF-8 only', { cause });
  }
}
