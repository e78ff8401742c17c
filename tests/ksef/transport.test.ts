import { afterEach, describe, expect, it } from 'vitest';
import { isKsefError, KsefError } from '../../src/ksef/errors';
import { DEFAULT_RETRY_POLICY } from '../../src/ksef/retry';
import { createHarness, honestyCheck } from '../support/ksef-harness';
import {
  ACCESS_TOKEN,
  enrollRequest,
  FRESH_ACCESS_TOKEN,
  initResponse,
  limitsResponse,
  queryResponse,
  REFRESH_TOKEN,
  refreshResponse,
  retrieveResponse,
  SERIAL,
  SIGNED_XML,
  tooManyLegacy,
  tooManyProblem,
  unauthorizedProblem,
  badRequestProblem,
  challengeResponse,
  enrollResponse,
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

const GATEWAY_503 = '<html>503 Service Unavailable</html>';

describe('429 Too Many Requests', () => {
  it('waits Retry-After seconds, then retries (Problem Details body)', async () => {
    const { double, client, session, sleeps } = createHarness();
    double
      .on('get', '/certificates/limits')
      .problem(429, tooManyProblem, { 'Retry-After': '7' })
      .json(200, limitsResponse);
    await expect(client.getCertificateLimits(session)).resolves.toEqual(limitsResponse);
    expect(sleeps).toEqual([7_000]);
    expect(double.requests).toHaveLength(2);
  });

  it('retries even a call that must not repeat, since KSeF did not process it (legacy body)', async () => {
    const { double, client, session, sleeps } = createHarness();
    double
      .on('post', '/certificates/enrollments')
      .json(429, tooManyLegacy, { 'Retry-After': '2' })
      .json(202, enrollResponse);
    await expect(client.enrollCertificate(session, enrollRequest)).resolves.toEqual(enrollResponse);
    expect(sleeps).toEqual([2_000]);
  });

  it('backs off exponentially when Retry-After is missing', async () => {
    const { double, client, session, sleeps } = createHarness();
    double
      .on('get', '/certificates/limits')
      .problem(429, tooManyProblem)
      .problem(429, tooManyProblem)
      .json(200, limitsResponse);
    await client.getCertificateLimits(session);
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it('fails at once with retryAfterSeconds when the server asks for more than the cap', async () => {
    const { double, client, session, sleeps } = createHarness({ retry: { maxRetryAfterSeconds: 60 } });
    double.on('get', '/certificates/limits').problem(429, tooManyProblem, { 'Retry-After': '61' });
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(61);
    expect(error.status).toBe(429);
    expect(error.traceId).toBe(tooManyProblem.traceId);
    expect(sleeps).toEqual([]);
  });

  it('fails rate-limited after the allowed number of retries', async () => {
    const { double, client, session, sleeps } = createHarness();
    const route = double.on('get', '/certificates/limits');
    for (let i = 0; i <= DEFAULT_RETRY_POLICY.maxRateLimitRetries; i++)
      route.json(429, tooManyLegacy, { 'Retry-After': '3' });
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(3);
    expect(error.exceptions).toEqual([
      { code: 429, description: 'Too Many Requests', details: tooManyLegacy.status.details },
    ]);
    expect(sleeps).toEqual(Array.from({ length: DEFAULT_RETRY_POLICY.maxRateLimitRetries }, () => 3_000));
  });
});

describe('network errors, timeouts and 5xx', () => {
  it('retries a safe call with exponential backoff', async () => {
    const { double, client, session, sleeps } = createHarness();
    double
      .on('post', '/certificates/query')
      .networkError()
      .offContract(503, GATEWAY_503, { 'Content-Type': 'text/html' })
      .json(200, queryResponse);
    await expect(client.queryCertificates(session)).resolves.toEqual(queryResponse);
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it.each([
    [
      'challenge',
      (h: ReturnType<typeof createHarness>) => {
        h.double.on('post', '/auth/challenge').offContract(502, GATEWAY_503).json(200, challengeResponse);
        return h.client.requestChallenge();
      },
    ],
    [
      'retrieve',
      (h: ReturnType<typeof createHarness>) => {
        h.double.on('post', '/certificates/retrieve').offContract(500, GATEWAY_503).json(200, retrieveResponse);
        return h.client.retrieveCertificates(h.session, { certificateSerialNumbers: [SERIAL] });
      },
    ],
    [
      'limits',
      (h: ReturnType<typeof createHarness>) => {
        h.double.on('get', '/certificates/limits').networkError().json(200, limitsResponse);
        return h.client.getCertificateLimits(h.session);
      },
    ],
  ])('retries %s', async (_, call) => {
    const harness = createHarness();
    await expect(call(harness)).resolves.toBeDefined();
    expect(harness.double.requests).toHaveLength(2);
  });

  it('gives up after maxTransientRetries with the last error', async () => {
    const { double, client, session, sleeps } = createHarness({ retry: { maxTransientRetries: 2 } });
    double.on('get', '/certificates/limits').networkError().networkError().offContract(500, GATEWAY_503);
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe('server-error');
    expect(error.status).toBe(500);
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it.each([
    [
      'POST /auth/xades-signature',
      'network',
      (h: ReturnType<typeof createHarness>) => {
        h.double.on('post', '/auth/xades-signature').networkError();
        return h.client.submitXadesSignature(SIGNED_XML);
      },
    ],
    [
      'POST /auth/xades-signature',
      'server-error',
      (h: ReturnType<typeof createHarness>) => {
        h.double.on('post', '/auth/xades-signature').offContract(503, GATEWAY_503);
        return h.client.submitXadesSignature(SIGNED_XML);
      },
    ],
    [
      'POST /certificates/enrollments',
      'network',
      (h: ReturnType<typeof createHarness>) => {
        h.double.on('post', '/certificates/enrollments').networkError();
        return h.client.enrollCertificate(h.session, enrollRequest);
      },
    ],
    [
      'POST /certificates/enrollments',
      'server-error',
      (h: ReturnType<typeof createHarness>) => {
        h.double.on('post', '/certificates/enrollments').offContract(500, GATEWAY_503);
        return h.client.enrollCertificate(h.session, enrollRequest);
      },
    ],
    [
      'POST /auth/token/redeem',
      'server-error',
      (h: ReturnType<typeof createHarness>) => {
        h.double.on('post', '/auth/token/redeem').offContract(502, GATEWAY_503);
        return h.client.redeemTokens('authentication-token');
      },
    ],
    [
      'POST .../revoke',
      'network',
      (h: ReturnType<typeof createHarness>) => {
        h.double.on('post', '/certificates/{certificateSerialNumber}/revoke').networkError();
        return h.client.revokeCertificate(h.session, SERIAL);
      },
    ],
  ])('never retries %s after %s', async (_, code, call) => {
    const harness = createHarness();
    const error = await failure(call(harness));
    expect(error.code).toBe(code);
    expect(harness.double.requests).toHaveLength(1);
    expect(harness.sleeps).toEqual([]);
  });

  it('sends nothing while the browser is offline, even a call that must not repeat: offline', async () => {
    const { double, client, session, sleeps } = createHarness({ online: () => false });
    const error = await failure(client.enrollCertificate(session, enrollRequest));
    expect(error.code).toBe('offline');
    expect(double.requests).toEqual([]);
    expect(sleeps).toEqual([]);
  });

  it('retries a safe call once the browser is back online', async () => {
    const answers = [false, true];
    const { double, client, session, sleeps } = createHarness({ online: () => answers.shift() ?? true });
    double.on('get', '/certificates/limits').json(200, limitsResponse);
    await expect(client.getCertificateLimits(session)).resolves.toEqual(limitsResponse);
    expect(double.requests).toHaveLength(1);
    expect(sleeps).toEqual([1_000]);
  });

  it('gives a safe call up as offline when the network does not come back', async () => {
    const { double, client, session, sleeps } = createHarness({
      online: () => false,
      retry: { maxTransientRetries: 2 },
    });
    expect((await failure(client.getCertificateLimits(session))).code).toBe('offline');
    expect(double.requests).toEqual([]);
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it('times out a stalled exchange and does not retry an unsafe call', async () => {
    const { double, client } = createHarness({ requestTimeoutMs: 5 });
    double.on('post', '/auth/xades-signature').hang();
    const error = await failure(client.submitXadesSignature(SIGNED_XML));
    expect(error.code).toBe('timeout');
    expect(double.requests).toHaveLength(1);
  });

  it('retries a safe call after a timeout', async () => {
    const { double, client, session } = createHarness({ requestTimeoutMs: 5 });
    double.on('get', '/certificates/limits').hang().json(200, limitsResponse);
    await expect(client.getCertificateLimits(session)).resolves.toEqual(limitsResponse);
  });

  it('does not retry a 4xx', async () => {
    const { double, client, session } = createHarness();
    double
      .on('get', '/certificates/limits')
      .problem(400, badRequestProblem([{ code: 21405, description: 'Błąd walidacji danych wejściowych.' }]));
    expect((await failure(client.getCertificateLimits(session))).code).toBe('input-validation');
    expect(double.requests).toHaveLength(1);
  });
});

describe('401 on an accessToken call', () => {
  it('refreshes the access token once through the refreshToken and retries', async () => {
    const { double, client, session } = createHarness();
    double.on('get', '/certificates/limits').problem(401, unauthorizedProblem).json(200, limitsResponse);
    double.on('post', '/auth/token/refresh').json(200, refreshResponse);

    await expect(client.getCertificateLimits(session)).resolves.toEqual(limitsResponse);

    const [first, refresh, second] = double.requests;
    expect(first?.headers.get('Authorization')).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(refresh?.path).toBe('/auth/token/refresh');
    expect(refresh?.headers.get('Authorization')).toBe(`Bearer ${REFRESH_TOKEN}`);
    expect(second?.headers.get('Authorization')).toBe(`Bearer ${FRESH_ACCESS_TOKEN}`);
    expect(session.accessToken).toEqual(refreshResponse.accessToken);
    expect(session.refreshToken.token).toBe(REFRESH_TOKEN);
  });

  it('retries an enrollment once after the refresh (KSeF rejected the first, nothing was enrolled)', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/enrollments').problem(401, unauthorizedProblem).json(202, enrollResponse);
    double.on('post', '/auth/token/refresh').json(200, refreshResponse);
    await expect(client.enrollCertificate(session, enrollRequest)).resolves.toEqual(enrollResponse);
  });

  it('fails unauthorized on a second 401, without refreshing again', async () => {
    const { double, client, session } = createHarness();
    double.on('get', '/certificates/limits').problem(401, unauthorizedProblem).problem(401, unauthorizedProblem);
    double.on('post', '/auth/token/refresh').json(200, refreshResponse);
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(double.callsTo('post', '/auth/token/refresh')).toHaveLength(1);
  });

  it('fails unauthorized when the refresh token is refused', async () => {
    const { double, client, session } = createHarness();
    double.on('get', '/certificates/limits').problem(401, unauthorizedProblem);
    double.on('post', '/auth/token/refresh').problem(401, unauthorizedProblem);
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe('unauthorized');
    expect(double.requests).toHaveLength(2);
    expect(session.accessToken.token).toBe(ACCESS_TOKEN);
  });

  it('fails unauthorized when KSeF will not refresh (21301), keeping its exception', async () => {
    const { double, client, session } = createHarness();
    double.on('get', '/certificates/limits').problem(401, unauthorizedProblem);
    double.on('post', '/auth/token/refresh').problem(
      400,
      badRequestProblem([
        {
          code: 21301,
          description: 'Brak autoryzacji.',
          details: ['Status uwierzytelniania nie pozwala na odświeżenie.'],
        },
      ]),
    );
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe('unauthorized');
    expect(error.exceptions[0]?.code).toBe(21301);
  });

  it('shares one refresh between calls that met the same expired token', async () => {
    const { double, client, session } = createHarness();
    double
      .on('get', '/certificates/limits')
      .problem(401, unauthorizedProblem)
      .problem(401, unauthorizedProblem)
      .json(200, limitsResponse)
      .json(200, limitsResponse);
    double.on('post', '/auth/token/refresh').json(200, refreshResponse);
    await Promise.all([client.getCertificateLimits(session), client.getCertificateLimits(session)]);
    expect(double.callsTo('post', '/auth/token/refresh')).toHaveLength(1);
  });

  it('does not refresh after a 401 on an authenticationToken call', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/token/redeem').problem(401, unauthorizedProblem);
    expect((await failure(client.redeemTokens('expired-authentication-token'))).code).toBe('unauthorized');
    expect(double.requests).toHaveLength(1);
  });
});

describe('abort', () => {
  it('fails aborted, before sending, when the signal is already aborted', async () => {
    const { double, client } = createHarness();
    const error = await failure(client.requestChallenge({ signal: AbortSignal.abort() }));
    expect(error.code).toBe('aborted');
    expect(double.requests).toEqual([]);
  });

  it('fails aborted when the signal fires during the exchange', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/xades-signature').hang();
    const controller = new AbortController();
    const pending = client.submitXadesSignature(SIGNED_XML, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    expect((await failure(pending)).code).toBe('aborted');
  });

  it('fails aborted when the signal fires during a backoff wait', async () => {
    const controller = new AbortController();
    const { double, client } = createHarness({
      sleep: async (_, signal) => {
        controller.abort();
        await Promise.resolve();
        signal?.throwIfAborted();
      },
    });
    double.on('post', '/auth/challenge').networkError();
    expect((await failure(client.requestChallenge({ signal: controller.signal }))).code).toBe('aborted');
  });
});

describe('responses off contract', () => {
  it.each([
    ['a body that is not JSON', 'not json'],
    ['a missing required field', JSON.stringify({ ...limitsResponse, canRequest: undefined })],
    ['a wrong type', JSON.stringify({ ...limitsResponse, enrollment: { remaining: '1', limit: 2 } })],
  ])('fail invalid-response on %s', async (_, body) => {
    const { double, client, session } = createHarness();
    double.on('get', '/certificates/limits').offContract(200, body, { 'Content-Type': 'application/json' });
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe('invalid-response');
    expect(error.status).toBe(200);
  });

  it('does not put token values into the invalid-response message', async () => {
    const { double, client } = createHarness();
    double
      .on('post', '/auth/xades-signature')
      .offContract(202, JSON.stringify({ ...initResponse, referenceNumber: 42 }), {
        'Content-Type': 'application/json',
      });
    const error = await failure(client.submitXadesSignature(SIGNED_XML));
    expect(error.code).toBe('invalid-response');
    expect(error.message).toContain('referenceNumber');
    expect(error.message).not.toContain(initResponse.authenticationToken.token);
  });

  it.each([301, 404, 415])('map HTTP %i to unexpected-status', async (status) => {
    const { double, client, session } = createHarness();
    double.on('get', '/certificates/limits').offContract(status, '');
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe('unexpected-status');
    expect(error.status).toBe(status);
  });
});

describe('X-System-Warning', () => {
  it('reaches onWarning parsed, with the call site, and the result is unchanged', async () => {
    const { double, client, warnings } = createHarness();
    double.on('post', '/auth/xades-signature').json(202, initResponse, {
      'X-System-Warning': '[sig-001]: Format podpisu niezgodny z akceptowanymi profilami XAdES | [tst-002]: Second',
    });
    await expect(client.submitXadesSignature(SIGNED_XML)).resolves.toEqual(initResponse);
    expect(warnings).toEqual([
      {
        path: '/auth/xades-signature',
        warnings: [
          { code: 'sig-001', message: 'Format podpisu niezgodny z akceptowanymi profilami XAdES' },
          { code: 'tst-002', message: 'Second' },
        ],
      },
    ]);
  });

  it('calls onWarning only when the header is there', async () => {
    const { double, client, warnings } = createHarness();
    double.on('post', '/auth/challenge').json(200, challengeResponse);
    await client.requestChallenge();
    expect(warnings).toEqual([]);
  });
});

describe('defaults', () => {
  it('uses globalThis.fetch when no fetch is given (fails network on an unreachable host)', async () => {
    const { createKsefClient } = await import('../../src/ksef/client');
    const client = createKsefClient({ baseUrl: 'http://127.0.0.1:1/api/test/v2', retry: { maxTransientRetries: 0 } });
    const error = await failure(client.requestChallenge());
    expect(isKsefError(error, 'network')).toBe(true);
  });
});
