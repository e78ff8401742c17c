import * as asn1js from 'asn1js';
import { CertificationRequest } from 'pkijs';
import { describe, expect, it } from 'vitest';
import { buildCsr, csrToBase64, csrToPem } from '../../src/crypto/csr';
import { checkCsr, csrChecksPass } from '../../src/crypto/check-csr';
import { encodeName } from '../../src/crypto/distinguished-name';
import type { CertificateEnrollmentData } from '../../src/crypto/enrollment-data';
import { isCryptoError } from '../../src/crypto/errors';
import type { CryptoErrorCode } from '../../src/crypto/errors';
import { OID } from '../../src/crypto/oids';
import { parsePem } from '../../src/crypto/pem';
import { fromBase64, toHex } from '../../src/lib/bytes';
import { encodeRdns, generateKeyPair, PERSON, PERSON_NIP, SEAL, SEAL_UID, subjectFor } from '../support/certificates';
import { engines } from '../support/engines';

async function codeOf(fn: () => Promise<unknown>): Promise<CryptoErrorCode | 'no error' | 'other error'> {
  try {
    await fn();
    return 'no error';
  } catch (error) {
    return isCryptoError(error) ? error.code : 'other error';
  }
}

const DATA: [string, CertificateEnrollmentData][] = [
  ['person', PERSON],
  ['person with uniqueIdentifier', PERSON_NIP],
  ['seal', SEAL],
  ['seal with uniqueIdentifier', SEAL_UID],
];

describe.each(engines)('buildCsr ($name)', ({ crypto }) => {
  it.each(['EC-P256', 'RSA-2048'] as const)('builds an RFC 2986 request for a %s key', async (kind) => {
    const keyPair = await generateKeyPair(crypto, kind);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
    for (const [, data] of DATA) {
      const der = await buildCsr(data, keyPair, crypto);
      const csr = new CertificationRequest({ schema: asn1js.fromBER(der).result });
      expect(csr.version).toBe(0);
      expect(toHex(encodeName(csr.subject))).toBe(toHex(encodeRdns(subjectFor(data).map((a) => [a]))));
      expect(toHex(new Uint8Array(csr.subjectPublicKeyInfo.toSchema().toBER()))).toBe(toHex(spki));
      expect(csr.attributes ?? []).toEqual([]);
      // CertificationRequestInfo ends with the empty [0] attributes.
      expect(toHex(csr.tbsView.subarray(-2))).toBe('A000');
      const params: unknown = csr.signatureAlgorithm.algorithmParams;
      if (kind === 'EC-P256') {
        expect(csr.signatureAlgorithm.algorithmId).toBe(OID.ecdsaWithSha256);
        expect(params).toBeUndefined();
      } else {
        expect(csr.signatureAlgorithm.algorithmId).toBe(OID.sha256WithRsaEncryption);
        expect(params).toBeInstanceOf(asn1js.Null);
      }
      const checks = await checkCsr(der, data, crypto);
      expect(checks.filter((c) => !c.ok)).toEqual([]);
      expect(csrChecksPass(checks)).toBe(true);
    }
  });

  it.each([
    ['EC P-384', { name: 'ECDSA', namedCurve: 'P-384' }],
    ['EC P-521', { name: 'ECDSA', namedCurve: 'P-521' }],
    [
      'RSA 1024',
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    ],
    [
      'RSA 2048 with SHA-384',
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-384' },
    ],
    [
      'RSA-PSS 2048',
      { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    ],
  ] satisfies [string, EcKeyGenParams | RsaHashedKeyGenParams][])(
    'refuses a %s key with invalid-argument',
    async (_, params) => {
      const keyPair = await crypto.subtle.generateKey(params, false, ['sign', 'verify']);
      expect(await codeOf(() => buildCsr(PERSON, keyPair, crypto))).toBe('invalid-argument');
    },
  );

  it('refuses a pair whose halves are of different algorithms, or a private key that cannot sign', async () => {
    const ec = await generateKeyPair(crypto, 'EC-P256');
    const rsa = await generateKeyPair(crypto, 'RSA-2048');
    expect(await codeOf(() => buildCsr(PERSON, { publicKey: ec.publicKey, privateKey: rsa.privateKey }, crypto))).toBe(
      'invalid-argument',
    );
    expect(await codeOf(() => buildCsr(PERSON, { publicKey: ec.publicKey, privateKey: ec.publicKey }, crypto))).toBe(
      'invalid-argument',
    );
  });

  it('passes on invalid-enrollment-data', async () => {
    const keyPair = await generateKeyPair(crypto, 'EC-P256');
    expect(await codeOf(() => buildCsr({ commonName: '', countryName: 'PL' }, keyPair, crypto))).toBe(
      'invalid-enrollment-data',
    );
  });

  it('signs each request afresh (ECDSA is randomised) over the same body', async () => {
    const keyPair = await generateKeyPair(crypto, 'EC-P256');
    const [a, b] = [await buildCsr(PERSON, keyPair, crypto), await buildCsr(PERSON, keyPair, crypto)];
    const tbs = (der: Uint8Array) => toHex(new CertificationRequest({ schema: asn1js.fromBER(der).result }).tbsView);
    expect(tbs(a)).toBe(tbs(b));
  });
});

describe('csrToBase64 / csrToPem', () => {
  const der = Uint8Array.from({ length: 300 }, (_, i) => (i * 31) & 0xff);

  it('gives base64 without line breaks, as EnrollCertificateRequest.csr wants', () => {
    const text = csrToBase64(der);
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(fromBase64(text)).toEqual(der);
  });

  it('gives a CERTIFICATE REQUEST PEM that reads back', () => {
    const pem = csrToPem(der);
    expect(pem.startsWith('-----BEGIN CERTIFICATE REQUEST-----\n')).toBe(true);
    const [block] = parsePem(pem);
    expect(block?.label).toBe('CERTIFICATE REQUEST');
    expect(block?.der).toEqual(der);
  });
});
