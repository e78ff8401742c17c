import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { type CryptoErrorCode, CryptoError } from '../../src/crypto/errors';
import { generateKeyPair, toNonExtractable } from '../../src/crypto/keys';
import { OID } from '../../src/crypto/oids';
import { parsePem } from '../../src/crypto/pem';
import { buildPfx, readPfx } from '../../src/crypto/pkcs12';
import { LEGACY_PFX_CONVERSION_HINT } from '../../src/crypto/pkcs12-structures';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { asn1Shape } from '../support/asn1-shape';
import { engines } from '../support/engines';
import { FIXTURE_PASSWORD, expectedSpki, fixture, fixtureText } from '../support/key-fixtures';

function certificateDer(name: string): Uint8Array {
  const [block] = parsePem(fixtureText(name));
  if (block === undefined) throw new Error(`no PEM in ${name}`);
  return block.der;
}

async function codeOf(promise: Promise<unknown>): Promise<CryptoErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  throw new Error('expected a CryptoError');
}

const EC_CERT = (): Uint8Array => certificateDer('ec-p256.cert.pem');
const RSA_CERT = (): Uint8Array => certificateDer('rsa-2048.cert.pem');
const CA_CERT = (): Uint8Array => certificateDer('ca.cert.pem');

describe.each(engines)('readPfx ($name)', ({ crypto }) => {
  it.each([
    { file: 'ec-p256.openssl3.p12', password: FIXTURE_PASSWORD, key: 'ec-p256', certificates: [EC_CERT] },
    { file: 'rsa-2048.chain.p12', password: FIXTURE_PASSWORD, key: 'rsa-2048', certificates: [RSA_CERT, CA_CERT] },
    { file: 'ec-p256.mac-sha1.p12', password: FIXTURE_PASSWORD, key: 'ec-p256', certificates: [EC_CERT] },
    { file: 'ec-p256.mac-sha384.p12', password: FIXTURE_PASSWORD, key: 'ec-p256', certificates: [EC_CERT] },
    { file: 'ec-p256.mac-sha512.p12', password: FIXTURE_PASSWORD, key: 'ec-p256', certificates: [EC_CERT] },
    { file: 'ec-p256.plain-bags.p12', password: FIXTURE_PASSWORD, key: 'ec-p256', certificates: [EC_CERT] },
    { file: 'ec-p256.unprotected.p12', password: undefined, key: 'ec-p256', certificates: [EC_CERT] },
    { file: 'ec-p256.empty-password.p12', password: '', key: 'ec-p256', certificates: [EC_CERT] },
    // PKCS#12 PBE: 3DES key bag, RC2-40 certificates, SHA-1 MAC (openssl -legacy, .NET, Windows).
    { file: 'ec-p256.legacy.p12', password: FIXTURE_PASSWORD, key: 'ec-p256', certificates: [EC_CERT] },
    { file: 'ec-p256.legacy-empty-password.p12', password: '', key: 'ec-p256', certificates: [EC_CERT] },
    { file: 'rsa-2048.dotnet.p12', password: FIXTURE_PASSWORD, key: 'rsa-2048', certificates: [RSA_CERT, CA_CERT] },
    { file: 'ec-p256.pbe-sha1-2des-rc2-128.p12', password: FIXTURE_PASSWORD, key: 'ec-p256', certificates: [EC_CERT] },
    { file: 'ec-p256.pbes2-3des.p12', password: FIXTURE_PASSWORD, key: 'ec-p256', certificates: [EC_CERT] },
  ])('reads $file made by OpenSSL', async ({ file, password, key, certificates }) => {
    const pfx = await readPfx(fixture(file), password, crypto);
    expect(pfx.key.source).toBe('pkcs12');
    expect(pfx.key.spki).toEqual(expectedSpki(key));
    expect(pfx.key.privateKey.extractable).toBe(true);
    expect(pfx.certificates).toEqual(certificates.map((certificate) => certificate()));
  });

  it.each<{ name: string; bytes: () => Uint8Array; password: string | undefined; code: CryptoErrorCode }>([
    {
      name: 'RC4 (OpenSSL -legacy -keypbe PBE-SHA1-RC4-128)',
      bytes: () => fixture('ec-p256.pbe-sha1-rc4.p12'),
      password: FIXTURE_PASSWORD,
      code: 'legacy-pfx-encryption',
    },
    {
      name: 'RC4 without password',
      bytes: () => fixture('ec-p256.pbe-sha1-rc4.p12'),
      password: undefined,
      code: 'legacy-pfx-encryption',
    },
    {
      name: 'OpenSSL -legacy without password',
      bytes: () => fixture('ec-p256.legacy.p12'),
      password: undefined,
      code: 'password-required',
    },
    {
      name: 'OpenSSL -legacy with a wrong password',
      bytes: () => fixture('ec-p256.legacy.p12'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'OpenSSL -legacy with an empty password it was not saved with',
      bytes: () => fixture('ec-p256.legacy.p12'),
      password: '',
      code: 'wrong-password',
    },
    {
      name: 'an empty-password legacy PFX with a password',
      bytes: () => fixture('ec-p256.legacy-empty-password.p12'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'certificates only',
      bytes: () => fixture('ec-p256.cert-only.p12'),
      password: FIXTURE_PASSWORD,
      code: 'pfx-without-key',
    },
    {
      name: 'a wrong password',
      bytes: () => fixture('ec-p256.openssl3.p12'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'a wrong password (SHA-1 MAC)',
      bytes: () => fixture('ec-p256.mac-sha1.p12'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'no password',
      bytes: () => fixture('ec-p256.openssl3.p12'),
      password: undefined,
      code: 'password-required',
    },
    {
      name: 'no password for an empty-password PFX',
      bytes: () => fixture('ec-p256.empty-password.p12'),
      password: undefined,
      code: 'password-required',
    },
    {
      name: 'a PKCS#8 key',
      bytes: () => fixture('ec-p256.pkcs8.der'),
      password: FIXTURE_PASSWORD,
      code: 'unrecognized-file',
    },
    {
      name: 'a truncated PFX',
      bytes: () => fixture('ec-p256.openssl3.p12').slice(0, 700),
      password: FIXTURE_PASSWORD,
      code: 'corrupt-file',
    },
    { name: 'an empty file', bytes: () => new Uint8Array(0), password: FIXTURE_PASSWORD, code: 'empty-file' },
  ])('rejects $name with $code', async ({ bytes, password, code }) => {
    expect(await codeOf(readPfx(bytes(), password, crypto))).toBe(code);
  });

  it('names the re-export command for files it cannot read', async () => {
    const error = await readPfx(fixture('ec-p256.pbe-sha1-rc4.p12'), FIXTURE_PASSWORD, crypto).catch((e: unknown) => e);
    expect(String(error)).toContain(LEGACY_PFX_CONVERSION_HINT);
  });
});

describe.each(engines)('buildPfx ($name)', ({ crypto }) => {
  // One build and one read per engine: three 100 000-iteration derivations each (two PBKDF2, the MAC).
  // Wrong passwords are tested on OpenSSL's files.
  it('builds a strict-DER PFX that reads back with its key, certificate and chain', async () => {
    const key = await readPrivateKey(fixture('rsa-2048.pkcs8.pem'), undefined, crypto);
    const password = 'Hasło PFX 2025!';
    const der = await buildPfx(
      {
        privateKey: key.privateKey,
        certificate: RSA_CERT(),
        chain: [CA_CERT()],
        friendlyName: 'Certyfikat KSeF – Zażółć',
        password,
      },
      crypto,
    );
    // DER: asn1js re-encodes the parsed tree to the same bytes (definite lengths, primitive strings).
    expect(new Uint8Array(asn1js.fromBER(der, { parseEmbedded: false }).result.toBER())).toEqual(der);
    const shape = asn1Shape(der);
    expect(shape[1]).toBe('1 1:2 l=1 3');
    // MacData: HMAC-SHA256 (DigestInfo with NULL, as OpenSSL writes it), a 16-byte salt, 100 000 iterations.
    expect(shape.slice(-8)).toEqual([
      '1 1:16 cons l=74',
      '2 1:16 cons l=49',
      '3 1:16 cons l=13',
      `4 1:6 l=9 ${OID.sha256}`,
      '4 1:5 l=0 NULL',
      '3 1:4 l=32',
      '2 1:4 l=16',
      '2 1:2 l=3 100000',
    ]);

    const pfx = await readPfx(der, password, crypto);
    expect(pfx.key.spki).toEqual(key.spki);
    expect(pfx.certificates).toEqual([RSA_CERT(), CA_CERT()]);
  });

  it('refuses what it cannot build', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EC-P256', crypto);
    const ecKey = (await readPrivateKey(fixture('ec-p256.pkcs8.pem'), undefined, crypto)).privateKey;
    const locked = await toNonExtractable(ecKey, crypto);
    const base = { privateKey: ecKey, certificate: EC_CERT(), friendlyName: 'KSeF', password: 'secret' };
    for (const options of [
      { ...base, password: '' },
      { ...base, friendlyName: '' },
      { ...base, friendlyName: 'emoji 😀' },
      { ...base, privateKey: publicKey },
      { ...base, privateKey: locked },
      { ...base, certificate: fixture('ec-p256.csr.der') },
      { ...base, chain: [new Uint8Array([0x30, 0x00])] },
      { ...base, privateKey },
      { ...base, certificate: RSA_CERT() },
    ]) {
      expect(await codeOf(buildPfx(options, crypto))).toBe('invalid-argument');
    }
  });
});
