import { describe, expect, it } from 'vitest';
import { isCryptoError } from '../../src/crypto/errors';
import type { CryptoErrorCode } from '../../src/crypto/errors';
import { checkPair } from '../../src/crypto/pair';
import { parsePem } from '../../src/crypto/pem';
import authKeyPem from '../fixtures/certs/auth-ec.key?raw';
import authPem from '../fixtures/certs/auth-ec.pem?raw';
import compressedKeyPem from '../fixtures/certs/compressed-p256.key?raw';
import compressedPem from '../fixtures/certs/compressed-p256.pem?raw';
import offlinePem from '../fixtures/certs/offline-ec.pem?raw';
import rsaKeyPem from '../fixtures/certs/self-signed-rsa.key?raw';
import rsaPem from '../fixtures/certs/self-signed-rsa.pem?raw';
import { generateKeyPair, keyPairFromPkcs8, loadedKey, selfSignedFor } from '../support/certificates';
import { engines } from '../support/engines';

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

describe.each(engines)('checkPair ($name)', ({ crypto }) => {
  it.each(['EC-P256', 'EC-P384', 'RSA-2048'] as const)('matches a %s key with its own certificate', async (kind) => {
    const keyPair = await generateKeyPair(crypto, kind);
    expect(await checkPair(await loadedKey(crypto, keyPair), await selfSignedFor(crypto, keyPair), crypto)).toEqual({
      match: true,
    });
  });

  it('tells a different key of the same algorithm', async () => {
    const [a, b] = [await generateKeyPair(crypto, 'EC-P256'), await generateKeyPair(crypto, 'EC-P256')];
    expect(await checkPair(await loadedKey(crypto, a), await selfSignedFor(crypto, b), crypto)).toEqual({
      match: false,
      reason: 'different-key',
    });
  });

  it.each([
    ['RSA key, EC certificate', 'RSA-2048', 'EC-P256'],
    ['EC key, RSA certificate', 'EC-P256', 'RSA-2048'],
    ['P-256 key, P-384 certificate', 'EC-P256', 'EC-P384'],
  ] as const)('tells a different algorithm: %s', async (_, keyKind, certificateKind) => {
    const key = await loadedKey(crypto, await generateKeyPair(crypto, keyKind));
    const certificate = await selfSignedFor(crypto, await generateKeyPair(crypto, certificateKind));
    expect(await checkPair(key, certificate, crypto)).toEqual({ match: false, reason: 'different-algorithm' });
  });

  it('proves possession: a key whose stated public half is borrowed fails the signature round trip', async () => {
    const [real, other] = [await generateKeyPair(crypto, 'EC-P256'), await generateKeyPair(crypto, 'EC-P256')];
    const borrowed = { ...(await loadedKey(crypto, real)), privateKey: other.privateKey };
    expect(await checkPair(borrowed, await selfSignedFor(crypto, real), crypto)).toEqual({
      match: false,
      reason: 'signature-mismatch',
    });
  });

  it.each([
    ['auth-ec.key with auth-ec.pem', authKeyPem, 'EC-P256', authPem, { match: true }],
    [
      'compressed-p256.key with its certificate (compressed point)',
      compressedKeyPem,
      'EC-P256',
      compressedPem,
      { match: true },
    ],
    ['self-signed-rsa.key with its certificate', rsaKeyPem, 'RSA-2048', rsaPem, { match: true }],
    ['auth-ec.key with offline-ec.pem', authKeyPem, 'EC-P256', offlinePem, { match: false, reason: 'different-key' }],
    [
      'self-signed-rsa.key with auth-ec.pem',
      rsaKeyPem,
      'RSA-2048',
      authPem,
      { match: false, reason: 'different-algorithm' },
    ],
  ] as const)('checks openssl-made %s', async (_, keyPem, kind, certificatePem, expected) => {
    const key = await loadedKey(crypto, await keyPairFromPkcs8(crypto, derOf(keyPem), kind));
    expect(await checkPair(key, derOf(certificatePem), crypto)).toEqual(expected);
  });

  it('throws corrupt-file for a certificate that does not parse', async () => {
    const key = await loadedKey(crypto, await generateKeyPair(crypto, 'EC-P256'));
    const der = derOf(authPem);
    for (const bytes of [der.subarray(0, 100), new Uint8Array(0), derOf(authKeyPem)]) {
      expect(await codeOf(() => checkPair(key, bytes, crypto))).toBe('corrupt-file');
    }
  });
});
