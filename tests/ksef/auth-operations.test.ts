import { afterEach, describe, expect, it } from 'vitest';
import { isKsefError } from '../../src/ksef/errors';
import { createHarness, honestyCheck } from '../support/ksef-harness';
import {
  ACCESS_TOKEN,
  AUTH_REFERENCE,
  AUTHENTICATION_TOKEN,
  authStatus,
  challengeResponse,
  initResponse,
  REFRESH_TOKEN,
  refreshResponse,
  SIGNED_XML,
  tokensResponse,
} from '../support/ksef-samples';

afterEach(honestyCheck);

function commonHeaders(headers: Headers): void {
  expect(headers.get('Accept')).toBe('application/json');
  expect(headers.get('X-Error-Format')).toBe('problem-details');
}

describe('POST /auth/challenge', () => {
  it('sends no token and no body, and returns the challenge', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/challenge').json(200, challengeResponse);

    await expect(client.requestChallenge()).resolves.toEqual(challengeResponse);

    const [request] = double.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.href).toBe('https://app.example/api/test/v2/auth/challenge');
    expect(request?.headers.get('Authorization')).toBeNull();
    expect(request?.body).toBeUndefined();
    commonHeaders(request!.headers);
  });

  it('asks fetch for no cookies, no redirects and no caching', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/challenge').json(200, challengeResponse);
    await client.requestChallenge();
    expect(double.requests[0]?.init).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });
    expect(double.requests[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('ignores unknown response fields', async () => {
    const { double, client } = createHarness();
    double
      .on('post', '/auth/challenge')
      .offContract(200, JSON.stringify({ ...challengeResponse, newField: 1 }), { 'Content-Type': 'application/json' });
    const result = await client.requestChallenge();
    expect(result).toEqual(challengeResponse);
    expect(result).not.toHaveProperty('newField');
  });
});

describe('POST /auth/xades-signature', () => {
  it('sends the signed XML verbatim as application/xml with no token', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/xades-signature').json(202, initResponse);

    await expect(client.submitXadesSignature(SIGNED_XML)).resolves.toEqual(initResponse);

    const [request] = double.requests;
    expect(request?.body).toBe(SIGNED_XML);
    expect(request?.headers.get('Content-Type')).toBe('application/xml');
    expect(request?.headers.get('Authorization')).toBeNull();
    expect(request?.headers.get('X-KSeF-Feature')).toBeNull();
    expect([...request!.query]).toEqual([]);
    commonHeaders(request!.headers);
  });

  it.each([false, true])('sends verifyCertificateChain=%s as a query parameter', async (verify) => {
    const { double, client } = createHarness();
    double.on('post', '/auth/xades-signature').json(202, initResponse);
    await client.submitXadesSignature(SIGNED_XML, { verifyCertificateChain: verify, enforceXadesCompliance: true });
    expect(double.requests[0]?.query.get('verifyCertificateChain')).toBe(String(verify));
    expect(double.requests[0]?.headers.get('X-KSeF-Feature')).toBe('enforce-xades-compliance');
  });

  it('refuses an empty document without sending it', async () => {
    const { double, client } = createHarness();
    await expect(client.submitXadesSignature('')).rejects.toSatisfy((e) => isKsefError(e, 'invalid-request'));
    expect(double.requests).toEqual([]);
  });
});

