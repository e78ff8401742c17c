import { describe, expect, it } from 'vitest';
import { checkCsr, csrChecksPass } from '../../src/crypto/check-csr';
import type { CsrCheck } from '../../src/crypto/check-csr';
import { buildCsr } from '../../src/crypto/csr';
import type { CertificateEnrollmentData } from '../../src/crypto/enrollment-data';
import { isCryptoError } from '../../src/crypto/errors';
import type { CryptoErrorCode } from '../../src/crypto/errors';
import { OID } from '../../src/crypto/oids';
import { concatBytes } from '../../src/lib/bytes';
import {
  encodeRdns,
  generateKeyPair,
  makeCsr,
  PERSON,
  PERSON_NIP,
  SEAL,
  selfSignedFor,
  subjectFor,
} from '../support/certificates';
import type { TestAttribute, TestKeyKind } from '../support/certificates';
import { engines } from '../support/engines';

async function codeOf(fn: () => Promise<unknown>): Promise<CryptoErrorCode | 'no error' | 'other error'> {
  try {
    await fn();
    return 'no error';
  } catch (error) {
    return isCryptoError(error) ? error.code : 'other error';
  }
}

const failed = (checks: readonly CsrCheck[]) => checks.filter((c) => !c.ok);
const one = (attributes: readonly TestAttribute[]) => encodeRdns(attributes.map((a) => [a]));
const replace = (
  data: CertificateEnrollmentData,
  type: string,
  change: Partial<TestAttribute> | null,
): TestAttribute[] =>
  subjectFor(data).flatMap((a) => (a.type !== type ? [a] : change === null ? [] : [{ ...a, ...change }]));

