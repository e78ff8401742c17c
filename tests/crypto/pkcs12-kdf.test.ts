import { describe, expect, it } from 'vitest';
import { type Pkcs12Hash, type Pkcs12KdfPurpose, bmpPassword, pkcs12Kdf } from '../../src/crypto/pkcs12-kdf';
import { toHex } from '../../src/lib/bytes';
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
