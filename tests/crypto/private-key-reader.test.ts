import { describe, expect, it } from 'vitest';
import { signingParams } from '../../src/crypto/algorithms';
import { type CryptoErrorCode, CryptoError } from '../../src/crypto/errors';
import type { KeyType, PrivateKeySource } from '../../src/crypto/key-type';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { engines } from '../support/engines';
import {
  FIXTURE_PASSWORD,
  TAXPAYER_SAMPLE_PASSWORD,
  expectedSpki,
  fixture,
  fixtureText,
} from '../support/key-fixtures';

const P256: KeyType = { kind: 'EC', curve: 'P-256' };
const P384: KeyType = { kind: 'EC', curve: 'P-384' };
const P521: KeyType = { kind: 'EC', curve: 'P-521' };
const RSA2048: KeyType = { kind: 'RSA', modulusBits: 2048 };
const RSA3072: KeyType = { kind: 'RSA', modulusBits: 3072 };

/** Every supported format, with the key it holds (`<key>.pub.pem` has its public key from openssl). */
const READABLE: readonly {
  file: string;
  key: string;
  keyType: KeyType;
  source: PrivateKeySource;
  password?: string;
}[] = [
  { file: 'ec-p256.pkcs8.pem', key: 'ec-p256', keyType: P256, source: 'pkcs8' },
  { file: 'ec-p256.pkcs8.der', key: 'ec-p256', keyType: P256, source: 'pkcs8' },
  { file: 'ec-p384.pkcs8.pem', key: 'ec-p384', keyType: P384, source: 'pkcs8' },
  { file: 'ec-p521.pkcs8.pem', key: 'ec-p521', keyType: P521, source: 'pkcs8' },
  { file: 'rsa-2048.pkcs8.pem', key: 'rsa-2048', keyType: RSA2048, source: 'pkcs8' },
  { file: 'rsa-3072.pkcs8.pem', key: 'rsa-3072', keyType: RSA3072, source: 'pkcs8' },
  ...['sha1', 'sha256', 'sha384', 'sha512'].map((prf) => ({
    file: `ec-p256.pbes2-${prf}-aes-256-cbc.pem`,
    key: 'ec-p256',
    keyType: P256,
    source: 'encrypted-pkcs8' as const,
    password: FIXTURE_PASSWORD,
  })),
  ...['128'].map((bits) => ({
    file: `ec-p256.pbes2-sha256-aes-${bits}-cbc.pem`,
    key: 'ec-p256',
    keyType: P256,
    source: 'encrypted-pkcs8' as const,
    password: FIXTURE_PASSWORD,
  })),
  {
    file: 'rsa-2048.pbes2-sha256-aes-256-cbc.pem',
    key: 'rsa-2048',
    keyType: RSA2048,
    source: 'encrypted-pkcs8',
    password: FIXTURE_PASSWORD,
  },
  {
    file: 'ec-p384.pbes2-sha256-aes-256-cbc.der',
    key: 'ec-p384',
    keyType: P384,
    source: 'encrypted-pkcs8',
    password: FIXTURE_PASSWORD,
  },
  { file: 'rsa-2048.pkcs1.pem', key: 'rsa-2048', keyType: RSA2048, source: 'pkcs1' },
  { file: 'rsa-2048.pkcs1.der', key: 'rsa-2048', keyType: RSA2048, source: 'pkcs1' },
  { file: 'ec-p256.sec1.pem', key: 'ec-p256', keyType: P256, source: 'sec1' },
  { file: 'ec-p256.sec1.der', key: 'ec-p256', keyType: P256, source: 'sec1' },
  { file: 'ec-p256.sec1-no-public.pem', key: 'ec-p256', keyType: P256, source: 'sec1' },
  { file: 'ec-p256.sec1-explicit.pem', key: 'ec-p256', keyType: P256, source: 'sec1' },
  { file: 'ec-p256.sec1-no-params.pem', key: 'ec-p256', keyType: P256, source: 'sec1' },
  { file: 'ec-p256.sec1-no-params.der', key: 'ec-p256', keyType: P256, source: 'sec1' },
  { file: 'ec-p256.ec-parameters-and-sec1-no-params.pem', key: 'ec-p256', keyType: P256, source: 'sec1' },
  { file: 'ec-p384.sec1.pem', key: 'ec-p384', keyType: P384, source: 'sec1' },
  { file: 'ec-p521.sec1-no-public.pem', key: 'ec-p521', keyType: P521, source: 'sec1' },
  { file: 'ec-p256.cert-and-key.pem', key: 'ec-p256', keyType: P256, source: 'pkcs8' },
  { file: 'ec-p256.openssl3.p12', key: 'ec-p256', keyType: P256, source: 'pkcs12', password: FIXTURE_PASSWORD },
  { file: 'ec-p256.legacy.p12', key: 'ec-p256', keyType: P256, source: 'pkcs12', password: FIXTURE_PASSWORD },
  { file: 'ec-p256.legacy-empty-password.p12', key: 'ec-p256', keyType: P256, source: 'pkcs12', password: '' },
  // PBES1, PKCS#12 PBE and PBES2 with ciphers WebCrypto lacks (DES, 3DES; AES-192 in Chromium).
  ...[
    'ec-p256.pbe-sha1-3des.pem',
    'ec-p256.pbe-md5-des.pem',
    'ec-p256.pbe-sha1-des.pem',
    'ec-p256.pbe-sha1-rc2-64.pem',
    'ec-p256.pbes2-des.pem',
    'ec-p256.pbes2-des3.pem',
    'ec-p256.pbes2-sha256-aes-192-cbc.pem',
  ].map((file) => ({
    file,
    key: 'ec-p256',
    keyType: P256,
    source: 'encrypted-pkcs8' as const,
    password: FIXTURE_PASSWORD,
  })),
  {
    file: 'ec-p256.pbe-sha1-3des.empty-password.pem',
    key: 'ec-p256',
    keyType: P256,
    source: 'encrypted-pkcs8',
    password: '',
  },
];

