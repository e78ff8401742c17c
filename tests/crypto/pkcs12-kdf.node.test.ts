import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPfx } from '../../src/crypto/pkcs12';
import { type Pkcs12Hash, type Pkcs12KdfPurpose, bmpPassword, pkcs12Kdf } from '../../src/crypto/pkcs12-kdf';
import { toHex } from '../../src/lib/bytes';
import { expectedSpki } from '../support/key-fixtures';
import { openssl, withTempDir } from '../support/openssl';

const OPENSSL_DIGEST: Record<Pkcs12Hash, string> = {
  'SHA-1': 'SHA1',
  'SHA-256': 'SHA2-256',
  'SHA-384': 'SHA2-384',
  'SHA-512': 'SHA2-512',
};

/** OpenSSL's own PKCS#12 KDF (`openssl kdf ... PKCS12KDF`), given the password bytes as they are. */
function opensslKdf(
  hash: Pkcs12Hash,
  password: Uint8Array,
  salt: Uint8Array,
  id: Pkcs12KdfPurpose,
  iterations: number,
  length: number,
): string {
  const options = [
    `digest:${OPENSSL_DIGEST[hash]}`,
    `hexpass:${toHex(password)}`,
    `hexsalt:${toHex(salt)}`,
    `iter:${iterations}`,
    `id:${id}`,
  ];
  const args = ['kdf', '-keylen', String(length), ...options.flatMap((option) => ['-kdfopt', option]), 'PKCS12KDF'];
  return openssl(args, { cwd: '.' }).stdout.toString('latin1').trim().replaceAll(':', '');
}

describe('pkcs12Kdf against openssl kdf PKCS12KDF', () => {
  it('agrees on random passwords, salts, purposes and lengths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Pkcs12Hash>('SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        fc.constantFrom<Pkcs12KdfPurpose>(1, 2, 3),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 150 }),
        async (hash, text, salt, id, iterations, length) => {
          const password = bmpPassword(text);
          const expected = opensslKdf(hash, password, salt, id, iterations, length);
          expect(toHex(await pkcs12Kdf(hash, password, salt, id, iterations, length))).toBe(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each<[Pkcs12Hash, number]>([
    ['SHA-1', 100_000],
    ['SHA-256', 100_000],
    ['SHA-512', 600_000],
  ])('agrees on a %s MAC key over %d iterations', async (hash, iterations) => {
    const password = bmpPassword('Hasło PFX 2026!');
    const salt = new Uint8Array(16).map((_, i) => i * 17);
    const expected = opensslKdf(hash, password, salt, 3, iterations, 64);
    expect(toHex(await pkcs12Kdf(hash, password, salt, 3, iterations, 64))).toBe(expected);
  });
});

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'keys');
const PASSWORD = 'Zażółć-gęślą-jaźń-PFX-1!';

describe('readPfx on openssl files with high iteration counts (node)', () => {
  it.each([
    ['sha1', 100_000],
    ['sha256', 100_000],
    ['sha512', 100_000],
    ['sha512', 600_000],
  ])('reads -macalg %s -iter %d, and refuses a wrong password', async (macalg, iter) => {
    await withTempDir(async (dir) => {
      const args = ['pkcs12', '-export', '-inkey', join(FIXTURES, 'ec-p256.pkcs8.pem')];
      args.push('-in', join(FIXTURES, 'ec-p256.cert.pem'), '-macalg', macalg, '-iter', String(iter));
      // OpenSSL 3.0's -iter is both the PBKDF2 and the MAC iteration count (its -maciter takes no value).
      args.push('-passout', 'env:KSEF_TEST_PASSWORD', '-out', 'f.p12');
      openssl(args, { cwd: dir.path, password: PASSWORD });
      const file = dir.read('f.p12');
      const start = performance.now();
      const pfx = await readPfx(file, PASSWORD);
      const elapsed = performance.now() - start;
      expect(pfx.key.spki).toEqual(expectedSpki('ec-p256'));
      // One awaited digest per iteration took ~90 µs here: 54 s for 600 000 iterations.
      expect(elapsed).toBeLessThan(20_000);
      await expect(readPfx(file, 'Zazolc-gesla-jazn-PFX-1!')).rejects.toMatchObject({ code: 'wrong-password' });
    });
  });
});
