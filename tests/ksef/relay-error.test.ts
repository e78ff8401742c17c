import { afterEach, describe, expect, it } from 'vitest';
import type { RelayErrorCode } from '../../server/relay/relay';
import type { ServerErrorCode } from '../../server/server-errors';
import { KsefError } from '../../src/ksef/errors';
import { RELAY_ERRORS, relayErrorOf } from '../../src/ksef/relay-error';
import { DEFAULT_RETRY_POLICY, isTransient } from '../../src/ksef/retry';
import { createHarness, honestyCheck } from '../support/ksef-harness';
import { enrollRequest, enrollResponse, limitsResponse, SIGNED_XML, tooManyProblem } from '../support/ksef-samples';

afterEach(honestyCheck);

/** The Node server's refusals a well-formed call of the app can meet before it reaches the relay. */
type ServerRefusalOfApiCalls = Extract<ServerErrorCode, 'host-not-allowed' | 'body-not-allowed'>;

async function failure(promise: Promise<unknown>): Promise<KsefError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof KsefError)) throw new Error(`expected a KsefError, got ${String(error)}`);
  return error;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const body = (error: string) => JSON.stringify({ error });

describe('relayErrorOf: only the relay’s exact answers', () => {
  it.each([
    [502, '{"error":"upstream-unreachable"}', 'upstream-unreachable'],
    [504, '{"error":"upstream-timeout"}', 'upstream-timeout'],
    [404, '{"error":"not-found"}', 'environment-unavailable'],
    [404, ' { "error" : "not-found" } ', 'environment-unavailable'],
    [403, '{"error":"cross-origin"}', 'relay-refused'],
    [400, '{"error":"query-not-allowed"}', 'relay-refused'],
    [413, '{"error":"body-too-large"}', 'relay-refused'],
    [413, '{"error":"body-not-allowed"}', 'relay-refused'],
    [421, '{"error":"host-not-allowed"}', 'relay-refused'],
    [429, '{"error":"too-many-requests"}', 'relay-busy'],
    [502, '{"error":"upstream-invalid"}', 'server-error'],
  ])('HTTP %i %s is %s', (status, text, code) => {
    expect(relayErrorOf(status, text)?.code).toBe(code);
  });

  it.each([
    ['another status for the code', 500, '{"error":"upstream-unreachable"}'],
    ['a 504 with the 502 code', 504, '{"error":"upstream-unreachable"}'],
    ['an extra field', 502, '{"error":"upstream-unreachable","detail":"x"}'],
    ['an unknown code', 502, '{"error":"bad-gateway"}'],
    ['client-closed, which nobody receives', 499, '{"error":"client-closed"}'],
    ['a code of another type', 502, '{"error":502}'],
    ['an array', 502, '[{"error":"upstream-unreachable"}]'],
    ['a gateway page', 502, '<html>502 Bad Gateway</html>'],
    ['an empty body', 504, ''],
    ['KSeF Problem Details', 404, '{"title":"Not Found","status":404,"detail":"x"}'],
  ])('is not the relay’s: %s', (_, status, text) => {
    expect(relayErrorOf(status, text)).toBeNull();
  });

  it('knows every answer the relay and the server in front of it give to someone who waits for it', () => {
    const relayCodes: Record<Exclude<RelayErrorCode, 'client-closed'> | ServerRefusalOfApiCalls, true> = {
      'not-found': true,
      'cross-origin': true,
      'query-not-allowed': true,
      'body-not-allowed': true,
      'body-too-large': true,
      'too-many-requests': true,
      'upstream-timeout': true,
      'upstream-unreachable': true,
      'upstream-invalid': true,
      'host-not-allowed': true,
    };
    expect(Object.keys(RELAY_ERRORS).sort()).toEqual(Object.keys(relayCodes).sort());
  });
});

describe('isTransient', () => {
  it.each([
    ['network', undefined, true],
    ['timeout', undefined, true],
    ['upstream-unreachable', 502, true],
    ['upstream-timeout', 504, true],
    ['server-error', 503, true],
    ['environment-unavailable', 404, false],
    ['relay-refused', 403, false],
    ['rate-limited', 429, false],
    ['unauthorized', 401, false],
    ['bad-request', 400, false],
  ] as const)('%s is %s', (code, status, expected) => {
    expect(isTransient(new KsefError(code, 'm', { status }))).toBe(expected);
  });
});

