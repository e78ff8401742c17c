import { toBase64 } from '../../../src/lib/bytes.ts';
import { DAY, MINUTE, later } from '../core/clock.ts';
import type { SandboxContext } from '../core/context.ts';
import { unauthorized } from '../core/errors.ts';
import type { AuthOperation, TokenKind, TokenRecord } from '../core/state.ts';

/** Lifetimes observed on TEST (docs/ksef-contract.md §4.11): authentication 45 min, access 15 min, refresh 7 days. */
export const TOKEN_LIFETIMES: Readonly<Record<TokenKind, number>> = {
  authentication: 45 * MINUTE,
  access: 15 * MINUTE,
  refresh: 7 * DAY,
};

const TOKEN_TYPES: Readonly<Record<TokenKind, string>> = {
  authentication: 'AuthenticationToken',
  access: 'ContextToken',
  refresh: 'RefreshToken',
};

/**
 * Issues a bearer token for an operation: JWT-shaped (so clients that peek at `exp` keep working) but
 * opaque to the sandbox, which looks tokens up by their full text; the "signature" part is 32 random
 * bytes, so tokens cannot be guessed or forged. Secret: never logged, never put in a URL.
 */
export function issueToken(
  context: SandboxContext,
  kind: TokenKind,
  operation: AuthOperation,
): { token: string; validUntil: Date } {
  const now = context.clock.now();
  const validUntil = later(now, TOKEN_LIFETIMES[kind]);
  const claims = {
    typ: TOKEN_TYPES[kind],
    arn: operation.referenceNumber,
    cit: operation.contextIdentifier.type,
    civ: operation.contextIdentifier.value,
    iat: Math.floor(now.getTime() / 1000),
    exp: Math.floor(validUntil.getTime() / 1000),
    iss: 'ksef-cert-sandbox',
    aud: 'ksef-cert-sandbox',
  };
  const token = [
    base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })),
    base64Url(JSON.stringify(claims)),
    base64Url(context.random.bytes(32)),
  ].join('.');
  // The map keeps tokens 7 days at most (DEFAULT_RETENTION); `authenticate` refuses them past validUntil.
  context.world.state.tokens.set(token, { kind, referenceNumber: operation.referenceNumber, validUntil });
  return { token, validUntil };
}

/**
 * The operation behind the request's bearer token, which must be one of `kinds` and unexpired; the
 * operation must still exist.
 *
 * @throws SandboxError 401 (always Problem Details) otherwise.
 */
export function authenticate(
  request: Request,
  context: SandboxContext,
  kinds: readonly TokenKind[],
): { operation: AuthOperation; record: TokenRecord } {
  const header = request.headers.get('Authorization');
  const match = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  if (token === undefined) throw unauthorized('Wymagane jest uwierzytelnienie.');
  const record = context.world.state.tokens.get(token);
  if (record === undefined || !kinds.includes(record.kind)) throw unauthorized('Nieprawidłowy token.');
  if (context.clock.now().getTime() >= record.validUntil.getTime()) throw unauthorized('Token wygasł.');
  const operation = context.world.state.operations.get(record.referenceNumber);
  if (operation === undefined) throw unauthorized('Nieprawidłowy token.');
  if (record.kind === 'refresh' && operation.revoked) throw unauthorized('Sesja została zamknięta.');
  return { operation, record };
}

/** Drops every token of an operation of the given kind (the refresh token of a closed session). */
export function revokeTokens(context: SandboxContext, referenceNumber: string, kind: TokenKind): void {
  const { tokens } = context.world.state;
  for (const [key, record] of tokens)
    if (record.referenceNumber === referenceNumber && record.kind === kind) tokens.delete(key);
}

function base64Url(data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
