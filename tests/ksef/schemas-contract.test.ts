/**
 * The zod schemas against the official contract, with ajv as the independent oracle: on values made
 * from the contract's own schemas (valid ones, and single-rule violations of them), on the official
 * examples in open-api.json, and on random JSON. What we send (requests, enums) must get exactly ajv's
 * verdict. What we receive must accept everything ajv accepts, and reject what ajv rejects except in the
 * fields the app does not read (UNREAD): there any violation, a missing field included, must be accepted
 * (docs/ksef-contract.md §14a: environments lag the spec).
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ZodMiniType } from 'zod/mini';
import * as auth from '../../src/ksef/auth-schemas';
import * as certificates from '../../src/ksef/certificate-schemas';
import * as common from '../../src/ksef/common-schemas';
import type { components } from '../../src/ksef/generated/open-api';
import specText from '../../spec/ksef/open-api.json?raw';
import { componentErrors, componentSchemas, toJsonSchema } from '../support/open-api-contract';
import { arbitraryFor, mutatedDocuments } from '../support/schema-arbitrary';

/** The fields of `CertificateListItem` the app does not read (it reads the serial number and status). */
const LIST_ITEM_UNREAD = [
  'name',
  'type',
  'commonName',
  'subjectIdentifier',
  'validFrom',
  'validTo',
  'lastUseDate',
  'requestDate',
];

/** Component name -> our zod schema of it. */
const PAIRS: Record<string, ZodMiniType> = {
  ReferenceNumber: common.referenceNumberSchema,
  Challenge: common.challengeSchema,
  TokenInfo: common.tokenInfoSchema,
  StatusInfo: common.statusInfoSchema,
  KsefCertificateType: common.ksefCertificateTypeSchema,
  AuthenticationChallengeResponse: auth.authenticationChallengeResponseSchema,
  AuthenticationInitResponse: auth.authenticationInitResponseSchema,
  AuthenticationMethod: auth.authenticationMethodSchema,
  AuthenticationMethodCategory: auth.authenticationMethodCategorySchema,
  AuthenticationMethodInfo: auth.authenticationMethodInfoSchema,
  AuthenticationOperationStatusResponse: auth.authenticationOperationStatusResponseSchema,
  AuthenticationTokensResponse: auth.authenticationTokensResponseSchema,
  AuthenticationTokenRefreshResponse: auth.authenticationTokenRefreshResponseSchema,
  CertificateLimit: certificates.certificateLimitSchema,
  CertificateLimitsResponse: certificates.certificateLimitsResponseSchema,
  CertificateEnrollmentDataResponse: certificates.certificateEnrollmentDataResponseSchema,
  EnrollCertificateRequest: certificates.enrollCertificateRequestSchema,
  EnrollCertificateResponse: certificates.enrollCertificateResponseSchema,
  CertificateEnrollmentStatusResponse: certificates.certificateEnrollmentStatusResponseSchema,
  RetrieveCertificatesRequest: certificates.retrieveCertificatesRequestSchema,
  RetrieveCertificatesListItem: certificates.retrieveCertificatesListItemSchema,
  RetrieveCertificatesResponse: certificates.retrieveCertificatesResponseSchema,
  CertificateListItemStatus: certificates.certificateListItemStatusSchema,
  QueryCertificatesRequest: certificates.queryCertificatesRequestSchema,
  CertificateSubjectIdentifierType: certificates.certificateSubjectIdentifierTypeSchema,
  CertificateSubjectIdentifier: certificates.certificateSubjectIdentifierSchema,
  CertificateListItem: certificates.certificateListItemSchema,
  QueryCertificatesResponse: certificates.queryCertificatesResponseSchema,
  CertificateRevocationReason: certificates.certificateRevocationReasonSchema,
  RevokeCertificateRequest: certificates.revokeCertificateRequestSchema,
};

/**
 * Response components -> the fields (paths, `[]` for any array item) the app does not read, which zod
 * reads leniently (`unread` in common-schemas.ts). A response component absent here is read strictly.
 */
