import { describe, expect, it } from 'vitest';
import { CryptoError, type CryptoErrorCode } from '../../src/crypto/errors';
import { type LegacyCbcCipher, legacyCbcDecrypt } from '../../src/crypto/legacy-ciphers';

const hex = (text: string): Uint8Array => Uint8Array.from(text.match(/../g) ?? [], (byte) => parseInt(byte, 16));
const PLAINTEXT = new TextEncoder().encode('legacy ciphers, independent oracle');
const IV = hex('1122334455667788');

/**
 * Made with OpenSSL 3.0:
 * printf 'legacy ciphers, independent oracle' \
 *   | openssl enc -<cipher> -provider legacy -provider default -K <key> -iv 1122334455667788 | xxd -p -c 200
 */
const VECTORS: { cipher: LegacyCbcCipher; openssl: string; key: string; ciphertext: string }[] = [
  {
    cipher: { name: 'DES-CBC' },
    openssl: 'des-cbc',
    key: '0123456789abcdef',
    ciphertext: 'a8852ceb5dbf9ccbeadbedd32a6a06e030a6d0cce3084dd87123d49028cbf803dfe6d062c7ab8a97',
  },
  {
    cipher: { name: 'DES-EDE3-CBC' },
    openssl: 'des-ede3-cbc',
    key: '0123456789abcdeffedcba987654321089abcdef01234567',
    ciphertext: '6efebc64d37c1f96470ab614d85a7bd968724677c19f37b768824887cd0eb9349766d1c5143b489a',
  },
  {
    cipher: { name: 'RC2-CBC', effectiveBits: 40 },
    openssl: 'rc2-40-cbc',
    key: '0123456789',
    ciphertext: '7d1f73f61625621fbe60edbd4f1b75e6e1d2ac6a190051fec6b46b6a2fb61338b245848288d4b25b',
  },
  {
    cipher: { name: 'RC2-CBC', effectiveBits: 64 },
    openssl: 'rc2-64-cbc',
    key: '0123456789abcdef',
    ciphertext: 'ba86052faa8b5c2d701f450b4b7365507b461a689d0ce7317f802011727b32e0681ec649288786bd',
  },
  {
    cipher: { name: 'RC2-CBC', effectiveBits: 128 },
    openssl: 'rc2-cbc',
    key: '0123456789abcdef0123456789abcdef',
    ciphertext: '65b9b38d983a4b282adefeb143d029ee86f34096c33449c0eb51f891a3c210b01c3710915ffe73af',
  },
];

function codeOf(run: () => unknown): CryptoErrorCode {
  try {
    run();
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  throw new Error('expected a CryptoError');
}

describe('legacyCbcDecrypt', () => {
  it.each(VECTORS)('decrypts openssl enc -$openssl', ({ cipher, key, ciphertext }) => {
    expect(legacyCbcDecrypt(cipher, hex(key), IV, hex(ciphertext))).toEqual(PLAINTEXT);
  });

  const des3 = VECTORS[1] ?? VECTORS[0];
  it.each<{ name: string; key?: Uint8Array; iv?: Uint8Array; ciphertext?: Uint8Array; code: CryptoErrorCode }>([
    { name: 'a wrong key (bad padding)', key: hex('00'.repeat(24)), code: 'wrong-password' },
    { name: 'a cut ciphertext', ciphertext: hex(des3?.ciphertext ?? '').slice(0, 20), code: 'corrupt-file' },
    { name: 'an empty ciphertext', ciphertext: new Uint8Array(0), code: 'corrupt-file' },
    { name: 'a 16-byte IV', iv: new Uint8Array(16), code: 'corrupt-file' },
    { name: 'a 16-byte 3DES key', key: new Uint8Array(16), code: 'invalid-argument' },
    {
      name: 'a block whose last byte is not padding',
      ciphertext: hex(des3?.ciphertext ?? '').slice(0, 8),
      code: 'wrong-password',
    },
  ])('rejects $name with $code', ({ key, iv, ciphertext, code }) => {
    expect(
      codeOf(() =>
        legacyCbcDecrypt(
          { name: 'DES-EDE3-CBC' },
          key ?? hex(des3?.key ?? ''),
          iv ?? IV,
          ciphertext ?? hex(des3?.ciphertext ?? ''),
        ),
      ),
    ).toBe(code);
  });
});
