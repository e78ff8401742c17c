import { concatBytes, wipe } from '../lib/bytes';
import { CryptoError } from './errors';

/**
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2), used here only for the PFX integrity MAC
 * (`id` 3). WebCrypto has no primitive for it, so it iterates `crypto.subtle.digest`: one call per
 * iteration, about 10 µs in Chromium and 90 µs in Node's WebCrypto.
 */

/** The hashes a PFX MAC may use. */
export type Pkcs12Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** RFC 7292 Appendix B.3: ID byte 1 derives key material, 2 an IV, 3 a MAC key. */
export type Pkcs12KdfPurpose = 1 | 2 | 3;

/** Output length `u` and block length `v` of each hash, in bytes. */
const HASH_SIZES: Record<Pkcs12Hash, { readonly u: number; readonly v: number }> = {
  'SHA-1': { u: 20, v: 64 },
  'SHA-256': { u: 32, v: 64 },
  'SHA-384': { u: 48, v: 128 },
  'SHA-512': { u: 64, v: 128 },
};

/** Output size of `hash` in bytes. */
export function hashLength(hash: Pkcs12Hash): number {
  return HASH_SIZES[hash].u;
}

/**
 * A password as RFC 7292 Appendix B.1 wants it: BMPString (UTF-16 big-endian) with two trailing zero
 * bytes; the empty password is just the two zero bytes. Characters beyond the BMP are written as their
 * UTF-16 surrogate pairs, as OpenSSL does, so such passwords still interoperate.
 */
export function bmpPassword(password: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[2 * i] = unit >> 8;
    out[2 * i + 1] = unit & 0xff;
  }
  return out;
}

/**
 * Derives `length` bytes with the PKCS#12 KDF (RFC 7292 Appendix B.2). `password` is already formatted
 * (see `bmpPassword`); `iterations` is trusted here: callers bound it for untrusted files.
 *
 * @returns the derived bytes (the caller wipes them once used).
 * @throws CryptoError `invalid-argument` when `iterations` or `length` is below 1.
 */
export async function pkcs12Kdf(
  hash: Pkcs12Hash,
  password: Uint8Array,
  salt: Uint8Array,
  purpose: Pkcs12KdfPurpose,
  iterations: number,
  length: number,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || !Number.isSafeInteger(length) || length < 1) {
    throw new CryptoError('invalid-argument', 'The PKCS#12 KDF needs at least one iteration and one byte of output');
  }
  const { u, v } = HASH_SIZES[hash];
  const diversifier = new Uint8Array(v).fill(purpose);
  const input = concatBytes(repeatToBlocks(salt, v), repeatToBlocks(password, v));
  const blocks: Uint8Array[] = [];
  try {
    for (let produced = 0; produced < length; produced += u) {
      let a = concatBytes(diversifier, input);
      for (let r = 0; r < iterations; r++) {
        const next = new Uint8Array(await crypto.subtle.digest(hash, a));
        wipe(a);
        a = next;
      }
      blocks.push(a);
      if (produced + u < length) addBlockPlusOne(input, repeatToBlocks(a, v).subarray(0, v), v);
    }
    const all = concatBytes(...blocks);
    const out = all.slice(0, length);
    wipe(all);
    return out;
  } finally {
    wipe(input);
    blocks.forEach(wipe);
  }
}

/** `bytes` repeated to fill `v * ceil(len / v)` bytes (empty stays empty), step 2 and 3 of B.2. */
function repeatToBlocks(bytes: Uint8Array, v: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(v * Math.ceil(bytes.length / v));
  for (let i = 0; i < out.length; i++) out[i] = bytes[i % bytes.length] ?? 0;
  return out;
}

/** Step 6C of B.2: each v-byte block of `input` becomes (block + b + 1) mod 2^(8v). */
function addBlockPlusOne(input: Uint8Array, b: Uint8Array, v: number): void {
  for (let offset = 0; offset < input.length; offset += v) {
    let carry = 1;
    for (let i = v - 1; i >= 0; i--) {
      const sum = (input[offset + i] ?? 0) + (b[i] ?? 0) + carry;
      input[offset + i] = sum & 0xff;
      carry = sum >> 8;
    }
  }
}
