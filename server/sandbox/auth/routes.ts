import { readBoundedBody } from '../../relay/body.ts';
import { decideAuthOutcome } from './outcome.ts';
import { readAuthTokenRequest } from './request-xml.ts';
import { DAY, MINUTE, ksefDateTime, later } from '../core/clock.ts';
import type { SandboxContext } from '../core/context.ts';
import { SandboxError, badRequest, forbidden, gone, invalidInput } from '../core/errors.ts';
import { mediaType, parseWith } from '../core/http.ts';
import { ksefIdentifier } from '../core/random.ts';
import { jsonResponse } from '../core/responses.ts';
import { referenceNumberSchema } from '../core/schemas.ts';
import { inspectSigner } from './signer.ts';
import type { AuthOperation, ChallengeRecord } from '../core/state.ts';
import { type StatusInfo, authStatus } from '../core/status-info.ts';
import { authenticate, issueToken, revokeTokens } from './tokens.ts';
import { verifyXadesSignature } from './xades-verify.ts';
import { parseRequestXml } from './xml-dom.ts';
import { XML_LIMITS } from './xml-limits.ts';

/** A challenge lives 10 minutes (docs/ksef-contract.md §4.2); auth status is kept 7 days (§4.6). */
const CHALLENGE_LIFETIME = 10 * MINUTE;
const AUTH_STATUS_RETENTION = 7 * DAY;

/** `POST /auth/challenge` → `AuthenticationChallengeResponse`. */
export function postChallenge(request: Request, context: SandboxContext): Response {
  const now = context.clock.now();
  const challenge = ksefIdentifier('CR', now, context.random);
  // Kept 10 minutes, the oldest dropped past the cap (DEFAULT_RETENTION), without walking the rest.
  context.world.state.challenges.set(challenge, { issuedAt: now, used: false });
  const older = context.world.settings.answerShape === 'january-2026';
  return jsonResponse(200, {
    challenge,
    timestamp: ksefDateTime(now),
    timestampMs: now.getTime(),
    ...(older ? {} : { clientIp: context.clientIp(request) }),
  });
}

/**
 * `POST /auth/xades-signature` → 202 `AuthenticationInitResponse`. Checks in KSeF's order of
 * concerns: media type (415), query (21405), encoding (21217), well-formed and DTD-free XML (21001),
 * the XSD (21401), exactly one valid XAdES signature (9102/9103/9105), the challenge: issued here,
 * unused and under 10 minutes old (21111), the signer certificate (21115), the context (21117: PeppolId
 * needs a Peppol provider, of which the sandbox has none). What KSeF decides later (certificate
 * status, permissions) becomes the final status of the operation (see `decideAuthOutcome`).
 * A challenge is used up only by an accepted request.
 */
export async function postXadesSignature(request: Request, context: SandboxContext): Promise<Response> {
  if (mediaType(request) !== 'application/xml') throw new SandboxError({ kind: 'unsupported-media-type' });
  const verifyCertificateChain = readVerifyCertificateChain(new URL(request.url).searchParams);
  // Over the cap is refused from Content-Length before reading, or as soon as the stream passes it.
  const body = await readBoundedBody(request, XML_LIMITS.maxBytes);
  if (body.kind === 'too-large') throw invalidInput(`Dokument przekracza ${XML_LIMITS.maxBytes} bajtów.`);
  const text = decodeUtf8(body.bytes);
  const document = parseRequestXml(text);
  const authRequest = readAuthTokenRequest(document);
  const { signerCertificate } = await verifyXadesSignature(document, context.crypto);

  // Checked here for KSeF's order of refusals, and again below where it is used up.
  liveChallenge(context, authRequest.challenge);

  const signer = await inspectSigner(
    signerCertificate,
    authRequest.subjectIdentifierType,
    await context.ca(),
    context.clock.now(),
    context.crypto,
  );
  if (authRequest.contextIdentifier.type === 'PeppolId') {
    throw badRequest(21117, 'Kontekst PeppolId jest dostępny wyłącznie dla dostawców usług Peppol.');
  }
  // From here to the end nothing awaits: two requests with one challenge cannot both pass the check
  // before either marks it used.
  const now = context.clock.now();
  const challenge = liveChallenge(context, authRequest.challenge);
  const { state, settings } = context.world;
  const issued = signer.origin === 'sandbox-ca' ? state.certificates.get(signer.serialHex) : undefined;
  const outcome = decideAuthOutcome({
    signer,
    contextIdentifier: authRequest.contextIdentifier,
    verifyCertificateChain,
    issued,
    forced: settings.nextAuthStatus,
    now,
  });
  settings.nextAuthStatus = null;
  challenge.used = true;
  if (issued !== undefined && outcome.code === 200) issued.lastUseDate = now;

  const operation: AuthOperation = {
    referenceNumber: ksefIdentifier('AU', now, context.random),
    startDate: now,
    identity: signer.identity,
    contextIdentifier: authRequest.contextIdentifier,
    method: signer.method,
    methodInfo: signer.methodInfo,
    outcome,
    readyAt: later(now, settings.timing.authDelayMs),
    pendingPolls: settings.timing.authPendingPolls,
    polls: 0,
    redeemed: false,
    revoked: false,
    lastTokenRefreshDate: null,
    refreshTokenValidUntil: null,
    signerSerial: issued?.serialNumber ?? null,
    allowedIps: authRequest.allowedIps,
  };
  state.operations.set(operation.referenceNumber, operation);
  const token = issueToken(context, 'authentication', operation);
  return jsonResponse(202, {
    referenceNumber: operation.referenceNumber,
    authenticationToken: { token: token.token, validUntil: ksefDateTime(token.validUntil) },
  });
}

