import { describe, expect, it } from 'vitest';
import { readCertificate, readCertificates } from '../../src/crypto/certificate-reader';
import { isCryptoError } from '../../src/crypto/errors';
import type { CryptoErrorCode } from '../../src/crypto/errors';
import { classifyCertificate } from '../../src/crypto/ksef-profile';
import { OID } from '../../src/crypto/oids';
import { encodePem, parsePem } from '../../src/crypto/pem';
import { concatBytes, fromBase64, toBase64 } from '../../src/lib/bytes';
import authCsrPem from '../fixtures/certs/auth-ec.csr.pem?raw';
import authEncryptedKeyPem from '../fixtures/certs/auth-ec.enc.key?raw';
import authKeyPem from '../fixtures/certs/auth-ec.key?raw';
import authP12Base64 from '../fixtures/certs/auth-ec.p12.b64?raw';
import authPem from '../fixtures/certs/auth-ec.pem?raw';
import authSec1Pem from '../fixtures/certs/auth-ec.sec1.key?raw';
import chainPem from '../fixtures/certs/chain.pem?raw';
import compressedPem from '../fixtures/certs/compressed-p256.pem?raw';
import expected from '../fixtures/certs/expected.json';
import offlinePem from '../fixtures/certs/offline-ec.pem?raw';
import p384Pem from '../fixtures/certs/self-signed-p384.pem?raw';
import rsaPkcs1Pem from '../fixtures/certs/self-signed-rsa.pkcs1.key?raw';
import rsaPem from '../fixtures/certs/self-signed-rsa.pem?raw';
import caPem from '../fixtures/certs/test-ca.pem?raw';
import { encodeRdns, generateKeyPair, makeCertificate } from '../support/certificates';
import { engines } from '../support/engines';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const derOf = (pem: string): Uint8Array => {
  const [block] = parsePem(pem);
  if (!block) throw new Error('fixture has no PEM block');
  return block.der;
};

async function codeOf(fn: () => Promise<unknown>): Promise<CryptoErrorCode | 'no error' | 'other error'> {
  try {
    await fn();
    return 'no error';
  } catch (error) {
    return isCryptoError(error) ? error.code : 'other error';
  }
}

const TEST_CA = 'CN=TEST CCK KSeF, OU=Krajowa Administracja Skarbowa, O=Ministerstwo Finansów, C=PL';

const FIXTURES = [
  {
    name: 'auth-ec',
    pem: authPem,
    summary: {
      subjectText:
        'CN=RÓŻA ŻÓŁTOWSKA-ŚWIĘCKA (uwierzytelnienie), givenName=RÓŻA, surname=ŻÓŁTOWSKA-ŚWIĘCKA, serialNumber=PNOPL-80010112345, C=PL',
      issuerText: TEST_CA,
      ownerName: 'RÓŻA ŻÓŁTOWSKA-ŚWIĘCKA',
      keyType: { kind: 'EC', curve: 'P-256' },
      selfSigned: false,
      keyUsage: ['digitalSignature'],
      // TEST CCK KSeF without a CRL distribution point: TEST and DEMO share the issuer.
      kind: { kind: 'ksef', purpose: 'Authentication', environment: 'test-or-demo' },
    },
  },
  {
    name: 'offline-ec',
    pem: offlinePem,
    summary: {
      subjectText:
        'CN=SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ (offline), O=SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ, organizationIdentifier=VATPL-6381853612 NTRPL-0001040934 BR:PL-525516467, C=PL',
      issuerText: TEST_CA,
      ownerName: 'SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ',
      keyType: { kind: 'EC', curve: 'P-256' },
      selfSigned: false,
      keyUsage: ['nonRepudiation'],
      kind: { kind: 'ksef', purpose: 'Offline', environment: 'test-or-demo' },
    },
  },
  {
    name: 'test-ca',
    pem: caPem,
    summary: {
      subjectText: TEST_CA,
      issuerText: TEST_CA,
      ownerName: 'TEST CCK KSeF',
      keyType: { kind: 'EC', curve: 'P-256' },
      selfSigned: true,
      keyUsage: ['keyCertSign', 'cRLSign'],
      kind: { kind: 'not-ksef', what: 'certificate-authority' },
    },
  },
  {
    name: 'self-signed-rsa',
    pem: rsaPem,
    summary: {
      subjectText: 'C=PL, serialNumber=TINPL-6381853612, CN=Jan Kowalski',
      issuerText: 'C=PL, serialNumber=TINPL-6381853612, CN=Jan Kowalski',
      ownerName: 'Jan Kowalski',
      keyType: { kind: 'RSA', modulusBits: 2048 },
      selfSigned: true,
      keyUsage: [],
      kind: { kind: 'not-ksef', what: 'self-signed' },
    },
  },
  {
    name: 'self-signed-p384',
    pem: p384Pem,
    summary: {
      subjectText: 'CN=P-384 test',
      issuerText: 'CN=P-384 test',
      ownerName: 'P-384 test',
      keyType: { kind: 'EC', curve: 'P-384' },
      selfSigned: true,
      keyUsage: ['digitalSignature'],
      // digitalSignature alone made it "Authentication" before; no KSeF issuer or suffix, so it is not KSeF.
      kind: { kind: 'not-ksef', what: 'self-signed' },
    },
  },
  {
    name: 'compressed-p256',
    pem: compressedPem,
    summary: {
      subjectText: 'CN=Compressed point',
      issuerText: 'CN=Compressed point',
      ownerName: 'Compressed point',
      keyType: { kind: 'EC', curve: 'P-256' },
      selfSigned: true,
      keyUsage: [],
      kind: { kind: 'not-ksef', what: 'self-signed' },
    },
  },
] as const;