async function codeOf(promise: Promise<unknown>): Promise<CryptoErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  throw new Error('expected a CryptoError');
}

function truncate(bytes: Uint8Array, keep: number): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * keep));
}

/** The SEC 1 key with one bit of its stored public key flipped (a key that does not match itself). */
function withTamperedPublicKey(): Uint8Array {
  const der = fixture('ec-p256.sec1.der').slice();
  der[der.length - 5] = (der[der.length - 5] ?? 0) ^ 0x01;
  return der;
}

describe.each(engines)('readPrivateKey ($name)', ({ crypto }) => {
  it.each(READABLE)('reads $file', async ({ file, key, keyType, source, password }) => {
    const loaded = await readPrivateKey(fixture(file), password, crypto);
    expect(loaded.keyType).toEqual(keyType);
    expect(loaded.source).toBe(source);
    expect(loaded.spki).toEqual(expectedSpki(key));
    expect(loaded.privateKey.extractable).toBe(true);
    expect(loaded.privateKey.usages).toEqual(['sign']);
    const message = new TextEncoder().encode('signed by the key we read');
    const signature = await crypto.subtle.sign(signingParams(loaded.privateKey), loaded.privateKey, message);
    expect(await crypto.subtle.verify(signingParams(loaded.publicKey), loaded.publicKey, signature, message)).toBe(
      true,
    );
    expect(new Uint8Array(await crypto.subtle.exportKey('spki', loaded.publicKey))).toEqual(loaded.spki);
  });

  it('reads the Taxpayer Application sample as EC P-256', async () => {
    const loaded = await readPrivateKey(fixture('taxpayer-app-ec-p256.key'), TAXPAYER_SAMPLE_PASSWORD, crypto);
    expect(loaded.keyType).toEqual(P256);
    expect(loaded.source).toBe('encrypted-pkcs8');
    expect(loaded.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
  });

  it('reads RSA keys for RSASSA-PKCS1-v1_5 with SHA-256', async () => {
    const loaded = await readPrivateKey(fixture('rsa-2048.pkcs1.pem'), undefined, crypto);
    expect(loaded.privateKey.algorithm).toMatchObject({
      name: 'RSASSA-PKCS1-v1_5',
      hash: { name: 'SHA-256' },
      modulusLength: 2048,
    });
  });

  it('ignores a password given for a plain key', async () => {
    expect((await readPrivateKey(fixture('ec-p256.pkcs8.pem'), 'unused', crypto)).source).toBe('pkcs8');
  });

  const pem = fixtureText('ec-p256.pbes2-sha256-aes-256-cbc.pem');
  it.each<{ name: string; bytes: () => Uint8Array; password?: string; code: CryptoErrorCode }>([
    { name: 'a certificate (PEM)', bytes: () => fixture('ec-p256.cert.pem'), code: 'certificate-not-key' },
    { name: 'a certificate (DER)', bytes: () => fixture('ec-p256.cert.der'), code: 'certificate-not-key' },
    { name: 'a v1 certificate', bytes: () => fixture('rsa-2048.cert.pem'), code: 'certificate-not-key' },
    { name: 'a PKCS#7 bundle (PEM)', bytes: () => fixture('rsa-2048.chain.p7b.pem'), code: 'certificate-not-key' },
    { name: 'a PKCS#7 bundle (DER)', bytes: () => fixture('rsa-2048.chain.p7b.der'), code: 'certificate-not-key' },
    { name: 'a trusted certificate', bytes: () => fixture('ec-p256.trusted-cert.pem'), code: 'certificate-not-key' },
    { name: 'a CSR (PEM)', bytes: () => fixture('ec-p256.csr.pem'), code: 'csr-not-key' },
    { name: 'a CSR (DER)', bytes: () => fixture('ec-p256.csr.der'), code: 'csr-not-key' },
    { name: 'an empty file', bytes: () => new Uint8Array(0), code: 'empty-file' },
    {
      name: 'random text',
      bytes: () => new TextEncoder().encode('not a key at all, just some words'),
      code: 'unrecognized-file',
    },
    {
      name: 'random binary',
      bytes: () => new Uint8Array([0x9c, 0x01, 0xff, 0x00, 0x13, 0x37]),
      code: 'unrecognized-file',
    },
    {
      name: 'a PEM without END line',
      bytes: () => new TextEncoder().encode(pem.slice(0, pem.length / 2)),
      code: 'corrupt-file',
    },
    { name: 'truncated DER', bytes: () => truncate(fixture('ec-p256.pkcs8.der'), 0.6), code: 'corrupt-file' },
    { name: 'truncated PFX', bytes: () => truncate(fixture('ec-p256.openssl3.p12'), 0.5), code: 'corrupt-file' },
    { name: 'a public key only', bytes: () => fixture('ec-p256.pub.pem'), code: 'public-key-not-private-key' },
    { name: 'a public key (DER)', bytes: () => expectedSpki('rsa-2048'), code: 'public-key-not-private-key' },
    { name: 'an OpenSSH key', bytes: () => fixture('ec-p256.openssh.key'), code: 'openssh-private-key' },
    { name: 'a Java keystore', bytes: () => fixture('ec-p256.jks'), code: 'java-keystore' },
    { name: 'a stored public key that is not the private key’s', bytes: withTamperedPublicKey, code: 'corrupt-file' },
    {
      name: 'an encrypted key without password',
      bytes: () => fixture('ec-p256.pbes2-sha256-aes-256-cbc.pem'),
      code: 'password-required',
    },
    {
      name: 'an encrypted key with the wrong password',
      bytes: () => fixture('ec-p256.pbes2-sha256-aes-256-cbc.pem'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'the sample with the wrong password',
      bytes: () => fixture('taxpayer-app-ec-p256.key'),
      password: FIXTURE_PASSWORD,
      code: 'wrong-password',
    },
    { name: 'a PFX without password', bytes: () => fixture('ec-p256.openssl3.p12'), code: 'password-required' },
    {
      name: 'a PFX with the wrong password',
      bytes: () => fixture('ec-p256.openssl3.p12'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'a PFX with RC4',
      bytes: () => fixture('ec-p256.pbe-sha1-rc4.p12'),
      password: FIXTURE_PASSWORD,
      code: 'legacy-pfx-encryption',
    },
    {
      name: 'a PFX without key',
      bytes: () => fixture('ec-p256.cert-only.p12'),
      password: FIXTURE_PASSWORD,
      code: 'pfx-without-key',
    },
    {
      name: 'traditional encrypted EC PEM',
      bytes: () => fixture('ec-p256.legacy-aes256.pem'),
      password: FIXTURE_PASSWORD,
      code: 'legacy-pem-encryption',
    },
    {
      name: 'traditional encrypted RSA PEM',
      bytes: () => fixture('rsa-2048.legacy-aes256.pem'),
      code: 'legacy-pem-encryption',
    },
    {
      name: 'PKCS#8 with PBE-SHA1-3DES and a wrong password',
      bytes: () => fixture('ec-p256.pbe-sha1-3des.pem'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'PKCS#8 with PBE-SHA1-3DES and an empty password it was not saved with',
      bytes: () => fixture('ec-p256.pbe-sha1-3des.pem'),
      password: '',
      code: 'wrong-password',
    },
    {
      name: 'PKCS#8 with PBE-MD5-DES and a wrong password',
      bytes: () => fixture('ec-p256.pbe-md5-des.pem'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'PKCS#8 with PBES2 and 3DES and a wrong password',
      bytes: () => fixture('ec-p256.pbes2-des3.pem'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'PKCS#8 with PBES2 and AES-192 and a wrong password',
      bytes: () => fixture('ec-p256.pbes2-sha256-aes-192-cbc.pem'),
      password: 'wrong',
      code: 'wrong-password',
    },
    {
      name: 'PKCS#8 with PBES2 and RC2',
      bytes: () => fixture('ec-p256.pbes2-rc2.pem'),
      password: FIXTURE_PASSWORD,
      code: 'unsupported-encryption',
    },
    {
      name: 'PKCS#8 with scrypt',
      bytes: () => fixture('ec-p256.pbes2-scrypt.pem'),
      password: FIXTURE_PASSWORD,
      code: 'unsupported-encryption',
    },
    { name: 'Ed25519', bytes: () => fixture('ed25519.pkcs8.pem'), code: 'unsupported-key-type' },
    { name: 'X25519', bytes: () => fixture('x25519.pkcs8.pem'), code: 'unsupported-key-type' },
    { name: 'RSA-PSS only', bytes: () => fixture('rsa-pss-2048.pkcs8.pem'), code: 'unsupported-key-type' },
    { name: 'DSA (PKCS#8)', bytes: () => fixture('dsa.pkcs8.pem'), code: 'unsupported-key-type' },
    { name: 'DSA (traditional)', bytes: () => fixture('dsa.traditional.pem'), code: 'unsupported-key-type' },
    { name: 'secp256k1 (PKCS#8)', bytes: () => fixture('secp256k1.pkcs8.pem'), code: 'unsupported-curve' },
    { name: 'secp256k1 (SEC 1)', bytes: () => fixture('secp256k1.sec1.pem'), code: 'unsupported-curve' },
    {
      name: 'secp256k1 naming no curve',
      bytes: () => fixture('secp256k1.sec1-no-params.pem'),
      code: 'unsupported-curve',
    },
    { name: 'brainpoolP256r1', bytes: () => fixture('brainpoolp256r1.pkcs8.pem'), code: 'unsupported-curve' },
  ])('rejects $name with $code', async ({ bytes, password, code }) => {
    expect(await codeOf(readPrivateKey(bytes(), password, crypto))).toBe(code);
  });

  it.each([
    ['secp256k1.pkcs8.pem', 'secp256k1'],
    ['brainpoolp256r1.pkcs8.pem', 'brainpoolP256r1'],
    ['ec-p256.pbes2-rc2.pem', 'openssl pkcs8 -topk8'],
    ['ec-p256.legacy-aes256.pem', 'openssl pkcs8 -topk8'],
  ])('explains %s in the message (%s)', async (file, text) => {
    const error = await readPrivateKey(fixture(file), FIXTURE_PASSWORD, crypto).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CryptoError);
    expect(String(error)).toContain(text);
  });
});
