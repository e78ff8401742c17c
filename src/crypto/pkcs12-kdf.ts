import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, wipe } from '../lib/bytes';
import { CryptoError } from './errors';
import { sha256Chain } from './sha256-chain';

/**
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2), used for the PFX integrity MAC (`id` 3)
 * and the legacy PBES1 ciphers. WebCrypto has no primitive for it, and one awaited `digest` per
 * iteration cost ~5 µs in Chromium (0.5 s for a 100 000-iteration PFX, 30 s for 600 000 SHA-512
 * iterations). So it runs as one synchronous loop: after the first hash, each iteration hashes a single
 * padded block, SHA-256 (what OpenSSL 3 writes) through `sha256Chain`, the others over @noble/hashes'
 * block function; ~0.35 µs (SHA-256) or ~1.4 µs (SHA-512) per iteration on an idle core.
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
 * What the iteration loops use of a @noble/hashes MD hash object: members its public type declares
 * `protected`, the block function and the chaining state as 32-bit words (SHA-384/512: high word,
 * then low). Reading and writing the words directly is ~1.5x faster than its `get`/`set`. The version
 * is pinned; the tests compare every hash with a digest-per-iteration transcription of B.2 and with
 * OpenSSL, so a change in these internals fails them.
 */
interface BlockFunction {
  process(view: DataView, offset: number): void;
  roundClean(): void;
  destroy(): void;
}
interface Sha1State extends BlockFunction {
  A: number;
  B: number;
  C: number;
  D: number;
  E: number;
}
interface Sha512State extends BlockFunction {
  Ah: number;
  Al: number;
  Bh: number;
  Bl: number;
  Ch: number;
  Cl: number;
  Dh: number;
  Dl: number;
  Eh: number;
  El: number;
  Fh: number;
  Fl: number;
  Gh: number;
  Gl: number;
  Hh: number;
  Hl: number;
}

/** Runs `rounds` more iterations on the padded block in `view`, whose first u bytes hold the hash. */
const LOOPS: Record<Pkcs12Hash, (view: DataView, rounds: number) => void> = {
  'SHA-1': (view, rounds) => sha1Loop(sha1.create() as unknown as Sha1State, view, rounds),
  'SHA-256': (view, rounds) => sha256Chain(new Uint8Array(view.buffer, view.byteOffset, 32), rounds),
  'SHA-384': (view, rounds) => sha512Loop(sha384.create() as unknown as Sha512State, view, rounds, false),
  'SHA-512': (view, rounds) => sha512Loop(sha512.create() as unknown as Sha512State, view, rounds, true),
};

function sha1Loop(h: Sha1State, view: DataView, rounds: number): void {
  const { A, B, C, D, E } = h;
  for (let r = 0; r < rounds; r++) {
    h.A = A;
    h.B = B;
    h.C = C;
    h.D = D;
    h.E = E;
    h.process(view, 0);
    view.setUint32(0, h.A);
    view.setUint32(4, h.B);
    view.setUint32(8, h.C);
    view.setUint32(12, h.D);
    view.setUint32(16, h.E);
  }
  h.roundClean();
  h.destroy();
}

/** SHA-384 and SHA-512: the same block function; SHA-384 keeps the first six 64-bit words (`full` false). */
function sha512Loop(h: Sha512State, view: DataView, rounds: number, full: boolean): void {
  const { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = h;
  for (let r = 0; r < rounds; r++) {
    h.Ah = Ah;
    h.Al = Al;
    h.Bh = Bh;
    h.Bl = Bl;
    h.Ch = Ch;
    h.Cl = Cl;
    h.Dh = Dh;
    h.Dl = Dl;
    h.Eh = Eh;
    h.El = El;
    h.Fh = Fh;
    h.Fl = Fl;
    h.Gh = Gh;
    h.Gl = Gl;
    h.Hh = Hh;
    h.Hl = Hl;
    h.process(view, 0);
    view.setUint32(0, h.Ah);
    view.setUint32(4, h.Al);
    view.setUint32(8, h.Bh);
    view.setUint32(12, h.Bl);
    view.setUint32(16, h.Ch);
    view.setUint32(20, h.Cl);
    view.setUint32(24, h.Dh);
    view.setUint32(28, h.Dl);
    view.setUint32(32, h.Eh);
    view.setUint32(36, h.El);
    view.setUint32(40, h.Fh);
    view.setUint32(44, h.Fl);
    if (full) {
      view.setUint32(48, h.Gh);
      view.setUint32(52, h.Gl);
      view.setUint32(56, h.Hh);
      view.setUint32(60, h.Hl);
    }
  }
  h.roundClean();
  h.destroy();
}

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
 * synchronously (the main thread is busy for the whole derivation: ~40 ms for 100 000 SHA-256
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
  try {
    LOOPS[hash](view, iterations - 1);
    return block.slice(0, u);
  } finally {
    wipe(block);
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