describe('relay answers through the client', () => {
  it.each([
    [502, 'upstream-unreachable'],
    [504, 'upstream-timeout'],
  ] as const)('a safe call is retried after relay %i %s, with backoff, and then succeeds', async (status, name) => {
    const { double, client, session, sleeps } = createHarness();
    double
      .on('get', '/certificates/limits')
      .offContract(status, body(name), JSON_TYPE)
      .offContract(status, body(name), JSON_TYPE)
      .json(200, limitsResponse);
    await expect(client.getCertificateLimits(session)).resolves.toEqual(limitsResponse);
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it.each([
    [502, 'upstream-unreachable'],
    [504, 'upstream-timeout'],
  ] as const)('a safe call fails with the specific code %i %s once retries run out', async (status, name) => {
    const { double, client, session, sleeps } = createHarness();
    const route = double.on('get', '/certificates/limits');
    for (let i = 0; i <= DEFAULT_RETRY_POLICY.maxTransientRetries; i++)
      route.offContract(status, body(name), JSON_TYPE);
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe(name);
    expect(error.status).toBe(status);
    expect(error.exceptions).toEqual([]);
    expect(error.message).toContain(name);
    expect(sleeps).toEqual([1_000, 2_000, 4_000]);
  });

  it.each([
    [502, 'upstream-unreachable'],
    [504, 'upstream-timeout'],
  ] as const)('an enrollment (it could be made twice) is never repeated after relay %i %s', async (status, name) => {
    const { double, client, session, sleeps } = createHarness();
    double.on('post', '/certificates/enrollments').offContract(status, body(name), JSON_TYPE);
    expect((await failure(client.enrollCertificate(session, enrollRequest))).code).toBe(name);
    expect(double.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('the XAdES sign-in is never repeated after the relay timed out', async () => {
    const { double, client, sleeps } = createHarness();
    double.on('post', '/auth/xades-signature').offContract(504, body('upstream-timeout'), JSON_TYPE);
    expect((await failure(client.submitXadesSignature(SIGNED_XML))).code).toBe('upstream-timeout');
    expect(double.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a relay 404 (environment not served) fails at once as environment-unavailable', async () => {
    const { double, client, sleeps } = createHarness();
    double.on('post', '/auth/challenge').offContract(404, body('not-found'), JSON_TYPE);
    const error = await failure(client.requestChallenge());
    expect(error.code).toBe('environment-unavailable');
    expect(double.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a 502 of another shape (a gateway page) stays a server error, retried the same way', async () => {
    const { double, client, session } = createHarness({ retry: { maxTransientRetries: 0 } });
    double
      .on('get', '/certificates/limits')
      .offContract(502, '<html>Bad Gateway</html>', { 'Content-Type': 'text/html' });
    expect((await failure(client.getCertificateLimits(session))).code).toBe('server-error');
  });

  it('429 waits are reported before they start, with the call site', async () => {
    const waits: [number, string][] = [];
    const { double, client, session } = createHarness({
      onRateLimitWait: (ms, site) => waits.push([ms, `${site.method} ${site.path}`]),
    });
    double
      .on('post', '/certificates/enrollments')
      .problem(429, tooManyProblem, { 'Retry-After': '3' })
      .json(202, enrollResponse);
    await client.enrollCertificate(session, enrollRequest);
    expect(waits).toEqual([[3_000, 'POST /certificates/enrollments']]);
  });
});

describe('the relay’s newer answers through the client', () => {
  it('a relay 429 too-many-requests is waited out like KSeF’s own, then the call goes on', async () => {
    const { double, client, session, sleeps } = createHarness();
    double
      .on('get', '/certificates/limits')
      .offContract(429, body('too-many-requests'), { ...JSON_TYPE, 'Retry-After': '1' })
      .json(200, limitsResponse);
    await expect(client.getCertificateLimits(session)).resolves.toEqual(limitsResponse);
    expect(sleeps).toEqual([1_000]);
  });

  it('a relay that stays busy ends as relay-busy with its Retry-After, not as KSeF’s rate limit', async () => {
    const { double, client, session } = createHarness();
    const route = double.on('get', '/certificates/limits');
    for (let i = 0; i <= DEFAULT_RETRY_POLICY.maxRateLimitRetries; i++)
      route.offContract(429, body('too-many-requests'), { ...JSON_TYPE, 'Retry-After': '1' });
    const error = await failure(client.getCertificateLimits(session));
    expect(error.code).toBe('relay-busy');
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(1);
  });

  it('an enrollment whose answer broke HTTP (upstream-invalid) is a server error and is not repeated', async () => {
    const { double, client, session, sleeps } = createHarness();
    double.on('post', '/certificates/enrollments').offContract(502, body('upstream-invalid'), JSON_TYPE);
    const error = await failure(client.enrollCertificate(session, enrollRequest));
    expect(error.code).toBe('server-error');
    expect(error.message).toContain('upstream-invalid');
    expect(double.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});
