import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCertificate } from '../../../../src/crypto/certificate-reader';
import { classifyCertificate } from '../../../../src/crypto/ksef-profile';
import { withoutAnswerShapeGaps } from '../../../support/answer-shapes';
import { sandboxViolations } from '../../../support/sandbox-contract';
import { createSandboxClock } from '../../../../server/sandbox/core/clock';
import { createControlledSandbox } from '../../../../server/sandbox/control/controlled-sandbox';
import { type Sandbox, type SandboxLogLine, createSandbox } from '../../../../server/sandbox/sandbox';
import {
  NIP,
  PERSON,
  START,
  type SandboxHarness,
  type TestSigner,
  createSandboxHarness,
  exceptionCodes,
  testSigner,
} from '../../../support/sandbox-harness';

const tooManyLegacy = z.object({
  status: z.object({ code: z.literal(429), description: z.string(), details: z.array(z.string()) }),
});
const tooManyProblem = z.object({ title: z.literal('Too Many Requests'), status: z.literal(429), detail: z.string() });

let person: TestSigner;
let h: SandboxHarness | null = null;

beforeAll(async () => {
  person = await testSigner(PERSON);
});

afterEach(() => {
  h?.expectContract();
  h = null;
});

function harness(...args: Parameters<typeof createSandboxHarness>): SandboxHarness {
  h = createSandboxHarness(...args);
  return h;
}

describe('fault injection', () => {
  it('answers 429 with Retry-After `times` times for an operation, legacy or Problem Details, then recovers', async () => {
    const s = harness();
    const session = await s.signIn(person);
    s.control.injectFault({ operation: 'GET /certificates/limits', status: 429, times: 2, retryAfterSeconds: 7 });
    const legacy = await s.call('GET', '/certificates/limits', { token: session.accessToken });
    expect(legacy.status).toBe(429);
    expect(legacy.headers.get('Retry-After')).toBe('7');
    expect(tooManyLegacy.parse(legacy.json()).status.code).toBe(429);
    const problem = await s.call('GET', '/certificates/limits', {
      token: session.accessToken,
      headers: { 'X-Error-Format': 'problem-details' },
    });
    expect(problem.status).toBe(429);
    expect(problem.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(tooManyProblem.parse(problem.json()).status).toBe(429);
    expect((await s.call('GET', '/certificates/limits', { token: session.accessToken })).status).toBe(200);
  });

  it('matches by path pattern, injects 500 and 503 (with Retry-After), and only the first matching fault fires', async () => {
    const s = harness();
    s.control.injectFault({ path: /^\/auth\/challenge$/, status: 503, retryAfterSeconds: 30 });
    s.control.injectFault({ path: '^/auth/', status: 500 });
    const unavailable = await s.call('POST', '/auth/challenge', { responseOffContract: true });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('Retry-After')).toBe('30');
    expect((await s.call('POST', '/auth/challenge', { responseOffContract: true })).status).toBe(500);
    expect((await s.call('POST', '/auth/challenge')).status).toBe(200);
  });

  it('adds latency through the sleep seam, with or without a status', async () => {
    const sleeps: number[] = [];
    const s = harness({
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    });
    s.control.injectFault({ operation: 'POST /auth/challenge', latencyMs: 1500 });
    s.control.injectFault({ operation: 'POST /auth/challenge', latencyMs: 250, status: 429 });
    expect((await s.call('POST', '/auth/challenge')).status).toBe(200);
    expect((await s.call('POST', '/auth/challenge')).status).toBe(429);
    expect(sleeps).toEqual([1500, 250]);
    s.control.injectFault({ status: 500, times: Infinity });
    s.control.clearFaults();
    expect((await s.call('POST', '/auth/challenge')).status).toBe(200);
  });

  it('refuses invalid faults', () => {
    const s = harness();
    expect(() => s.control.injectFault({ status: 500, times: 0 })).toThrow(RangeError);
    expect(() => s.control.injectFault({ latencyMs: -1 })).toThrow(RangeError);
  });
});

