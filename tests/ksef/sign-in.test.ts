import { afterEach, describe, expect, it } from 'vitest';
import { KsefError, type KsefErrorCode } from '../../src/ksef/errors';
import { completeSignIn, signOut, type SignInProgress } from '../../src/ksef/sign-in';
import { createHarness, honestyCheck, instantSleep } from '../support/ksef-harness';
import {
  AUTH_REFERENCE,
  AUTHENTICATION_TOKEN,
  authStatus,
  initResponse,
  REFRESH_TOKEN,
  SIGNED_XML,
  tokensResponse,
  unauthorizedProblem,
} from '../support/ksef-samples';

afterEach(honestyCheck);

async function failure(promise: Promise<unknown>): Promise<KsefError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof KsefError)) throw new Error(`expected a KsefError, got ${String(error)}`);
  return error;
}

const pollOptions = { sleep: instantSleep([]) };

describe('completeSignIn', () => {
  it('submits, polls to 200, redeems once and reports each stage', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/xades-signature').json(202, initResponse);
    double
      .on('get', '/auth/{referenceNumber}')
      .json(200, authStatus(100, 'Uwierzytelnianie w toku'))
      .json(200, authStatus(200, 'Uwierzytelnianie zakończone sukcesem'));
    double.on('post', '/auth/token/redeem').json(200, tokensResponse);
    const progress: SignInProgress[] = [];

    const session = await completeSignIn(client, SIGNED_XML, {
      onProgress: (p) => progress.push(p),
      pollOptions,
      verifyCertificateChain: false,
    });

    expect(session).toEqual({
      tokens: { accessToken: tokensResponse.accessToken, refreshToken: tokensResponse.refreshToken },
      referenceNumber: AUTH_REFERENCE,
      authenticationMethodInfo: authStatus(200, '').authenticationMethodInfo,
    });
    expect(session.tokens.accessToken).not.toBe(tokensResponse.accessToken);
    expect(
      progress.map((p) => (p.stage === 'verifying' ? `verifying ${p.attempt} ${p.status.code}` : p.stage)),
    ).toEqual(['submitting', 'verifying 1 100', 'verifying 2 200', 'redeeming']);
    expect(double.requests.map((r) => `${r.method} ${r.path}${r.url.search}`)).toEqual([
      'POST /auth/xades-signature?verifyCertificateChain=false',
      `GET /auth/${AUTH_REFERENCE}`,
      `GET /auth/${AUTH_REFERENCE}`,
      'POST /auth/token/redeem',
    ]);
    expect(double.callsTo('post', '/auth/token/redeem')[0]?.headers.get('Authorization')).toBe(
      `Bearer ${AUTHENTICATION_TOKEN}`,
    );
  });

  it('sends file bytes unchanged, byte order mark and Polish letters included', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/xades-signature').json(202, initResponse);
    double.on('get', '/auth/{referenceNumber}').json(200, authStatus(200, 'OK'));
    double.on('post', '/auth/token/redeem').json(200, tokensResponse);
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(SIGNED_XML.replace('</AuthTokenRequest>', '<!-- Zażółć -->\r\n</AuthTokenRequest>')),
    ]);

    await completeSignIn(client, bytes, { pollOptions });

    const sent = new TextEncoder().encode(double.requests[0]?.body);
    expect(sent).toEqual(bytes);
  });

  it('refuses bytes that are not UTF-8 without sending anything', async () => {
    const { double, client } = createHarness();
    const latin2 = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-2"?><a>'),
      0xbf,
      ...new TextEncoder().encode('</a>'),
    ]);
    const error = await failure(completeSignIn(client, latin2, { pollOptions }));
    expect(error.code).toBe('invalid-request');
    expect(double.requests).toEqual([]);
  });

  it.each<[number, KsefErrorCode]>([
    [415, 'auth-no-permissions'],
    [450, 'auth-bad-token'],
    [460, 'auth-certificate-error'],
    [550, 'auth-cancelled'],
  ])('turns final status %i into %s and never redeems', async (code, expected) => {
    const { double, client } = createHarness();
    double.on('post', '/auth/xades-signature').json(202, initResponse);
    double.on('get', '/auth/{referenceNumber}').json(200, authStatus(code, 'Błąd', ['Szczegół']));
    const error = await failure(completeSignIn(client, SIGNED_XML, { pollOptions }));
    expect(error.code).toBe(expected);
    expect(error.referenceNumber).toBe(AUTH_REFERENCE);
    expect(double.callsTo('post', '/auth/token/redeem')).toEqual([]);
  });

  it('stops polling when the signal aborts', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/xades-signature').json(202, initResponse);
    double.on('get', '/auth/{referenceNumber}').json(200, authStatus(100, 'Uwierzytelnianie w toku'));
    const controller = new AbortController();
    const error = await failure(
      completeSignIn(client, SIGNED_XML, {
        signal: controller.signal,
        pollOptions,
        onProgress: (p) => p.stage === 'verifying' && controller.abort(),
      }),
    );
    expect(error.code).toBe('aborted');
    expect(double.callsTo('post', '/auth/token/redeem')).toEqual([]);
  });
});

describe('signOut', () => {
  it('ends the session with the refresh token', async () => {
    const { double, client, session } = createHarness();
    double.on('delete', '/auth/sessions/current').noContent();
    await expect(signOut(client, { tokens: session })).resolves.toBe('signed-out');
    expect(double.requests[0]?.headers.get('Authorization')).toBe(`Bearer ${REFRESH_TOKEN}`);
  });

  it('reports an already-ended session (401) as a result', async () => {
    const { double, client, session } = createHarness();
    double.on('delete', '/auth/sessions/current').problem(401, unauthorizedProblem);
    await expect(signOut(client, { tokens: session })).resolves.toBe('already-ended');
  });

  it('lets every other failure through', async () => {
    const { double, client, session } = createHarness({ retry: { maxTransientRetries: 0 } });
    double.on('delete', '/auth/sessions/current').networkError();
    expect((await failure(signOut(client, { tokens: session }))).code).toBe('network');
  });
});
