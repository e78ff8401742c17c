import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, wipe } from '../lib/bytes';
import { CryptoError } from './errors';

/**
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2), used for the PFX integrity MAC (`id` 3)
 * and the legacy PBES1 ciphers. WebCrypto has no primitive for it, and one awaited `digest` per
 * iteration cost ~5 µs in Chromium (0.5 s for a 100 000-iteration PFX, 30 s for 600 000 SHA-512
 * iterations). So it runs as one synchronous loop over @noble/hashes' block function: after the first
 * hash, each iteration hashes a single padded block, ~0.35 µs (SHA-256) or ~1.4 µs (SHA-512).
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

/**
 * What the iteration loop uses of a @noble/hashes MD hash object: members its public type declares
 * `protected` (the chaining state as 32-bit words, high word first for SHA-384/512, and the block
 * function). The version is pinned; the tests compare every hash with a plain digest-per-iteration
 * transcription of B.2, so a change in these internals fails them.
 */
interface BlockHasher {
  get(): number[];
  set(...state: number[]): void;
  process(view: DataView, offset: number): void;
  roundClean(): void;
  destroy(): void;
}

const HASHERS: Record<Pkcs12Hash, () => BlockHasher> = {
  'SHA-1': () => sha1.create() as unknown as BlockHasher,
  'SHA-256': () => sha256.create() as unknown as BlockHasher,
  'SHA-384': () => sha384.create() as unknown as BlockHasher,
  'SHA-512': () => sha512.create() as unknown as BlockHasher,
};

const ONE_SHOT: Record<Pkcs12Hash, (message: Uint8Array) => Uint8Array> = {
  'SHA-1': (message) => sha1(message),
  'SHA-256': (message) => sha256(message),
  'SHA-384': (message) => sha384(message),
  'SHA-512': (message) => sha512(message),
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
 * (see `bmpPassword`); `iterations` is trusted here: callers bound it for untrusted files. It computes
 * synchronously (the main thread is busy for the whole derivation: ~35 ms for 100 000 SHA-256
 * iterations); it stays `async`, with the unused `_crypto`, for its callers.
 *
 * @returns the derived bytes (the caller wipes them once used).
 * @throws CryptoError `invalid-argument` when `iterations` or `length` is below 1.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- kept async: callers await it and a bad argument rejects
export async function pkcs12Kdf(
  hash: Pkcs12Hash,
  password: Uint8Array,
  salt: Uint8Array,
  purpose: Pkcs12KdfPurpose,
  iterations: number,
  length: number,
  _crypto: Crypto = globalThis.crypto,
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
      const a = iterateHash(hash, concatBytes(diversifier, input), iterations);
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

/**
 * Step 6A of B.2: H^iterations(`first`), `first` wiped. After the first hash the input is always `u`
 * bytes, one block once padded, so the loop writes the previous state into a fixed padded block and
 * runs the block function from the initial state; no allocation per iteration.
 */
function iterateHash(hash: Pkcs12Hash, first: Uint8Array, iterations: number): Uint8Array<ArrayBuffer> {
  const { u, v } = HASH_SIZES[hash];
  const block = new Uint8Array(v);
  const digest = ONE_SHOT[hash](first);
  block.set(digest);
  wipe(digest);
  wipe(first);
  if (iterations === 1) {
    const out = block.slice(0, u);
    wipe(block);
    return out;
  }
  const view = new DataView(block.buffer);
  // SHA padding for a u-byte message: 0x80, zeros, the length in bits big-endian in the last bytes.
  block[u] = 0x80;
  view.setUint32(v - 4, u * 8);
  const hasher = HASHERS[hash]();
  const initial = hasher.get();
  const words = u / 4;
  let state = initial;
  try {
    for (let r = 1; r < iterations; r++) {
      hasher.set(...initial);
      hasher.process(view, 0);
      state = hasher.get();
      for (let i = 0; i < words; i++) view.setUint32(4 * i, state[i] ?? 0);
    }
    return block.slice(0, u);
  } finally {
    wipe(block);
    state.fill(0);
    hasher.roundClean();
    hasher.destroy();
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