const UNREAD: Record<string, readonly string[]> = {
  TokenInfo: ['validUntil'],
  StatusInfo: [],
  AuthenticationMethodInfo: [],
  AuthenticationChallengeResponse: ['timestamp', 'timestampMs', 'clientIp'],
  AuthenticationInitResponse: ['authenticationToken.validUntil'],
  AuthenticationOperationStatusResponse: [
    'startDate',
    'authenticationMethod',
    'authenticationMethodInfo',
    'isTokenRedeemed',
    'lastTokenRefreshDate',
    'refreshTokenValidUntil',
  ],
  AuthenticationTokensResponse: ['accessToken.validUntil', 'refreshToken.validUntil'],
  AuthenticationTokenRefreshResponse: ['accessToken.validUntil'],
  CertificateLimit: [],
  CertificateLimitsResponse: [],
  CertificateEnrollmentDataResponse: [],
  EnrollCertificateResponse: ['timestamp'],
  CertificateEnrollmentStatusResponse: ['requestDate'],
  RetrieveCertificatesListItem: ['certificateType'],
  RetrieveCertificatesResponse: ['certificates.[].certificateType'],
  CertificateSubjectIdentifier: [],
  CertificateListItem: LIST_ITEM_UNREAD,
  QueryCertificatesResponse: [...LIST_ITEM_UNREAD.map((f) => `certificates.[].${f}`), 'hasMore'],
};

/** Whether a mutation (labelled `path: what`) breaks a rule inside a field the app does not read. */
function inUnreadField(name: string, label: string): boolean {
  const path = label
    .slice(0, label.indexOf(': '))
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? '[]' : segment))
    .join('.');
  return (UNREAD[name] ?? []).some((field) => path === field || path.startsWith(`${field}.`));
}

const ref = (name: string): unknown => ({ $ref: `#/components/schemas/${name}` });
const agree = (name: string, value: unknown): { ajv: boolean; zod: boolean } => ({
  ajv: componentErrors(name, value).length === 0,
  zod: PAIRS[name]!.safeParse(value).success,
});

