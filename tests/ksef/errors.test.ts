import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ksefErrorFromResponse, parseErrorBody } from '../../src/ksef/error-body';
import { errorCodeFor, isKsefError, KSEF_EXCEPTION_CODES, KsefError, type KsefErrorCode } from '../../src/ksef/errors';
import { AppError } from '../../src/lib/app-error';
import { createHarness, honestyCheck } from '../support/ksef-harness';
import {
  badRequestProblem,
  enrollRequest,
  ENROLLMENT_REFERENCE,
  forbiddenProblem,
  goneProblem,
  legacyException,
  SIGNED_XML,
  tooManyLegacy,
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

/** Every KSeF exception code docs/ksef-contract.md names, with its app code. */
const EXCEPTION_TABLE: [number, KsefErrorCode][] = [
  [21111, 'challenge-invalid'],
  [9105, 'signature-invalid'],
  [21406, 'signature-invalid'],
  [21115, 'certificate-invalid'],
  [21117, 'subject-identifier-invalid'],
  [21301, 'tokens-already-redeemed'],
  [21304, 'operation-not-found'],
  [21308, 'auth-deceased-person'],
  [21401, 'xml-invalid'],
  [21001, 'xml-invalid'],
  [9101, 'xml-invalid'],
  [9102, 'xml-invalid'],
  [9103, 'xml-invalid'],
  [21217, 'xml-invalid'],
  [21405, 'input-validation'],
  [25001, 'enrollment-not-allowed'],
  [25002, 'enrollment-not-allowed'],
  [25003, 'csr-data-mismatch'],
  [25004, 'csr-invalid'],
  [25005, 'enrollment-not-found'],
  [25006, 'enrollment-limit'],
  [25007, 'certificate-limit'],
  [25008, 'certificate-not-found'],
  [25009, 'certificate-already-revoked'],
  [25010, 'key-type-invalid'],
  [25011, 'csr-signature-algorithm-invalid'],
];

describe('KsefError', () => {
  it('is an AppError with a stable code', () => {
    const error = new KsefError('gone', 'm', { status: 410 });
    expect(error).toBeInstanceOf(AppError);
    expect(error.name).toBe('KsefError');
    expect(error.exceptions).toEqual([]);
    expect(isKsefError(error, 'gone')).toBe(true);
    expect(isKsefError(error, 'network')).toBe(false);
    expect(isKsefError(new Error('x'))).toBe(false);
  });

  it('maps every listed exception code', () => {
    expect(new Map(EXCEPTION_TABLE)).toEqual(KSEF_EXCEPTION_CODES);
  });
});

describe('error bodies through the client', () => {
  it.each(EXCEPTION_TABLE)('legacy ExceptionResponse %i -> %s', async (code, expected) => {
    const { double, client, session } = createHarness();
    const details = ['Szczegół 1', 'Szczegół 2'];
    double.on('post', '/certificates/enrollments').json(400, legacyException([{ code, description: 'Opis', details }]));
    const error = await failure(client.enrollCertificate(session, enrollRequest));
    expect(error.code).toBe(expected);
    expect(error.status).toBe(400);
    expect(error.exceptions).toEqual([{ code, description: 'Opis', details }]);
    expect(error.referenceNumber).toBe('20251010-EX-1B6C9EB000-4B15D3AEB9-89');
    expect(error.message).toContain(String(code));
  });

  it.each(EXCEPTION_TABLE)('Problem Details errors[] %i -> %s', async (code, expected) => {
    const { double, client } = createHarness();
    double
      .on('post', '/auth/xades-signature')
      .problem(400, badRequestProblem([{ code, description: 'Opis', details: ['Podpis zweryfikowany negatywnie'] }]));
    const error = await failure(client.submitXadesSignature(SIGNED_XML));
    expect(error.code).toBe(expected);
    expect(error.exceptions).toEqual([{ code, description: 'Opis', details: ['Podpis zweryfikowany negatywnie'] }]);
    expect(error.traceId).toBe('673843e023c432286660bc0501a3af44');
  });

  it('maps by the first known code and keeps every exception in order', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/enrollments').problem(
      400,
      badRequestProblem([
        { code: 12345, description: 'Nieznany' },
        { code: 25003, description: 'Dane CSR niezgodne' },
        { code: 21405, description: 'Walidacja' },
      ]),
    );
    const error = await failure(client.enrollCertificate(session, enrollRequest));
    expect(error.code).toBe('csr-data-mismatch');
    expect(error.exceptions.map((e) => e.code)).toEqual([12345, 25003, 21405]);
    expect(error.exceptions[0]?.details).toEqual([]);
  });

  it('falls back to bad-request for a 400 without a known code', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/enrollments').json(400, legacyException([{ code: 99999, description: 'Inny' }]));
    expect((await failure(client.enrollCertificate(session, enrollRequest))).code).toBe('bad-request');
  });

  it('reads 401 Problem Details', async () => {
    const { double, client } = createHarness();
    double.on('post', '/auth/token/redeem').problem(401, unauthorizedProblem);
    const error = await failure(client.redeemTokens('t'));
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, traceId: unauthorizedProblem.traceId });
    expect(error.exceptions).toEqual([{ code: 401, description: 'Token wygasł.', details: [] }]);
  });

  it.each(['missing-permissions', 'auth-method-not-allowed', 'ip-not-allowed'])(
    'reads 403 Problem Details with reasonCode %s',
    async (reasonCode) => {
      const { double, client, session } = createHarness();
      double.on('get', '/certificates/enrollments/data').problem(403, forbiddenProblem(reasonCode));
      const error = await failure(client.getEnrollmentData(session));
      expect(error).toMatchObject({ code: 'forbidden', status: 403, reasonCode });
      expect(error.exceptions).toEqual([{ code: 403, description: 'Brak uprawnień.', details: [reasonCode] }]);
    },
  );

  it('reads 410 Problem Details past retention', async () => {
    const { double, client, session } = createHarness();
    double.on('get', '/certificates/enrollments/{referenceNumber}').problem(410, goneProblem);
    const error = await failure(client.getEnrollmentStatus(session, ENROLLMENT_REFERENCE));
    expect(error).toMatchObject({ code: 'gone', status: 410, traceId: goneProblem.traceId });
    expect(error.exceptions[0]?.description).toBe(goneProblem.detail);
  });

  it('reads a legacy 429 body', () => {
    expect(parseErrorBody(tooManyLegacy, 429).exceptions).toEqual([
      { code: 429, description: 'Too Many Requests', details: tooManyLegacy.status.details },
    ]);
  });
});

