import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSandboxClock, ksefDateTime } from '../../../../server/sandbox/core/clock';
import { isSandboxError } from '../../../../server/sandbox/core/errors';
import { MAX_JSON_BYTES, readJsonBody } from '../../../../server/sandbox/core/http';
import { certificateSerial, ksefIdentifier } from '../../../../server/sandbox/core/random';
import { createRateLimiter } from '../../../../server/sandbox/core/rate-limits';
import { errorResponse } from '../../../../server/sandbox/core/responses';
import { matchOperation } from '../../../../server/sandbox/routes';
import { responseViolations } from '../../../support/sandbox-contract';
import { START } from '../../../support/sandbox-harness';

describe('formats', () => {
  it('date-times have seven fractional digits and an offset, like KSeF', () => {
    expect(ksefDateTime(new Date('2025-07-11T12:23:56.015Z'))).toBe('2025-07-11T12:23:56.0150000+00:00');
  });

  it('identifiers and serials keep their formats for any random bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.constantFrom('CR', 'AU', 'EH' as const),
        (bytes, kind) => {
          let offset = 0;
          const random = { bytes: (n: number) => bytes.slice(offset, (offset += n)) };
          expect(ksefIdentifier(kind, new Date(START), random)).toMatch(
            new RegExp(`^20260302-${kind}-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$`),
          );
          const serial = certificateSerial(random);
          expect(serial).toHaveLength(8);
          expect(serial[0]).toBeGreaterThanOrEqual(1);
          expect(serial[0]).toBeLessThanOrEqual(0x7f);
        },
      ),
    );
  });

  it('the clock only moves forward', () => {
    const clock = createSandboxClock(() => START);
    clock.advance(5);
    expect(clock.now().getTime()).toBe(START + 5);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});

describe('routing', () => {
  it('prefers literal segments and decodes parameters', () => {
    expect(matchOperation('GET', '/certificates/enrollments/data')).toMatchObject({
      kind: 'matched',
      operation: 'GET /certificates/enrollments/data',
    });
    expect(matchOperation('GET', '/certificates/enrollments/20260302-EH-0000000000-0000000000-00')).toMatchObject({
      operation: 'GET /certificates/enrollments/{referenceNumber}',
      parameter: '20260302-EH-0000000000-0000000000-00',
    });
    expect(matchOperation('POST', '/certificates/AB%43/revoke')).toMatchObject({ parameter: 'ABC' });
    expect(matchOperation('POST', '/certificates/%E0%A4%A/revoke')).toMatchObject({ parameter: '%E0%A4%A' });
    expect(matchOperation('GET', '/auth/')).toEqual({ kind: 'not-found' });
    expect(matchOperation('POST', '/auth/sessions/current')).toEqual({ kind: 'method-not-allowed' });
  });
});

describe('rate limiter', () => {
  it('enforces the hourly window of the "other" group (120/h) and names the wait', () => {
    const limiter = createRateLimiter();
    let now = START;
    for (let i = 0; i < 120; i++) {
      expect(limiter.check('POST /certificates/query', 'ctx|ip', new Date(now))).toBeNull();
      now += 29_000; // about 2 a minute: only the hour can fill
    }
    const refused = limiter.check('POST /certificates/query', 'ctx|ip', new Date(now));
    expect(refused?.detail).toContain('120 żądań na godzinę');
    expect(refused?.retryAfterSeconds).toBe(Math.ceil((START + 3_600_000 - now) / 1000));
    expect(limiter.check('POST /certificates/query', 'other|ip', new Date(now))).toBeNull();
  });
});

describe('error bodies against the contract', () => {
  const context = {
    path: '/api/sandbox/v2/certificates/limits',
    problemDetails: false,
    now: new Date(START),
    traceId: '0'.repeat(32),
  };
  const exchange = async (response: Response, method = 'GET', path = '/certificates/limits') => ({
    method,
    path,
    query: new URLSearchParams(),
    requestHeaders: new Headers(),
    requestBody: undefined,
    response: { status: response.status, headers: response.headers, body: await response.text() },
  });

  it('legacy and Problem Details 400, 401/403/410 as Problem Details, 429 both ways', async () => {
    const cases = [
      errorResponse({ kind: 'bad-request', exceptionCode: 25001, details: [] }, context),
      errorResponse(
        { kind: 'bad-request', exceptionCode: 21405, details: ['a', 'b'] },
        { ...context, problemDetails: true },
      ),
      errorResponse({ kind: 'unauthorized', detail: 'x' }, context),
      errorResponse(
        { kind: 'forbidden', reasonCode: 'ip-not-allowed', detail: 'x', security: { clientIp: '1.2.3.4' } },
        context,
      ),
      errorResponse({ kind: 'too-many-requests', retryAfterSeconds: 5, detail: 'x' }, context),
      errorResponse(
        { kind: 'too-many-requests', retryAfterSeconds: 5, detail: 'x' },
        { ...context, problemDetails: true },
      ),
    ];
    for (const response of cases) expect(responseViolations(await exchange(response))).toEqual([]);
    const goneResponse = errorResponse({ kind: 'gone' }, context);
    expect(
      responseViolations(
        await exchange(goneResponse, 'GET', '/certificates/enrollments/20260302-EH-0000000000-0000000000-00'),
      ),
    ).toEqual([]);
  });

  it('the oracle itself catches a wrong body, a wrong status and a missing Retry-After', async () => {
    expect(responseViolations(await exchange(Response.json({ canRequest: 'yes' })))).not.toEqual([]);
    expect(responseViolations(await exchange(new Response(null, { status: 418 })))).not.toEqual([]);
    const noRetry = Response.json(
      { status: { code: 429, description: 'Too Many Requests', details: [] } },
      { status: 429 },
    );
    expect(responseViolations(await exchange(noRetry))).not.toEqual([]);
  });
});

describe('JSON bodies', () => {
  const schema = z.object({ name: z.string() });
  const request = (body: string) =>
    new Request('http://sandbox.test/x', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  const refusal = async (body: string): Promise<unknown> => {
    try {
      await readJsonBody(request(body), schema);
    } catch (cause) {
      return isSandboxError(cause) ? cause.problem : cause;
    }
    return null;
  };

  it('reads one of exactly 16 KiB and refuses one byte more with 21405 naming the cap', async () => {
    const atCap = JSON.stringify({ name: 'x'.repeat(MAX_JSON_BYTES - 11) });
    expect(atCap.length).toBe(MAX_JSON_BYTES);
    expect(await refusal(atCap)).toBeNull();
    expect(await refusal(JSON.stringify({ name: 'x'.repeat(MAX_JSON_BYTES - 10) }))).toEqual({
      kind: 'bad-request',
      exceptionCode: 21405,
      details: [`Treść żądania przekracza ${MAX_JSON_BYTES} bajtów.`],
    });
  });
});