describe.each(Object.keys(PAIRS))('%s', (name) => {
  it('exists in open-api.json', () => {
    expect(componentSchemas).toHaveProperty(name);
  });

  it('zod and ajv both accept values generated from the contract (unknown properties included)', () => {
    fc.assert(
      fc.property(arbitraryFor(toJsonSchema(ref(name))), (value) => {
        expect(componentErrors(name, value)).toEqual([]);
        const parsed = PAIRS[name]!.safeParse(value);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('zod agrees with ajv on every single-rule violation of generated values, except in unread fields (accepted)', () => {
    fc.assert(
      fc.property(arbitraryFor(toJsonSchema(ref(name))), (value) => {
        for (const mutation of mutatedDocuments(toJsonSchema(ref(name)), value)) {
          const verdict = agree(name, mutation.value);
          const expected = verdict.ajv || inUnreadField(name, mutation.label);
          expect(verdict.zod, `${name} ${mutation.label}: ${JSON.stringify(mutation.value)}`).toBe(expected);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("zod accepts random JSON that ajv accepts; what we send gets exactly ajv's verdict", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const verdict = agree(name, value);
        if (verdict.ajv || !(name in UNREAD)) expect(verdict.zod).toBe(verdict.ajv);
      }),
      { numRuns: 200 },
    );
  });

  // Only schemas with fields the app does not read get this row (no row is generated to be skipped).
  const unread = UNREAD[name];
  if (unread !== undefined) {
    it('zod accepts generated values without any of their unread fields', () => {
      fc.assert(
        fc.property(arbitraryFor(toJsonSchema(ref(name))), (value) => {
          const parsed = PAIRS[name]!.safeParse(withoutFields(value, unread));
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        }),
        { numRuns: 50 },
      );
    });
  }
});

/** `value` without the fields at `paths` (`[]` for every item of an array). */
function withoutFields(value: unknown, paths: readonly string[]): unknown {
  const strip = (node: unknown, path: readonly string[]): unknown => {
    const [head, ...rest] = path;
    if (head === undefined) return node;
    if (head === '[]') return Array.isArray(node) ? node.map((item: unknown) => strip(item, rest)) : node;
    if (!isRecord(node) || !(head in node)) return node;
    const copy: Record<string, unknown> = { ...node };
    if (rest.length === 0) delete copy[head];
    else copy[head] = strip(node[head], rest);
    return copy;
  };
  return paths.reduce((current, path) => strip(current, path.split('.')), value);
}

describe('older shapes (docs/ksef-contract.md §14a)', () => {
  it('the TEST challenge answer of January 2026, without clientIp, parses though the spec refuses it', () => {
    const value = {
      challenge: '20260115-CR-1A2B3C4D5E-6F7A8B9C0D-E1',
      timestamp: '2026-01-15T10:11:12.1234567+00:00',
      timestampMs: 1768471872123,
    };
    expect(agree('AuthenticationChallengeResponse', value)).toEqual({ ajv: false, zod: true });
  });

  it('the TEST auth status of January 2026, without authenticationMethodInfo, parses though the spec refuses it', () => {
    const value = {
      startDate: '2026-01-15T10:11:13.5+00:00',
      authenticationMethod: 'QualifiedSignature',
      status: { code: 200, description: 'Uwierzytelnianie zakończone sukcesem' },
    };
    expect(agree('AuthenticationOperationStatusResponse', value)).toEqual({ ajv: false, zod: true });
    expect(auth.authenticationOperationStatusResponseSchema.parse(value).authenticationMethodInfo).toBeUndefined();
  });

  it('a field the app reads stays strict: a challenge answer without its challenge is refused', () => {
    const value = { timestamp: '2026-01-15T10:11:12+00:00', timestampMs: 1, clientIp: '127.0.0.1' };
    expect(agree('AuthenticationChallengeResponse', value)).toEqual({ ajv: false, zod: false });
  });

  it('an unread field with an odd value reads as undefined', () => {
    const value = { challenge: '20260115-CR-1A2B3C4D5E-6F7A8B9C0D-E1', timestamp: 'yesterday', clientIp: 7 };
    expect(auth.authenticationChallengeResponseSchema.parse(value)).toEqual({
      challenge: value.challenge,
      timestamp: undefined,
      timestampMs: undefined,
      clientIp: undefined,
    });
  });

  it('single-rule violations are mostly rejections (the mutation generator is not vacuous)', () => {
    const sample = fc.sample(arbitraryFor(toJsonSchema(ref('CertificateListItem'))), { numRuns: 1, seed: 7 })[0];
    const mutations = mutatedDocuments(toJsonSchema(ref('CertificateListItem')), sample);
    expect(mutations.length).toBeGreaterThan(30);
    expect(mutations.filter((m) => !agree('CertificateListItem', m.value).ajv).length).toBe(mutations.length);
  });
});

describe('the official examples of open-api.json', () => {
  const OPERATIONS: [string, 'get' | 'post', string, string][] = [
    ['/auth/challenge', 'post', '200', 'AuthenticationChallengeResponse'],
    ['/auth/xades-signature', 'post', '202', 'AuthenticationInitResponse'],
    ['/auth/{referenceNumber}', 'get', '200', 'AuthenticationOperationStatusResponse'],
    ['/auth/token/redeem', 'post', '200', 'AuthenticationTokensResponse'],
    ['/auth/token/refresh', 'post', '200', 'AuthenticationTokenRefreshResponse'],
    ['/certificates/enrollments/data', 'get', '200', 'CertificateEnrollmentDataResponse'],
    ['/certificates/enrollments', 'post', '202', 'EnrollCertificateResponse'],
    ['/certificates/enrollments/{referenceNumber}', 'get', '200', 'CertificateEnrollmentStatusResponse'],
    ['/certificates/retrieve', 'post', '200', 'RetrieveCertificatesResponse'],
    ['/certificates/query', 'post', '200', 'QueryCertificatesResponse'],
  ];
  // Every official answer example parses, including the one ajv refuses: the example of GET
  // /auth/{referenceNumber} lacks authenticationMethodInfo, as the real TEST answers of January 2026 do.
  it.each(OPERATIONS)('%s %s %s examples all parse with zod', (path, method, status, name) => {
    const examples = examplesAt(['paths', path, method, 'responses', status, 'content', 'application/json']);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const verdict = agree(name, example);
      expect(verdict.zod, JSON.stringify(example).slice(0, 200)).toBe(true);
    }
  });

  it('the official status example is an older shape: ajv refuses it for the missing authenticationMethodInfo', () => {
    const path = ['paths', '/auth/{referenceNumber}', 'get', 'responses', '200', 'content', 'application/json'];
    const refused = examplesAt(path).filter((e) => !agree('AuthenticationOperationStatusResponse', e).ajv);
    expect(refused.length).toBeGreaterThan(0);
    for (const example of refused) expect(isRecord(example) && 'authenticationMethodInfo' in example).toBe(false);
  });

  it('request body examples get the same verdict', () => {
    for (const [path, name] of [
      ['/certificates/enrollments', 'EnrollCertificateRequest'],
      ['/certificates/retrieve', 'RetrieveCertificatesRequest'],
      ['/certificates/query', 'QueryCertificatesRequest'],
    ] as const) {
      for (const example of examplesAt(['paths', path, 'post', 'requestBody', 'content', 'application/json'])) {
        const verdict = agree(name, example);
        expect(verdict.zod, `${name} ${JSON.stringify(example).slice(0, 120)}`).toBe(verdict.ajv);
      }
    }
  });
});

const spec: unknown = JSON.parse(specText);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `example` and every `examples.*.value` of the media type object at `path` in the spec. */
function examplesAt(path: string[]): unknown[] {
  let node: unknown = spec;
  for (const key of path) node = isRecord(node) ? node[key] : undefined;
  if (!isRecord(node)) return [];
  const named = isRecord(node.examples)
    ? Object.values(node.examples).map((e) => (isRecord(e) ? e.value : undefined))
    : [];
  return [...(node.example === undefined ? [] : [node.example]), ...named];
}

/** Mutual assignability: catches a missing, extra, optional-vs-required or nullable-vs-not property. */
type Equivalent<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Every value of the spec's type is one of ours (what we receive: ours may be wider in unread fields). */
type Accepts<Ours, Spec> = [Spec] extends [Ours] ? true : false;

describe('inferred types match the generated contract types', () => {
  it('compiles (checked by tsc)', () => {
    expectTypeOf<Equivalent<{ a?: string }, { a: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Equivalent<{ a: string | null }, { a: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Accepts<{ a?: string }, { a: string }>>().toEqualTypeOf<true>();
    expectTypeOf<Accepts<{ a: string }, { a?: string }>>().toEqualTypeOf<false>();
    type Schemas = components['schemas'];
    // What we send: exactly the spec.
    expectTypeOf<
      Equivalent<certificates.EnrollCertificateRequest, Schemas['EnrollCertificateRequest']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Equivalent<certificates.RetrieveCertificatesRequest, Schemas['RetrieveCertificatesRequest']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Equivalent<certificates.QueryCertificatesRequest, Schemas['QueryCertificatesRequest']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Equivalent<certificates.RevokeCertificateRequest, Schemas['RevokeCertificateRequest']>
    >().toEqualTypeOf<true>();
    // What we receive: the spec's answers are ours; fully read answers are exactly the spec.
    expectTypeOf<
      Accepts<auth.AuthenticationChallengeResponse, Schemas['AuthenticationChallengeResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Accepts<auth.AuthenticationInitResponse, Schemas['AuthenticationInitResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Accepts<auth.AuthenticationTokensResponse, Schemas['AuthenticationTokensResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Accepts<auth.AuthenticationTokenRefreshResponse, Schemas['AuthenticationTokenRefreshResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Accepts<auth.AuthenticationOperationStatusResponse, Schemas['AuthenticationOperationStatusResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Equivalent<certificates.CertificateLimitsResponse, Schemas['CertificateLimitsResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Equivalent<certificates.CertificateEnrollmentDataResponse, Schemas['CertificateEnrollmentDataResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Accepts<certificates.EnrollCertificateResponse, Schemas['EnrollCertificateResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Accepts<certificates.CertificateEnrollmentStatusResponse, Schemas['CertificateEnrollmentStatusResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Accepts<certificates.RetrieveCertificatesResponse, Schemas['RetrieveCertificatesResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Accepts<certificates.QueryCertificatesResponse, Schemas['QueryCertificatesResponse']>
    >().toEqualTypeOf<true>();
  });
});