describe('parseErrorBody is lenient', () => {
  it('keeps the codes of a Problem Details body that misses required fields', () => {
    const parsed = parseErrorBody(
      {
        title: 'Bad Request',
        status: 400,
        errors: [{ code: 21405, description: 'x', details: null }, 'junk', { code: 'x' }],
        instance: null,
      },
      400,
    );
    expect(parsed.exceptions).toEqual([{ code: 21405, description: 'x', details: [] }]);
  });

  it('keeps the codes of a legacy body whose other fields are odd', () => {
    const parsed = parseErrorBody(
      {
        exception: {
          exceptionDetailList: [{ exceptionCode: 25004, exceptionDescription: 7, details: 'x' }],
          referenceNumber: 5,
        },
      },
      400,
    );
    expect(parsed).toEqual({ exceptions: [{ code: 25004, description: '', details: [] }], referenceNumber: undefined });
  });

  it.each([null, 'text', 42, [], {}, { exception: null }, { status: 'x' }])('gives no exceptions for %j', (body) => {
    expect(parseErrorBody(body, 400).exceptions).toEqual([]);
  });

  it('takes the HTTP status when Problem Details carry none', () => {
    expect(parseErrorBody({ title: 'Forbidden', reasonCode: 'ip-not-allowed' }, 403).exceptions).toEqual([
      { code: 403, description: 'Forbidden', details: ['ip-not-allowed'] },
    ]);
  });
});

describe('errorCodeFor falls back by HTTP status', () => {
  it.each<[number, KsefErrorCode]>([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'unexpected-status'],
    [410, 'gone'],
    [429, 'rate-limited'],
    [500, 'server-error'],
    [503, 'server-error'],
    [302, 'unexpected-status'],
  ])('%i -> %s', (status, code) => {
    expect(errorCodeFor(status, [])).toBe(code);
  });
});

describe('properties', () => {
  it('any JSON body with any status gives a KsefError and never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 100, max: 599 }), (body, status) => {
        const error = ksefErrorFromResponse({ method: 'GET', path: '/x', status, bodyText: JSON.stringify(body) });
        expect(error).toBeInstanceOf(KsefError);
        for (const e of error.exceptions) {
          expect(Number.isInteger(e.code)).toBe(true);
          expect(typeof e.description).toBe('string');
          expect(e.details.every((d) => typeof d === 'string')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('any text body gives a KsefError and never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 200 }),
        fc.integer({ min: 100, max: 599 }),
        (bodyText, status) => {
          expect(ksefErrorFromResponse({ method: 'GET', path: '/x', status, bodyText })).toBeInstanceOf(KsefError);
        },
      ),
    );
  });

  it('error-shaped bodies with random fields give a KsefError and keep integer codes', () => {
    const field = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    const item = fc.record({
      exceptionCode: field,
      exceptionDescription: field,
      details: field,
      code: field,
      description: field,
    });
    const body = fc.oneof(
      fc.record({
        exception: fc.oneof(
          field,
          fc.record({ exceptionDetailList: fc.oneof(field, fc.array(item)), referenceNumber: field }),
        ),
      }),
      fc.record({
        title: field,
        status: field,
        detail: field,
        errors: fc.oneof(field, fc.array(item)),
        traceId: field,
        reasonCode: field,
      }),
      fc.record({ status: fc.oneof(field, fc.record({ code: field, description: field, details: field })) }),
    );
    fc.assert(
      fc.property(body, fc.integer({ min: 400, max: 599 }), (value, status) => {
        const error = ksefErrorFromResponse({ method: 'POST', path: '/x', status, bodyText: JSON.stringify(value) });
        expect(error).toBeInstanceOf(KsefError);
        expect(error.exceptions.every((e) => Number.isInteger(e.code))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