describe.each(engines)('readCertificates ($name)', ({ crypto }) => {
  it.each(FIXTURES)('summarises $name as openssl describes it', async ({ name, pem, summary }) => {
    const oracle = expected[name];
    const notBefore = new Date(oracle.notBefore);
    const [read] = await readCertificates(text(pem), notBefore, crypto);
    if (read === undefined) throw new Error('nothing read');
    expect({ ...read, kind: classifyCertificate(read) }).toMatchObject({
      ...summary,
      serialHex: oracle.serial,
      sha256Fingerprint: oracle.sha256Fingerprint,
      notBefore,
      notAfter: new Date(oracle.notAfter),
      validity: 'valid',
      der: derOf(pem),
    });
    expect(read?.daysRemaining).toBe(
      Math.round((Date.parse(oracle.notAfter) - Date.parse(oracle.notBefore)) / 86_400_000),
    );
  });

  it('reads the same certificate from PEM, DER and bare base64 (what KSeF returns)', async () => {
    const der = derOf(authPem);
    const now = new Date(expected['auth-ec'].notBefore);
    const fromPem = await readCertificate(text(authPem), now, crypto);
    expect(await readCertificate(der, now, crypto)).toEqual(fromPem);
    expect(await readCertificate(text(toBase64(der)), now, crypto)).toEqual(fromPem);
    expect(await readCertificate(text(encodePem('X509 CERTIFICATE', der)), now, crypto)).toEqual(fromPem);
    // OpenSSL's TRUSTED CERTIFICATE: the certificate followed by trust settings.
    const trusted = encodePem('TRUSTED CERTIFICATE', concatBytes(der, Uint8Array.of(0x30, 0x00)));
    expect(await readCertificate(text(trusted), now, crypto)).toEqual(fromPem);
    expect(fromPem.subject.map((a) => [a.type, a.value])).toEqual([
      [OID.countryName, 'PL'],
      [OID.serialNumber, 'PNOPL-80010112345'],
      [OID.surname, 'ŻÓŁTOWSKA-ŚWIĘCKA'],
      [OID.givenName, 'RÓŻA'],
      [OID.commonName, 'RÓŻA ŻÓŁTOWSKA-ŚWIĘCKA (uwierzytelnienie)'],
    ]);
  });

  it('reads every certificate of a chain, leaf first', async () => {
    const chain = await readCertificates(text(chainPem), new Date(), crypto);
    expect(chain.map((c) => c.serialHex)).toEqual([expected['auth-ec'].serial, expected['test-ca'].serial]);
    expect((await readCertificate(text(chainPem), new Date(), crypto)).serialHex).toBe(expected['auth-ec'].serial);
    // A key next to the certificate in one PEM file is ignored.
    expect(await readCertificates(text(authKeyPem + authPem), new Date(), crypto)).toHaveLength(1);
  });

  it('counts whole days and tells validity from now', async () => {
    const notBefore = Date.parse(expected['auth-ec'].notBefore);
    const notAfter = Date.parse(expected['auth-ec'].notAfter);
    const at = async (ms: number) => {
      const c = await readCertificate(text(authPem), new Date(ms), crypto);
      return [c.validity, c.daysRemaining];
    };
    expect(await at(notBefore - 1)).toEqual(['not-yet-valid', 730]);
    expect(await at(notBefore)).toEqual(['valid', 730]);
    expect(await at(notBefore + 1)).toEqual(['valid', 729]);
    expect(await at(notAfter)).toEqual(['valid', 0]);
    expect(await at(notAfter + 1)).toEqual(['expired', -1]);
    expect(await at(notAfter + 3 * 86_400_000)).toEqual(['expired', -3]);
  });

  it.each([
    ['empty', new Uint8Array(0), 'empty-file'],
    ['PKCS#8 PEM', text(authKeyPem), 'key-not-certificate'],
    ['encrypted PKCS#8 PEM', text(authEncryptedKeyPem), 'key-not-certificate'],
    ['SEC1 PEM', text(authSec1Pem), 'key-not-certificate'],
    ['PKCS#1 PEM', text(rsaPkcs1Pem), 'key-not-certificate'],
    ['PKCS#8 DER', derOf(authKeyPem), 'key-not-certificate'],
    ['encrypted PKCS#8 DER', derOf(authEncryptedKeyPem), 'key-not-certificate'],
    ['SEC1 DER', derOf(authSec1Pem), 'key-not-certificate'],
    ['PKCS#1 DER', derOf(rsaPkcs1Pem), 'key-not-certificate'],
    ['PFX DER', fromBase64(authP12Base64) ?? new Uint8Array(0), 'key-not-certificate'],
    ['PFX as base64 text', text(authP12Base64), 'key-not-certificate'],
    ['CSR PEM', text(authCsrPem), 'csr-not-certificate'],
    ['CSR DER', derOf(authCsrPem), 'csr-not-certificate'],
    ['truncated DER', derOf(authPem).subarray(0, 200), 'corrupt-file'],
    ['DER with a byte after it', concatBytes(derOf(authPem), Uint8Array.of(0)), 'corrupt-file'],
    ['PEM without END', text(authPem.replace('-----END CERTIFICATE-----', '')), 'corrupt-file'],
    ['PEM with broken base64', text(authPem.replace(/\n[A-Za-z0-9+/]{10}/, '\n**********')), 'corrupt-file'],
    ['a key in a CERTIFICATE block', text(encodePem('CERTIFICATE', derOf(authKeyPem))), 'corrupt-file'],
    ['a SEQUENCE of nothing we know', Uint8Array.of(0x30, 0x03, 0x01, 0x01, 0xff), 'unrecognized-file'],
    ['PEM with only a public key', text(encodePem('PUBLIC KEY', Uint8Array.of(0x30, 0x00))), 'unrecognized-file'],
    ['plain text', text('To nie jest certyfikat.'), 'unrecognized-file'],
  ])('rejects %s with %s', async (_, bytes, code) => {
    expect(await codeOf(() => readCertificates(bytes, new Date(), crypto))).toBe(code);
  });

  it('says not self-signed when a self-issued certificate does not verify with its own key', async () => {
    const der = Uint8Array.from(derOf(p384Pem));
    der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 0x01;
    expect((await readCertificate(der, new Date(), crypto)).selfSigned).toBe(false);
  });

  it.each([
    [
      'TEST CCK KSeF',
      0x80,
      'Ala (uwierzytelnienie)',
      { kind: 'ksef', purpose: 'Authentication', environment: 'test-or-demo' },
      'Ala',
    ],
    ['CCK KSeF', 0x40, 'Firma (offline)', { kind: 'ksef', purpose: 'Offline', environment: 'prod' }, 'Firma'],
    ['SANDBOX CCK KSeF', 0x80, 'Ala', { kind: 'ksef', purpose: 'Authentication', environment: 'sandbox' }, 'Ala'],
    ['CCK KSeF', 0x40, 'Ala (uwierzytelnienie)', { kind: 'not-ksef', what: 'other' }, 'Ala'],
    ['Some Other CA', 0x20, 'Ala', { kind: 'not-ksef', what: 'encryption' }, 'Ala'],
  ] as const)('tells issuer %s, keyUsage %i, CN %s apart', async (issuerCn, keyUsage, cn, kind, owner) => {
    const subjectKeys = await generateKeyPair(crypto, 'EC-P256');
    const issuerKeys = await generateKeyPair(crypto, 'EC-P256');
    const der = await makeCertificate(
      crypto,
      {
        subject: encodeRdns([
          [{ type: OID.countryName, value: 'PL', stringType: 'PrintableString' }],
          [{ type: OID.commonName, value: cn }],
        ]),
        issuer: encodeRdns([[{ type: OID.commonName, value: issuerCn }]]),
        spki: new Uint8Array(await crypto.subtle.exportKey('spki', subjectKeys.publicKey)),
        signer: issuerKeys.privateKey,
        serial: Uint8Array.of(0x00, 0x80, 1, 2, 3, 4, 5, 6, 7),
        notBefore: new Date('2026-01-01T00:00:00Z'),
        notAfter: new Date('2028-01-01T00:00:00Z'),
        keyUsage,
      },
      { ecdsaNullParameters: true }, // as the KSeF CA signs (docs/ksef-contract.md §7)
    );
    const summary = await readCertificate(der, new Date('2027-01-01T00:00:00Z'), crypto);
    expect(classifyCertificate(summary)).toEqual(kind);
    expect(summary).toMatchObject({
      ownerName: owner,
      serialHex: '8001020304050607',
      daysRemaining: 365,
    });
  });
});