describe('rate limits (docs/ksef-contract.md §10)', () => {
  it('are off by default', async () => {
    const s = harness();
    for (let i = 0; i < 70; i++) expect((await s.call('POST', '/auth/challenge')).status).toBe(200);
  });

  it('when enabled, refuse the 11th certificate call in a second and the 31st in a minute, with Retry-After', async () => {
    const s = harness();
    const session = await s.signIn(person);
    s.control.setRateLimits(true);
    for (let i = 0; i < 10; i++)
      expect((await s.call('GET', '/certificates/limits', { token: session.accessToken })).status).toBe(200);
    const refused = await s.call('GET', '/certificates/limits', { token: session.accessToken });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(tooManyLegacy.parse(refused.json()).status.details[0]).toContain('10 żądań na sekundę');
    // Another operation has its own counter.
    expect((await s.call('GET', '/certificates/enrollments/data', { token: session.accessToken })).status).toBe(200);

    for (let second = 0; second < 2; second++) {
      s.clock.advance(1000);
      for (let i = 0; i < 10; i++)
        expect((await s.call('GET', '/certificates/limits', { token: session.accessToken })).status).toBe(200);
    }
    s.clock.advance(1000);
    const perMinute = await s.call('GET', '/certificates/limits', { token: session.accessToken });
    expect(perMinute.status).toBe(429);
    expect(perMinute.headers.get('Retry-After')).toBe('57');
    s.control.setRateLimits(false);
    expect((await s.call('GET', '/certificates/limits', { token: session.accessToken })).status).toBe(200);
  });

  it('allow 60 challenges a second per IP', async () => {
    const s = harness({ rateLimits: true });
    for (let i = 0; i < 60; i++) expect((await s.call('POST', '/auth/challenge')).status).toBe(200);
    expect((await s.call('POST', '/auth/challenge')).status).toBe(429);
    s.clock.advance(1000);
    expect((await s.call('POST', '/auth/challenge')).status).toBe(200);
  });
});

describe('reset, limits and timing', () => {
  it('reset forgets sessions and certificates, and restores the creation settings', async () => {
    const s = harness({ limits: { enrollment: 3, certificate: 2 } });
    const session = await s.signIn(person);
    s.control.setLimits({ enrollment: 1, certificate: 1 });
    s.control.setTiming({ authDelayMs: 0, authPendingPolls: 0 });
    s.control.reset();
    expect((await s.call('GET', '/certificates/limits', { token: session.accessToken })).status).toBe(401);
    const again = await s.signIn(person);
    const limits = z
      .object({ enrollment: z.object({ limit: z.number() }) })
      .parse((await s.call('GET', '/certificates/limits', { token: again.accessToken })).json());
    expect(limits.enrollment.limit).toBe(3);
  });

  it('timing without delay or pending polls answers 200 on the first poll', async () => {
    const s = harness({
      timing: { authDelayMs: 0, authPendingPolls: 0, enrollmentDelayMs: 0, enrollmentPendingPolls: 0 },
    });
    const started = await s.submit(await s.signedRequest(person));
    expect((await s.pollAuth(started.referenceNumber, started.authenticationToken)).polls).toEqual([200]);
    s.control.setTiming({ authPendingPolls: 3, authDelayMs: undefined });
    const slow = await s.submit(await s.signedRequest(person));
    expect((await s.pollAuth(slow.referenceNumber, slow.authenticationToken)).polls).toEqual([100, 100, 100, 200]);
  });
});

