import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Pkcs12Hash, type Pkcs12KdfPurpose, bmpPassword, pkcs12Kdf } from '../../src/crypto/pkcs12-kdf';
import { concatBytes, toHex } from '../../src/lib/bytes';
import { engines } from '../support/engines';

function hex(text: string): Uint8Array {
  return new Uint8Array(text.match(/../g)?.map((byte) => parseInt(byte, 16)) ?? []);
}

/**
 * Published PKCS#12 KDF vectors (the "smeg"/"queeg" set used by Bouncy Castle's PKCS12Test and other
 * implementations): SHA-1, 24-byte keys (two hash blocks, so step 6C runs), 8-byte IVs, a MAC key.
 */
const VECTORS: readonly {
  password: string;
  salt: string;
  purpose: Pkcs12KdfPurpose;
  iterations: number;
  length: number;
  out: string;
}[] = [
  {
    password: 'smeg',
    salt: '0A58CF64530D823F',
    purpose: 1,
    iterations: 1,
    length: 24,
    out: '8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3',
  },
  { password: 'smeg', salt: '0A58CF64530D823F', purpose: 2, iterations: 1, length: 8, out: '79993DFE048D3B76' },
  {
    password: 'smeg',
    salt: '3D83C0E4546AC140',
    purpose: 3,
    iterations: 1,
    length: 20,
    out: '8D967D88F6CAA9D714800AB3D48051D63F73A312',
  },
  {
    password: 'queeg',
    salt: '05DEC959ACFF72F7',
    purpose: 1,
    iterations: 1000,
    length: 24,
    out: 'ED2034E36328830FF09DF1E1A07DD357185DAC0D4F9EB3D4',
  },
  { password: 'queeg', salt: '05DEC959ACFF72F7', purpose: 2, iterations: 1000, length: 8, out: '11DEDAD7758D4860' },
];

describe('bmpPassword', () => {
  it.each([
    ['', '0000'],
    ['ab', '006100620000'],
    ['ż1', '017C00310000'],
    ['😀', 'D83DDE000000'],
  ])('encodes %j as UTF-16BE with a terminator', (password, expected) => {
    expect(toHex(bmpPassword(password))).toBe(expected);
  });
});

describe.each(engines)('pkcs12Kdf ($name)', ({ crypto }) => {
  it.each(VECTORS)('derives $out from $password', async ({ password, salt, purpose, iterations, length, out }) => {
    const hash: Pkcs12Hash = 'SHA-1';
    expect(toHex(await pkcs12Kdf(hash, bmpPassword(password), hex(salt), purpose, iterations, length, crypto))).toBe(
      out,
    );
  });

  it('gives a prefix of the longer output for a shorter length', async () => {
    const long = await pkcs12Kdf('SHA-256', bmpPassword('x'), hex('0102030405060708'), 3, 2, 80, crypto);
    const short = await pkcs12Kdf('SHA-256', bmpPassword('x'), hex('0102030405060708'), 3, 2, 32, crypto);
    expect(long.subarray(0, 32)).toEqual(short);
  });

  it('refuses zero iterations', async () => {
    await expect(pkcs12Kdf('SHA-256', bmpPassword('x'), hex('01'), 3, 0, 32, crypto)).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });
});

const HASHES: readonly Pkcs12Hash[] = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];

/**
 * RFC 7292 Appendix B.2 transcribed step by step with one WebCrypto `digest` per iteration (the
 * implementation `pkcs12Kdf` had before it moved to one synchronous loop), as the reference.
 */
async function referenceKdf(
  hash: Pkcs12Hash,
  password: Uint8Array,
  salt: Uint8Array,
  id: number,
  iterations: number,
  n: number,
  crypto: Crypto,
): Promise<Uint8Array> {
  const u = hash === 'SHA-1' ? 20 : hash === 'SHA-256' ? 32 : hash === 'SHA-384' ? 48 : 64;
  const v = u <= 32 ? 64 : 128;
  const fill = (bytes: Uint8Array) =>
    Uint8Array.from({ length: v * Math.ceil(bytes.length / v) }, (_, i) => bytes[i % bytes.length] ?? 0);
  const d = new Uint8Array(v).fill(id); // step 1
  const i = concatBytes(fill(salt), fill(password)); // steps 2-4
  const c = Math.ceil(n / u); // step 5
  let out = new Uint8Array(0);
  for (let block = 1; block <= c; block++) {
    let a = concatBytes(d, i); // step 6A
    for (let r = 0; r < iterations; r++) a = new Uint8Array(await crypto.subtle.digest(hash, a));
    out = concatBytes(out, a);
    const b = fill(a).subarray(0, v); // step 6B
    for (let j = 0; j < i.length; j += v) {
      // step 6C: I_j = (I_j + B + 1) mod 2^(8v), as big integers
      const sum = BigInt(`0x${toHex(i.subarray(j, j + v))}`) + BigInt(`0x${toHex(b)}`) + 1n;
      const hex = (sum % (1n << BigInt(8 * v))).toString(16).padStart(2 * v, '0');
      i.set(
        hex.match(/../g)!.map((byte) => parseInt(byte, 16)),
        j,
      );
    }
  }
  return out.slice(0, n); // step 8
}

describe.each(engines)('pkcs12Kdf against a digest-per-iteration transcription of B.2 ($name)', ({ crypto }) => {
  it('agrees for every hash, purpose, length and iteration count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HASHES),
        fc.uint8Array({ maxLength: 150 }),
        fc.uint8Array({ maxLength: 150 }),
        fc.constantFrom<Pkcs12KdfPurpose>(1, 2, 3),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 200 }),
        async (hash, password, salt, purpose, iterations, length) => {
          const expected = await referenceKdf(hash, password, salt, purpose, iterations, length, crypto);
          const got = await pkcs12Kdf(hash, password, salt, purpose, iterations, length, crypto);
          expect(toHex(got)).toBe(toHex(expected));
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each(HASHES)('agrees over 3000 iterations of %s', async (hash) => {
    const password = bmpPassword('Zażółć 😀');
    const salt = hex('00112233445566778899AABBCCDDEEFF');
    const expected = await referenceKdf(hash, password, salt, 3, 3000, 70, crypto);
    expect(toHex(await pkcs12Kdf(hash, password, salt, 3, 3000, 70, crypto))).toBe(toHex(expected));
  });
});
