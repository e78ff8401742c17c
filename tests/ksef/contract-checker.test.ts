/**
 * The honesty check every client test relies on must itself catch dishonest exchanges; otherwise a
 * passing suite would prove nothing. Each row breaks the contract in one way.
 */
import { describe, expect, it } from 'vitest';
import {
  componentErrors,
  contractViolations,
  findOperation,
  toJsonSchema,
  type ContractExchange,
} from '../support/open-api-contract';
import { AUTH_REFERENCE, enrollRequest, enrollResponse, limitsResponse, SERIAL } from '../support/ksef-samples';

const json = { 'Content-Type': 'application/json' };

function exchange(overrides: Partial<ContractExchange> & Pick<ContractExchange, 'method' | 'path'>): ContractExchange {
  return {
    query: new URLSearchParams(),
    requestHeaders: new Headers({ Authorization: 'Bearer t' }),
    requestBody: undefined,
    ...overrides,
  };
}

const ok = (status: number, body: unknown, headers: Record<string, string> = json) => ({
  status,
  headers: new Headers(headers),
  body: body === undefined ? '' : JSON.stringify(body),
});

describe('findOperation', () => {
  it.each([
    ['POST', '/auth/challenge', '/auth/challenge'],
    ['GET', `/auth/${AUTH_REFERENCE}`, '/auth/{referenceNumber}'],
    ['DELETE', '/auth/sessions/current', '/auth/sessions/current'],
    ['DELETE', `/auth/sessions/${AUTH_REFERENCE}`, '/auth/sessions/{referenceNumber}'],
    ['POST', `/certificates/${SERIAL}/revoke`, '/certificates/{certificateSerialNumber}/revoke'],
    ['GET', '/certificates/enrollments/data', '/certificates/enrollments/data'],
  ])('%s %s is %s', (method, path, template) => {
    expect(findOperation(method, path)?.template).toBe(template);
  });
});

describe('contractViolations', () => {
  it('accepts an honest exchange', () => {
    expect(
      contractViolations(exchange({ method: 'GET', path: '/certificates/limits', response: ok(200, limitsResponse) })),
    ).toEqual([]);
  });

  it.each<[string, ContractExchange]>([
    ['an unknown operation', exchange({ method: 'GET', path: '/certificates/nothing-here/at-all' })],
    ['a missing bearer', exchange({ method: 'GET', path: '/certificates/limits', requestHeaders: new Headers() })],
    ['a bearer where none is taken', exchange({ method: 'POST', path: '/auth/challenge' })],
    [
      'an undeclared query parameter',
      exchange({ method: 'GET', path: '/certificates/limits', query: new URLSearchParams({ pageSize: '10' }) }),
    ],
    [
      'a query parameter out of range',
      exchange({
        method: 'POST',
        path: '/certificates/query',
        query: new URLSearchParams({ pageSize: '5' }),
        requestHeaders: new Headers({ Authorization: 'Bearer t', ...json }),
        requestBody: '{}',
      }),
    ],
    ['a bad path parameter', exchange({ method: 'POST', path: '/certificates/01f20a5d352ae590/revoke' })],
    ['a body where none is taken', exchange({ method: 'GET', path: '/certificates/limits', requestBody: '{}' })],
    [
      'a missing required body',
      exchange({ method: 'POST', path: '/auth/xades-signature', requestHeaders: new Headers() }),
    ],
    [
      'a body of the wrong media type',
      exchange({
        method: 'POST',
        path: '/certificates/enrollments',
        requestBody: JSON.stringify(enrollRequest),
        requestHeaders: new Headers({ Authorization: 'Bearer t', 'Content-Type': 'text/plain' }),
      }),
    ],
    [
      'a request body off schema',
      exchange({
        method: 'POST',
        path: '/certificates/enrollments',
        requestBody: JSON.stringify({ ...enrollRequest, certificateType: 'Signing' }),
        requestHeaders: new Headers({ Authorization: 'Bearer t', ...json }),
      }),
    ],
    ['an undeclared status', exchange({ method: 'GET', path: '/certificates/limits', response: ok(404, {}) })],
    [
      'a response body off schema',
      exchange({
        method: 'GET',
        path: '/certificates/limits',
        response: ok(200, { ...limitsResponse, canRequest: 'yes' }),
      }),
    ],
    [
      'a response of the wrong media type',
      exchange({
        method: 'POST',
        path: '/certificates/enrollments',
        requestBody: JSON.stringify(enrollRequest),
        requestHeaders: new Headers({ Authorization: 'Bearer t', ...json }),
        response: ok(202, enrollResponse, { 'Content-Type': 'application/problem+json' }),
      }),
    ],
    ['a body on 204', exchange({ method: 'DELETE', path: '/auth/sessions/current', response: ok(204, {}) })],
    [
      'a Retry-After that is not an integer',
      exchange({
        method: 'GET',
        path: '/certificates/limits',
        response: ok(429, { status: { code: 429, description: 'x', details: [] } }, { ...json, 'Retry-After': 'soon' }),
      }),
    ],
  ])('flags %s', (_, bad) => {
    expect(contractViolations(bad)).not.toEqual([]);
  });
});

describe('nullable handling', () => {
  it('rewrites nullable: true into anyOf [schema, null], also around allOf', () => {
    expect(toJsonSchema({ type: 'string', nullable: true })).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(toJsonSchema({ allOf: [{ $ref: '#/components/schemas/X' }], nullable: true })).toEqual({
      anyOf: [{ allOf: [{ $ref: 'open-api.json#/components/schemas/X' }] }, { type: 'null' }],
    });
  });

  it('lets null through where the contract says nullable, and only there', () => {
    expect(componentErrors('QueryCertificatesRequest', { type: null, status: null, name: null })).toEqual([]);
    expect(
      componentErrors('CertificateEnrollmentDataResponse', { commonName: 'a', countryName: 'PL', givenName: null }),
    ).toEqual([]);
    expect(componentErrors('CertificateEnrollmentDataResponse', { commonName: null, countryName: 'PL' })).not.toEqual(
      [],
    );
  });
});