describe('routing', () => {
  it('404 outside the operations, 405 for another method, 403 for cross-site requests', async () => {
    const s = harness();
    expect(
      (await s.call('GET', '/invoices/query', { responseOffContract: true, requestOffContract: true })).status,
    ).toBe(404);
    expect(
      (await s.call('PUT', '/auth/challenge', { responseOffContract: true, requestOffContract: true })).status,
    ).toBe(405);
    expect(
      (await s.sandbox.handle(new Request('http://sandbox.test/api/sandbox/v3/auth/challenge', { method: 'POST' })))
        .status,
    ).toBe(404);
    const crossSite = await s.sandbox.handle(
      new Request('http://sandbox.test/api/sandbox/v2/auth/challenge', {
        method: 'POST',
        headers: { Origin: 'https://evil.example' },
      }),
    );
    expect(crossSite.status).toBe(403);
    const sameSite = await s.sandbox.handle(
      new Request('http://sandbox.test/api/sandbox/v2/auth/challenge', {
        method: 'POST',
        headers: { Origin: 'http://sandbox.test' },
      }),
    );
    expect(sameSite.status).toBe(200);
  });

  it('logs one line per request without tokens or values', async () => {
    const lines: SandboxLogLine[] = [];
    const sandbox = createSandbox({ clock: createSandboxClock(() => START), log: (line) => lines.push(line) });
    const reply = await sandbox.handle(
      new Request('http://sandbox.test/api/sandbox/v2/certificates/enrollments/20260302-EH-0000000000-0000000000-00', {
        headers: { Authorization: 'Bearer secret-token-value' },
      }),
    );
    expect(reply.status).toBe(401);
    expect(lines).toEqual([
      {
        method: 'GET',
        operation: 'GET /certificates/enrollments/{referenceNumber}',
        status: 401,
        durationMs: expect.any(Number) as number,
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret-token-value');
    expect(JSON.stringify(lines)).not.toContain('20260302-EH');
  });
});

describe('control over HTTP', () => {
  const control = (sandbox: Sandbox, method: string, path: string, body?: unknown) =>
    sandbox.handle(
      new Request(`http://sandbox.test/api/sandbox/_control${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      }),
    );

  /** Every route of the control API, each with a body it accepts. */
  const routes = [
    ['POST', '/reset', undefined],
    ['GET', '/clock', undefined],
    ['POST', '/clock/advance', { ms: 1000 }],
    ['POST', '/faults', { status: 500, times: 1, path: '^/nothing$' }],
    ['DELETE', '/faults', undefined],
    ['PUT', '/next-auth-status', { code: 460 }],
    ['DELETE', '/next-auth-status', undefined],
    ['PUT', '/next-enrollment-status', { code: 550 }],
    ['DELETE', '/next-enrollment-status', undefined],
    ['PUT', '/limits', { enrollment: 1, certificate: 1 }],
    ['DELETE', '/limits', undefined],
    ['PUT', '/timing', { authDelayMs: 0 }],
    ['PUT', '/rate-limits', { enabled: false }],
    ['PUT', '/answer-shape', { shape: 'current' }],
    ['GET', '/ca', undefined],
  ] as const;

  it.each([
    ['the sandbox without controls', () => createSandbox({ log: () => undefined })],
    ['a controlled sandbox without exposeControl', () => createControlledSandbox({ log: () => undefined })],
  ])('every control path answers 404 from %s', async (_, make) => {
    const sandbox = make();
    for (const [method, path, body] of routes) {
      const reply = await control(sandbox, method, path, body);
      expect([reply.status, await reply.text()], `${method} ${path}`).toEqual([404, '']);
    }
    expect((await control(sandbox, 'POST', '')).status).toBe(404);
  });

  it('every control path works once mounted with exposeControl', async () => {
    const sandbox = createControlledSandbox({
      exposeControl: true,
      clock: createSandboxClock(() => START),
      log: () => undefined,
    });
    for (const [method, path, body] of routes) {
      const reply = await control(sandbox, method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(method === 'GET' || path === '/clock/advance' ? 200 : 204);
    }
  });

  it('is not served unless exposeControl is set', async () => {
    const sandbox = createSandbox({ log: () => undefined });
    expect((await control(sandbox, 'POST', '/reset')).status).toBe(404);
    expect((await control(sandbox, 'GET', '/ca')).status).toBe(404);
  });

  it('drives the clock, faults, forced statuses, limits, timing, rate limits, reset and the CA', async () => {
    const sandbox = createControlledSandbox({
      exposeControl: true,
      clock: createSandboxClock(() => START),
      log: () => undefined,
    });
    const api = (method: string, path: string) =>
      sandbox.handle(new Request(`http://sandbox.test/api/sandbox/v2${path}`, { method }));

    expect(z.object({ now: z.string() }).parse(await (await control(sandbox, 'GET', '/clock')).json()).now).toBe(
      '2026-03-02T10:00:00.000Z',
    );
    const advanced = await control(sandbox, 'POST', '/clock/advance', { ms: 60_000 });
    expect(z.object({ now: z.string() }).parse(await advanced.json()).now).toBe('2026-03-02T10:01:00.000Z');

    expect(
      (
        await control(sandbox, 'POST', '/faults', {
          operation: 'POST /auth/challenge',
          status: 429,
          retryAfterSeconds: 3,
        })
      ).status,
    ).toBe(204);
    const limited = await api('POST', '/auth/challenge');
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '3']);
    expect((await control(sandbox, 'POST', '/faults', { path: '^/auth/', status: 500, times: 5 })).status).toBe(204);
    expect((await control(sandbox, 'DELETE', '/faults')).status).toBe(204);
    expect((await api('POST', '/auth/challenge')).status).toBe(200);

    for (const [method, path, body] of [
      ['PUT', '/next-auth-status', { code: 460, details: ['Certyfikat odwołany'] }],
      ['DELETE', '/next-auth-status', undefined],
      ['PUT', '/next-enrollment-status', { code: 550 }],
      ['DELETE', '/next-enrollment-status', undefined],
      ['PUT', '/limits', { enrollment: 1, certificate: 1 }],
      ['DELETE', '/limits', undefined],
      ['PUT', '/timing', { authDelayMs: 0 }],
      ['PUT', '/rate-limits', { enabled: false }],
      ['POST', '/reset', undefined],
    ] as const) {
      expect((await control(sandbox, method, path, body)).status, `${method} ${path}`).toBe(204);
    }

    for (const [method, path, body] of [
      ['PUT', '/next-auth-status', { code: 200 }],
      ['PUT', '/next-enrollment-status', { code: 100 }],
      ['PUT', '/limits', { enrollment: -1, certificate: 1 }],
      ['POST', '/clock/advance', { ms: -5 }],
      ['POST', '/faults', { path: '(' }],
      ['POST', '/faults', { operation: 'GET /invoices' }],
      ['PUT', '/rate-limits', { enabled: 'yes' }],
      ['PUT', '/answer-shape', { shape: '2025-10' }],
      ['PUT', '/answer-shape', { shape: 'current', extra: true }],
    ] as const) {
      const reply = await control(sandbox, method, path, body);
      expect(reply.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
    }
    expect((await control(sandbox, 'GET', '/nothing')).status).toBe(404);

    const pem = await (await control(sandbox, 'GET', '/ca')).text();
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const ca = await readCertificate(new TextEncoder().encode(pem), new Date(START));
    // The CA itself is no KSeF certificate; what it issues reads as the sandbox's (certificates/flow.node.test.ts).
    expect(classifyCertificate(ca)).toEqual({ kind: 'not-ksef', what: 'certificate-authority' });
    expect(ca.subjectText).toBe('CN=SANDBOX CCK KSeF, O=ksef-cert, C=PL');
    expect(ca.selfSigned).toBe(true);
    expect(ca.keyType).toEqual({ kind: 'EC', curve: 'P-256' });
  });

  it('the forced auth status over HTTP reaches the next sign-in', async () => {
    const s = harness({ exposeControl: true });
    const put = await s.sandbox.handle(
      new Request('http://sandbox.test/api/sandbox/_control/next-auth-status', {
        method: 'PUT',
        body: JSON.stringify({ code: 480 }),
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expect(put.status).toBe(204);
    const started = await s.submit(await s.signedRequest(person, { context: { type: 'Nip', value: NIP } }));
    expect((await s.pollAuth(started.referenceNumber, started.authenticationToken)).code).toBe(480);
    expect(exceptionCodes(await s.call('POST', '/auth/token/redeem', { token: started.authenticationToken }))).toEqual([
      21301,
    ]);
  });
});

describe('answer shapes (docs/ksef-contract.md §14a)', () => {
  const challengeKeys = async (s: SandboxHarness) =>
    Object.keys(z.record(z.string(), z.unknown()).parse((await s.call('POST', '/auth/challenge')).json()));
  const statusKeys = async (s: SandboxHarness) => {
    const started = await s.submit(await s.signedRequest(person));
    const reply = await s.call('GET', `/auth/${started.referenceNumber}`, { token: started.authenticationToken });
    return Object.keys(z.record(z.string(), z.unknown()).parse(reply.json()));
  };

  it("answer in today's shape by default, which open-api.json accepts", async () => {
    const s = harness();
    expect(await challengeKeys(s)).toContain('clientIp');
    expect(await statusKeys(s)).toContain('authenticationMethodInfo');
  });

  it('january-2026 drops clientIp and authenticationMethodInfo, and nothing else breaks the contract', async () => {
    const s = createSandboxHarness({ answerShape: 'january-2026' });
    expect(await challengeKeys(s)).toEqual(['challenge', 'timestamp', 'timestampMs']);
    expect(await statusKeys(s)).not.toContain('authenticationMethodInfo');
    await s.signIn(person);
    const violations = s.exchanges.flatMap((e) => sandboxViolations(e));
    expect(violations.length).toBeGreaterThanOrEqual(3);
    expect(withoutAnswerShapeGaps(violations, 'january-2026')).toEqual([]);
  });

  it('is switched over HTTP and back by PUT /answer-shape, and reset restores the shape the sandbox was made with', async () => {
    const s = harness({ exposeControl: true });
    const put = (shape: string) =>
      s.sandbox.handle(
        new Request('http://sandbox.test/api/sandbox/_control/answer-shape', {
          method: 'PUT',
          body: JSON.stringify({ shape }),
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    expect((await put('january-2026')).status).toBe(204);
    // Not through `call`: these answers are outside today's contract on purpose.
    const older = await s.sandbox.handle(
      new Request('http://sandbox.test/api/sandbox/v2/auth/challenge', { method: 'POST' }),
    );
    expect(await older.json()).not.toHaveProperty('clientIp');
    expect((await put('current')).status).toBe(204);
    expect(await challengeKeys(s)).toContain('clientIp');
    s.control.setAnswerShape('january-2026');
    s.control.reset();
    expect(await challengeKeys(s)).toContain('clientIp');
  });
});