/**
 * The challenge record, issued here, unused and under 10 minutes old at the sandbox's now.
 *
 * @throws SandboxError 400 21111 otherwise.
 */
function liveChallenge(context: SandboxContext, value: string): ChallengeRecord {
  const challenge = context.world.state.challenges.get(value);
  if (challenge === undefined) throw badRequest(21111, 'Wyzwanie nie zostało wydane przez system.');
  if (challenge.used) throw badRequest(21111, 'Wyzwanie zostało już wykorzystane.');
  if (context.clock.now().getTime() - challenge.issuedAt.getTime() > CHALLENGE_LIFETIME)
    throw badRequest(21111, 'Wyzwanie wygasło.');
  return challenge;
}

/** `GET /auth/{referenceNumber}` with the authentication token → `AuthenticationOperationStatusResponse`. */
export function getAuthStatus(request: Request, context: SandboxContext, referenceNumber: string): Response {
  parseWith(referenceNumberSchema, referenceNumber);
  const { operation } = authenticate(request, context, ['authentication']);
  const target = context.world.state.operations.get(referenceNumber);
  if (target === undefined) throw notFound(referenceNumber);
  if (target !== operation)
    throw forbidden('insufficient-resource-access', 'Token nie uprawnia do odczytu tej operacji uwierzytelniania.');
  const now = context.clock.now();
  if (now.getTime() - operation.startDate.getTime() > AUTH_STATUS_RETENTION) throw gone();
  operation.polls++;
  const older = context.world.settings.answerShape === 'january-2026';
  return jsonResponse(200, {
    startDate: ksefDateTime(operation.startDate),
    authenticationMethod: operation.method,
    ...(older ? {} : { authenticationMethodInfo: operation.methodInfo }),
    status: currentStatus(operation, now),
    isTokenRedeemed: operation.redeemed,
    lastTokenRefreshDate: operation.lastTokenRefreshDate === null ? null : ksefDateTime(operation.lastTokenRefreshDate),
    refreshTokenValidUntil:
      operation.refreshTokenValidUntil === null ? null : ksefDateTime(operation.refreshTokenValidUntil),
  });
}

/** `POST /auth/token/redeem` → `AuthenticationTokensResponse`, once per operation (docs/ksef-contract.md §4.7). */
export function postRedeem(request: Request, context: SandboxContext): Response {
  const { operation } = authenticate(request, context, ['authentication']);
  if (operation.redeemed)
    throw badRequest(21301, `Tokeny dla operacji uwierzytelniania ${operation.referenceNumber} zostały już pobrane.`);
  const status = currentStatus(operation, context.clock.now());
  if (status.code !== 200)
    throw badRequest(21301, `Status uwierzytelniania (${status.code}) nie pozwala na pobranie tokenów.`);
  operation.redeemed = true;
  const access = issueToken(context, 'access', operation);
  const refresh = issueToken(context, 'refresh', operation);
  operation.refreshTokenValidUntil = refresh.validUntil;
  return jsonResponse(200, {
    accessToken: { token: access.token, validUntil: ksefDateTime(access.validUntil) },
    refreshToken: { token: refresh.token, validUntil: ksefDateTime(refresh.validUntil) },
  });
}

/** `POST /auth/token/refresh` with the refresh token → `AuthenticationTokenRefreshResponse`. */
export function postRefresh(request: Request, context: SandboxContext): Response {
  const { operation } = authenticate(request, context, ['refresh']);
  const access = issueToken(context, 'access', operation);
  operation.lastTokenRefreshDate = context.clock.now();
  return jsonResponse(200, { accessToken: { token: access.token, validUntil: ksefDateTime(access.validUntil) } });
}

/**
 * `DELETE /auth/sessions/current` with the access or refresh token → 204. The refresh token stops
 * working; access tokens already issued live until they expire (docs/ksef-contract.md §4.9).
 */
export function deleteCurrentSession(request: Request, context: SandboxContext): Response {
  const { operation } = authenticate(request, context, ['access', 'refresh']);
  operation.revoked = true;
  revokeTokens(context, operation.referenceNumber, 'refresh');
  return new Response(null, { status: 204 });
}

/**
 * What the operation shows at `now`: 425 once the session was closed, 100 until the delay passed and
 * the status was polled `pendingPolls` times, then the outcome.
 */
export function currentStatus(operation: AuthOperation, now: Date): StatusInfo {
  if (operation.revoked) return authStatus(425);
  if (operation.polls <= operation.pendingPolls || now.getTime() < operation.readyAt.getTime()) return authStatus(100);
  return operation.outcome;
}

/** `verifyCertificateChain`: absent, `true` or `false` (any case, as ASP.NET binds booleans). */
function readVerifyCertificateChain(query: URLSearchParams): boolean {
  const values = query.getAll('verifyCertificateChain');
  if (values.length === 0) return false;
  const value = values.length === 1 ? values[0]?.toLowerCase() : undefined;
  if (value !== 'true' && value !== 'false') throw invalidInput("verifyCertificateChain: 'true' albo 'false'.");
  return value === 'true';
}

/**
 * The body as UTF-8, which KSeF requires (21217 otherwise); an XML declaration naming another
 * encoding is refused too, since the bytes would then mean something else to an XML parser.
 */
function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    if (cause instanceof TypeError) throw badRequest(21217, 'Dokument nie jest poprawnie zakodowany w UTF-8.');
    throw cause;
  }
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared))
    throw badRequest(21217, `Zadeklarowane kodowanie ${declared}; wymagane UTF-8.`);
  return text;
}

function notFound(referenceNumber: string): SandboxError {
  return badRequest(
    21304,
    `Operacja uwierzytelniania o numerze referencyjnym ${referenceNumber} nie została znaleziona.`,
  );
}