describe('GET /auth/{referenceNumber}', () => {
  it('carries the authenticationToken and parses the status', async () => {
    const { double, client } = createHarness();
    double.on('get', '/auth/{referenceNumber}').json(200, authStatus(100, 'Uwierzytelnianie w toku'));

    const status = await client.getAuthStatus(AUTH_REFERENCE, AUTHENTICATION_TOKEN);

    expect(status.status).toEqual({ code: 100, description: 'Uwierzytelnianie w toku' });
    expect(status.authenticationMethodInfo?.category).toBe('XadesSignature');
    const [request] = double.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe(`/auth/${AUTH_REFERENCE}`);
    expect(request?.headers.get('Authorization')).toBe(`Bearer ${AUTHENTICATION_TOKEN}`);
    expect(request?.body).toBeUndefined();
    commonHeaders(request!.headers);
  });

  it('still parses a status without the deprecated authenticationMethod', async () => {
    const { double, client } = createHarness();
    const withoutMethod = Object.fromEntries(
      Object.entries(authStatus(200, 'Uwierzytelnianie zakończone sukcesem')).filter(
        ([key]) => key !== 'authenticationMethod',
      ),
    );
    double
      .on('get', '/auth/{referenceNumber}')
      .offContract(200, JSON.stringify(withoutMethod), { 'Content-Type': 'application/json' });
    await expect(client.getAuthStatus(AUTH_REFERENCE, AUTHENTICATION_TOKEN)).resolves.toMatchObject({
      status: { code: 200 },
    });
  });

  it.each(['../certificates/limits', 'short', `${AUTH_REFERENCE}x`])(
    'refuses the reference number %j without sending',
    async (reference) => {
      const { double, client } = createHarness();
      await expect(client.getAuthStatus(reference, AUTHENTICATION_TOKEN)).rejects.toSatisfy((e) =>
        isKsefError(e, 'invalid-request'),
      );
      expect(double.requests).toEqual([]);
    },
  );

  it('percent-encodes the reference number into one path segment', async () => {
    const { double, client } = createHarness();
    const odd = '20250514-AU-2DFC46C000-3AC6D5877F/D4';
    double.on('get', '/auth/{referenceNumber}').json(200, authStatus(100, 'Uwierzytelnianie w toku'));
    await client.getAuthStatus(odd, AUTHENTICATION_TOKEN);
    expect(double.requests[0]?.url.pathname).toBe('/api/test/v2/auth/20250514-AU-2DFC46C000-3AC6D5877F%2FD4');
  });
});

describe('POST /auth/token/redeem', () => {
  it('carries the authenticationToken and returns both tokens', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/token/redeem').json(200, tokensResponse);

    await expect(client.redeemTokens(AUTHENTICATION_TOKEN)).resolves.toEqual(tokensResponse);

    const [request] = double.requests;
    expect(request?.headers.get('Authorization')).toBe(`Bearer ${AUTHENTICATION_TOKEN}`);
    expect(request?.body).toBeUndefined();
    commonHeaders(request!.headers);
  });
});

describe('POST /auth/token/refresh', () => {
  it('carries the refreshToken and returns the new access token', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/token/refresh').json(200, refreshResponse);

    await expect(client.refreshAccessToken(REFRESH_TOKEN)).resolves.toEqual(refreshResponse);

    expect(double.requests[0]?.headers.get('Authorization')).toBe(`Bearer ${REFRESH_TOKEN}`);
    expect(double.requests[0]?.body).toBeUndefined();
  });
});

describe('DELETE /auth/sessions/current', () => {
  it('signs out with the refreshToken and expects 204', async () => {
    const { double, client, session } = createHarness();
    double.on('delete', '/auth/sessions/current').noContent();

    await expect(client.endCurrentSession(session)).resolves.toBeUndefined();

    const [request] = double.requests;
    expect(request?.method).toBe('DELETE');
    expect(request?.headers.get('Authorization')).toBe(`Bearer ${REFRESH_TOKEN}`);
    expect(request?.headers.get('Authorization')).not.toContain(ACCESS_TOKEN);
    commonHeaders(request!.headers);
  });
});

describe('tokens stay out of URLs', () => {
  it('no request URL of a whole sign-in carries a token', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/challenge').json(200, challengeResponse);
    double.on('post', '/auth/xades-signature').json(202, initResponse);
    double.on('get', '/auth/{referenceNumber}').json(200, authStatus(200, 'Uwierzytelnianie zakończone sukcesem'));
    double.on('post', '/auth/token/redeem').json(200, tokensResponse);

    await client.requestChallenge();
    const init = await client.submitXadesSignature(SIGNED_XML, { verifyCertificateChain: false });
    await client.getAuthStatus(init.referenceNumber, init.authenticationToken.token);
    await client.redeemTokens(init.authenticationToken.token);

    for (const request of double.requests) {
      for (const secret of [AUTHENTICATION_TOKEN, ACCESS_TOKEN, REFRESH_TOKEN])
        expect(request.url.href).not.toContain(secret);
    }
  });
});
