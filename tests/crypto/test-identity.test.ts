import { describe, expect, it } from 'vitest';
import { Parse, SignedXml } from 'xadesjs';
import { readCertificate } from '../../src/crypto/certificate-reader';
import { isCryptoError } from '../../src/crypto/errors';
import { checkExternalSignature } from '../../src/crypto/external-signature';
import { OID } from '../../src/crypto/oids';
import { createTestIdentity, type TestIdentityInput } from '../../src/crypto/test-identity';
import { signAuthTokenRequest } from '../../src/crypto/xades-sign';
import { engines } from '../support/engines';
import { CHALLENGE, UNSIGNED } from '../support/xades-signers';
import { installNodeXmlDom } from '../support/xml-dom';

installNodeXmlDom();

const NOW = new Date('2025-11-20T10:15:30.500Z');
const PERSON_NIP: TestIdentityInput = {
  kind: 'person',
  givenName: 'Żaneta',
  surname: 'Gąsienica-Łęcka',
  nip: '5265877635',
};
const PERSON_PESEL: TestIdentityInput = {
  kind: 'person',
  givenName: 'Jan',
  surname: 'Kowalski',
  pesel: '44051401359',
  commonName: 'Jan K.',
};
const SEAL: TestIdentityInput = { kind: 'seal', organizationName: 'Spółka Testowa sp. z o.o.', nip: '7771590836' };

const subjectOf = async (certificate: Uint8Array, crypto: Crypto): Promise<[string, string][]> =>
  (await readCertificate(certificate, NOW, crypto)).subject.map((a) => [a.type, a.value]);

describe.each(engines)('createTestIdentity ($name)', ({ crypto }) => {
  it.each([
    [
      'a person with a NIP',
      PERSON_NIP,
      [
        [OID.commonName, 'Żaneta Gąsienica-Łęcka'],
        [OID.surname, 'Gąsienica-Łęcka'],
        [OID.givenName, 'Żaneta'],
        [OID.countryName, 'PL'],
        [OID.serialNumber, 'TINPL-5265877635'],
      ],
    ],
    [
      'a person with a PESEL',
      PERSON_PESEL,
      [
        [OID.commonName, 'Jan K.'],
        [OID.surname, 'Kowalski'],
        [OID.givenName, 'Jan'],
        [OID.countryName, 'PL'],
        [OID.serialNumber, 'PNOPL-44051401359'],
      ],
    ],
    [
      'a seal',
      SEAL,
      [
        [OID.commonName, 'Spółka Testowa sp. z o.o.'],
        [OID.organizationName, 'Spółka Testowa sp. z o.o.'],
        [OID.organizationIdentifier, 'VATPL-7771590836'],
        [OID.countryName, 'PL'],
      ],
    ],
  ] as const)('makes %s: self-signed, KSeF TEST profile', async (_what, input, subject) => {
    const { keyPair, certificate } = await createTestIdentity(input, { now: () => NOW }, crypto);
    const summary = await readCertificate(certificate, NOW, crypto);
    expect(summary.selfSigned).toBe(true);
    expect(await subjectOf(certificate, crypto)).toEqual(subject);
    expect(summary.issuerText).toBe(summary.subjectText);
    expect(summary.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(summary.notBefore.toISOString()).toBe('2025-11-20T09:15:30.000Z');
    expect(summary.notAfter.toISOString()).toBe('2027-11-20T10:15:30.000Z');
    expect(summary.serialHex).toMatch(/^[0-7][0-9A-F]{15}$/);
    expect(summary.serialHex).not.toMatch(/^00/);
    expect(summary.keyType).toEqual({ kind: 'EC', curve: 'P-256' });
    expect(keyPair.privateKey.extractable).toBe(true);
  });

  it('makes an RSA 2048 identity on request, with a fresh serial each time', async () => {
    const first = await createTestIdentity(SEAL, { algorithm: 'RSA-2048' }, crypto);
    const second = await createTestIdentity(SEAL, {}, crypto);
    const [a, b] = await Promise.all([
      readCertificate(first.certificate, new Date(), crypto),
      readCertificate(second.certificate, new Date(), crypto),
    ]);
    expect(a.keyType).toEqual({ kind: 'RSA', modulusBits: 2048 });
    expect(a.serialHex).not.toBe(b.serialHex);
  });

  it('signs a sign-in request that verifies and passes the external-file checks', async () => {
    const { keyPair, certificate } = await createTestIdentity(PERSON_NIP, {}, crypto);
    const signed = await signAuthTokenRequest(UNSIGNED, { privateKey: keyPair.privateKey, certificate }, {}, crypto);
    const document = Parse(signed);
    const verifier = new SignedXml(document);
    const signature = document.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0];
    if (signature === undefined) throw new Error('no signature');
    verifier.LoadXml(signature);
    expect(await verifier.Verify()).toBe(true);
    const check = checkExternalSignature(new TextEncoder().encode(signed), {
      challenge: CHALLENGE,
      challengeIssuedAt: new Date(),
    });
    expect(check.signerSubject).toBe(
      'CN=Żaneta Gąsienica-Łęcka, surname=Gąsienica-Łęcka, givenName=Żaneta, C=PL, serialNumber=TINPL-5265877635'
        .split(', ')
        .reverse()
        .join(', '),
    );
  });

  it.each<[string, string, TestIdentityInput]>([
    ['a NIP with a bad check digit', 'invalid-nip', { ...PERSON_NIP, nip: '5265877636' }],
    ['a seal NIP with a bad check digit', 'invalid-nip', { ...SEAL, nip: '7771590837' }],
    [
      'a PESEL with an impossible date',
      'invalid-pesel',
      { kind: 'person', givenName: 'Jan', surname: 'Kowalski', pesel: '02222901233' },
    ],
    ['both NIP and PESEL', 'invalid-argument', { ...PERSON_NIP, pesel: '44051401359' }],
    ['neither NIP nor PESEL', 'invalid-argument', { kind: 'person', givenName: 'Jan', surname: 'Kowalski' }],
    ['an empty given name', 'invalid-argument', { ...PERSON_NIP, givenName: ' ' }],
    ['an empty organisation name', 'invalid-argument', { ...SEAL, organizationName: '' }],
  ])('refuses %s with %s', async (_why, code, input) => {
    const error = await createTestIdentity(input, {}, crypto).catch((e: unknown) => e);
    expect(isCryptoError(error)).toBe(true);
    expect(error).toMatchObject({ code });
  });
});