describe.each(engines)('checkCsr ($name)', ({ crypto }) => {
  it('passes a CSR from buildCsr on every check, in a fixed order', async () => {
    const keyPair = await generateKeyPair(crypto, 'EC-P256');
    const checks = await checkCsr(await buildCsr(PERSON_NIP, keyPair, crypto), PERSON_NIP, crypto);
    expect(checks.map((c) => (c.check === 'attribute' ? c.attribute : c.check))).toEqual([
      'signature',
      'signature-algorithm',
      'key-type',
      'one-attribute-per-rdn',
      'commonName',
      'surname',
      'givenName',
      'organizationName',
      'organizationIdentifier',
      'countryName',
      'serialNumber',
      'uniqueIdentifier',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(csrChecksPass(checks)).toBe(true);
    expect(checks[1]).toEqual({ check: 'signature-algorithm', ok: true, actual: 'ecdsa-with-SHA256' });
    expect(checks[2]).toEqual({ check: 'key-type', ok: true, actual: { kind: 'EC', curve: 'P-256' } });
    expect(checks).toContainEqual({
      check: 'attribute',
      attribute: 'organizationName',
      ok: true,
      expected: null,
      actual: null,
      stringType: null,
      expectedStringType: 'UTF8String',
    });
  });

  it('accepts the attributes in another order (the Java SDK puts givenName last)', async () => {
    const keyPair = await generateKeyPair(crypto, 'EC-P256');
    const attributes = subjectFor(PERSON);
    const javaOrder = [
      ...attributes.filter((a) => a.type !== OID.givenName),
      ...attributes.filter((a) => a.type === OID.givenName),
    ];
    expect(failed(await checkCsr(await makeCsr(crypto, keyPair, one(javaOrder)), PERSON, crypto))).toEqual([]);
  });

  it.each<
    [string, CertificateEnrollmentData, (data: CertificateEnrollmentData) => TestAttribute[][], Partial<CsrCheck>[]]
  >([
    [
      'a changed value',
      PERSON,
      (d) => replace(d, OID.commonName, { value: 'ROZA ZOLTOWSKA-SWIECKA' }).map((a) => [a]),
      [
        {
          check: 'attribute',
          attribute: 'commonName',
          expected: PERSON.commonName,
          actual: 'ROZA ZOLTOWSKA-SWIECKA',
          stringType: 'UTF8String',
        },
      ],
    ],
    [
      'a value that differs only by a trailing space',
      SEAL,
      (d) => replace(d, OID.organizationName, { value: `${SEAL.organizationName ?? ''} ` }).map((a) => [a]),
      [{ check: 'attribute', attribute: 'organizationName', actual: `${SEAL.organizationName ?? ''} ` }],
    ],
    [
      'PrintableString where UTF8String is required',
      PERSON_NIP,
      (d) => replace(d, OID.commonName, { stringType: 'PrintableString' }).map((a) => [a]),
      [
        {
          check: 'attribute',
          attribute: 'commonName',
          actual: 'Jan Kowalski',
          stringType: 'PrintableString',
          expectedStringType: 'UTF8String',
        },
      ],
    ],
    [
      'UTF8String where PrintableString is required',
      PERSON,
      (d) => replace(d, OID.countryName, { stringType: 'UTF8String' }).map((a) => [a]),
      [
        {
          check: 'attribute',
          attribute: 'countryName',
          actual: 'PL',
          stringType: 'UTF8String',
          expectedStringType: 'PrintableString',
        },
      ],
    ],
    [
      'a missing attribute',
      PERSON,
      (d) => replace(d, OID.surname, null).map((a) => [a]),
      [{ check: 'attribute', attribute: 'surname', expected: PERSON.surname, actual: null, stringType: null }],
    ],
    [
      'an attribute the data leaves empty',
      SEAL,
      (d) => [...subjectFor(d), { type: OID.uniqueIdentifier, value: 'X' }].map((a) => [a]),
      [{ check: 'attribute', attribute: 'uniqueIdentifier', expected: null, actual: 'X' }],
    ],
    [
      'an extra attribute',
      SEAL,
      (d) => [...subjectFor(d), { type: OID.organizationalUnitName, value: 'Księgowość' }].map((a) => [a]),
      [{ check: 'unexpected-attribute', type: OID.organizationalUnitName, shortName: 'OU', value: 'Księgowość' }],
    ],
    [
      'a second copy of an attribute',
      PERSON,
      (d) => [...subjectFor(d), { type: OID.commonName, value: 'Inny' }].map((a) => [a]),
      [{ check: 'unexpected-attribute', type: OID.commonName, shortName: 'CN', value: 'Inny' }],
    ],
    [
      'two attributes in one RDN',
      PERSON,
      (d) => {
        const [cn, surname, ...rest] = subjectFor(d);
        return [[cn, surname].filter((a) => a !== undefined), ...rest.map((a) => [a])];
      },
      [{ check: 'one-attribute-per-rdn' }],
    ],
  ])('fails exactly the right finding for %s', async (_, data, rdns, expected) => {
    const keyPair = await generateKeyPair(crypto, 'EC-P256');
    const checks = await checkCsr(await makeCsr(crypto, keyPair, encodeRdns(rdns(data))), data, crypto);
    expect(failed(checks)).toMatchObject(expected.map((e) => ({ ...e, ok: false })));
    expect(csrChecksPass(checks)).toBe(false);
  });

  it('fails the signature when a signature byte is flipped', async () => {
    const keyPair = await generateKeyPair(crypto, 'EC-P256');
    const der = await buildCsr(PERSON, keyPair, crypto);
    der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 0x01;
    expect(failed(await checkCsr(der, PERSON, crypto))).toEqual([{ check: 'signature', ok: false, result: 'invalid' }]);
  });

  it('fails the signature and the value when the subject is changed after signing', async () => {
    const keyPair = await generateKeyPair(crypto, 'EC-P256');
    const der = await buildCsr({ ...PERSON_NIP, commonName: 'Jan Kowalsky' }, keyPair, crypto);
    const at = der.indexOf(0x79); // the 'y' of 'Kowalsky', first occurrence is in CN
    der[at] = 0x69; // 'i'
    expect(
      failed(await checkCsr(der, { ...PERSON_NIP, commonName: 'Jan Kowalsky' }, crypto)).map((c) => c.check),
    ).toEqual(['signature', 'attribute']);
  });

  it.each<[TestKeyKind, object]>([
    ['RSA-1024', { kind: 'RSA', modulusBits: 1024 }],
    ['EC-P384', { kind: 'EC', curve: 'P-384' }],
  ])('fails key-type for a %s key, and only that', async (kind, actual) => {
    const keyPair = await generateKeyPair(crypto, kind);
    const checks = await checkCsr(await makeCsr(crypto, keyPair, one(subjectFor(PERSON))), PERSON, crypto);
    expect(failed(checks)).toEqual([{ check: 'key-type', ok: false, actual }]);
  });

  it('passes an RSA 2048 request signed with sha256WithRSAEncryption', async () => {
    const keyPair = await generateKeyPair(crypto, 'RSA-2048');
    const checks = await checkCsr(await makeCsr(crypto, keyPair, one(subjectFor(SEAL))), SEAL, crypto);
    expect(failed(checks)).toEqual([]);
    expect(checks[1]).toEqual({ check: 'signature-algorithm', ok: true, actual: 'sha256WithRSAEncryption' });
  });

  it('reports ecdsa-with-SHA256 with a NULL parameter (RFC 5758; ksef-api#655)', async () => {
    const keyPair = await generateKeyPair(crypto, 'EC-P256');
    const der = await makeCsr(crypto, keyPair, one(subjectFor(PERSON)), { ecdsaNullParameters: true });
    expect(failed(await checkCsr(der, PERSON, crypto))).toEqual([
      { check: 'signature-algorithm', ok: false, actual: 'ecdsa-with-SHA256 + NULL' },
    ]);
  });

  it('throws corrupt-file for bytes that are not one CertificationRequest', async () => {
    const keyPair = await generateKeyPair(crypto, 'EC-P256');
    const der = await buildCsr(PERSON, keyPair, crypto);
    const certificate = await selfSignedFor(crypto, keyPair);
    for (const bytes of [
      der.subarray(0, der.length - 1),
      concatBytes(der, Uint8Array.of(0)),
      certificate,
      new Uint8Array(0),
    ]) {
      expect(await codeOf(() => checkCsr(bytes, PERSON, crypto))).toBe('corrupt-file');
    }
  });

  it('reports no finding as passed for an empty list', () => {
    expect(csrChecksPass([])).toBe(false);
  });
});
