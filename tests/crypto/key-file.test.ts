import { describe, expect, it } from 'vitest';
import { CryptoError } from '../../src/crypto/errors';
import { writeEncryptedKeyFile } from '../../src/crypto/key-file';
import { exportSpki, generateKeyPair, toNonExtractable } from '../../src/crypto/keys';
import { parsePem } from '../../src/crypto/pem';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { asn1Shape } from '../support/asn1-shape';
import { engines } from '../support/engines';
import { fixtureText } from '../support/key-fixtures';

const PASSWORD = 'Hasło-do-klucza-2025!';

function der(pem: string): Uint8Array {
  const [block, ...rest] = parsePem(pem);
  if (block === undefined || rest.length > 0) throw new Error('expected one PEM block');
  return block.der;
}

describe.each(engines)('writeEncryptedKeyFile ($name)', ({ crypto }) => {
  it('writes an EC key in exactly the shape of the Taxpayer Application sample', async () => {
    const pair = await generateKeyPair('EC-P256', crypto);
    const pem = await writeEncryptedKeyFile(pair.privateKey, PASSWORD, crypto);
    expect(pem).toMatch(
      /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n([A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END ENCRYPTED PRIVATE KEY-----\n$/,
    );
    const sample = asn1Shape(der(fixtureText('taxpayer-app-ec-p256.key')));
    expect(asn1Shape(der(pem))).toEqual(sample);
    // The shape spells out what docs/ksef-contract.md §8 lists: PBES2, PBKDF2, 16-byte salt, 100 000 iterations,
    // hmacWithSHA256 without NULL, AES-256-CBC with a 16-byte IV.
    expect(sample.slice(0, 14)).toEqual([
      '0 1:16 cons l=243',
      '1 1:16 cons l=94',
      '2 1:6 l=9 1.2.840.113549.1.5.13',
      '2 1:16 cons l=81',
      '3 1:16 cons l=48',
      '4 1:6 l=9 1.2.840.113549.1.5.12',
      '4 1:16 cons l=35',
      '5 1:4 l=16',
      '5 1:2 l=3 100000',
      '5 1:16 cons l=10',
      '6 1:6 l=8 1.2.840.113549.2.9',
      '3 1:16 cons l=29',
      '4 1:6 l=9 2.16.840.1.101.3.4.1.42',
      '4 1:4 l=16',
    ]);
  });

  it.each(['EC-P256', 'RSA-2048'] as const)('writes a %s key that reads back as the same key', async (algorithm) => {
    const pair = await generateKeyPair(algorithm, crypto);
    const pem = await writeEncryptedKeyFile(pair.privateKey, PASSWORD, crypto);
    const loaded = await readPrivateKey(new TextEncoder().encode(pem), PASSWORD, crypto);
    expect(loaded.source).toBe('encrypted-pkcs8');
    expect(loaded.spki).toEqual(await exportSpki(pair.publicKey, crypto));
    await expect(readPrivateKey(new TextEncoder().encode(pem), `${PASSWORD}x`, crypto)).rejects.toMatchObject({
      code: 'wrong-password',
    });
  });

  it('refuses an empty password and keys it cannot export', async () => {
    const pair = await generateKeyPair('EC-P256', crypto);
    const locked = await toNonExtractable(pair.privateKey, crypto);
    for (const [key, password] of [
      [pair.privateKey, ''],
      [locked, PASSWORD],
      [pair.publicKey, PASSWORD],
    ] as const) {
      const error = await writeEncryptedKeyFile(key, password, crypto).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CryptoError);
      expect(error).toMatchObject({ code: 'invalid-argument' });
    }
  });
});
