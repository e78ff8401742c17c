import { md5, sha1 } from '@noble/hashes/legacy.js';
import * as asn1js from 'asn1js';
import type { AlgorithmIdentifier } from 'pkijs';
import { concatBytes, wipe } from '../lib/bytes';
import { corrupt, octetStringBytes } from './asn1';
import { CryptoError, isCryptoError } from './errors';
import { iterationCount } from './iteration-count';
import { type LegacyCbcCipher, legacyCbcDecrypt } from './legacy-ciphers';
import { OID } from './oids';
import { bmpPassword, pkcs12Kdf } from './pkcs12-kdf';

/**
 * Password-based decryption of the schemes before PBES2, still written by .NET, Windows and
 * `openssl -legacy`: PBES1 (RFC 8018 §6.1, PBKDF1 with MD5 or SHA-1, DES or RC2) and the PKCS#12 PBE
 * schemes (RFC 7292 Appendix B and C: the PKCS#12 KDF with SHA-1, 3DES or RC2). RC4 and MD2 are not read.
 */

interface Pkcs12Scheme {
  readonly kdf: 'PKCS12';
  readonly cipher: LegacyCbcCipher;
  readonly keyLength: number;
}
interface Pbes1Scheme {
  readonly kdf: 'PBKDF1';
  readonly hash: 'MD5' | 'SHA-1';
  readonly cipher: LegacyCbcCipher;
}

const DES: LegacyCbcCipher = { name: 'DES-CBC' };
const DES_EDE3: LegacyCbcCipher = { name: 'DES-EDE3-CBC' };

const SCHEMES = new Map<string, Pkcs12Scheme | Pbes1Scheme>([
  [OID.pbeWithShaAnd3KeyTripleDesCbc, { kdf: 'PKCS12', cipher: DES_EDE3, keyLength: 24 }],
  [OID.pbeWithShaAnd2KeyTripleDesCbc, { kdf: 'PKCS12', cipher: DES_EDE3, keyLength: 16 }],
  [OID.pbeWithShaAnd128BitRc2Cbc, { kdf: 'PKCS12', cipher: { name: 'RC2-CBC', effectiveBits: 128 }, keyLength: 16 }],
  [OID.pbewithShaAnd40BitRc2Cbc, { kdf: 'PKCS12', cipher: { name: 'RC2-CBC', effectiveBits: 40 }, keyLength: 5 }],
  [OID.pbeWithMd5AndDesCbc, { kdf: 'PBKDF1', hash: 'MD5', cipher: DES }],
  [OID.pbeWithSha1AndDesCbc, { kdf: 'PBKDF1', hash: 'SHA-1', cipher: DES }],
  // RFC 8018 §6.1.1: RC2 in PBES1 has 64 effective key bits.
  [OID.pbeWithMd5AndRc2Cbc, { kdf: 'PBKDF1', hash: 'MD5', cipher: { name: 'RC2-CBC', effectiveBits: 64 } }],
  [OID.pbeWithSha1AndRc2Cbc, { kdf: 'PBKDF1', hash: 'SHA-1', cipher: { name: 'RC2-CBC', effectiveBits: 64 } }],
]);

/** True for the PBES1 and PKCS#12 PBE schemes `pbes1Decrypt` reads. */
export function isReadablePbes1(algorithm: AlgorithmIdentifier): boolean {
  return SCHEMES.has(algorithm.algorithmId);
}

/**
 * Decrypts PBES1 or PKCS#12 PBE ciphertext. PKCS#12 PBE takes the password as BMPString; an empty
 * password is tried as BMPString "" (two zero bytes) and as no bytes at all, as OpenSSL does, and the
 * one whose plaintext is a whole DER SEQUENCE wins. PBES1 takes the password as its UTF-8 bytes.
 *
 * @returns the plaintext (the caller wipes it once used, and still checks it parses as it expects).
 * @throws CryptoError `unsupported-encryption` for a scheme other than `isReadablePbes1` ones;
 *   `iterations-too-many` above `MAX_ITERATIONS`; `corrupt-file` for malformed parameters or ciphertext that is not whole
 *   blocks; `wrong-password` when no password encoding gives valid padding.
 */
export async function pbes1Decrypt(
  algorithm: AlgorithmIdentifier,
  ciphertext: Uint8Array,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  return beginPbes1Decrypt(algorithm, ciphertext, password, crypto)();
}

/**
 * `pbes1Decrypt` in two steps: the parameters are checked now (so an iteration count above the cap is
 * refused before any work), the derivation and decryption run when the returned function is called.
 * Throws as `pbes1Decrypt`.
 */
export function beginPbes1Decrypt(
  algorithm: AlgorithmIdentifier,
  ciphertext: Uint8Array,
  password: string,
  crypto: Crypto = globalThis.crypto,
): () => Promise<Uint8Array<ArrayBuffer>> {
  const scheme = SCHEMES.get(algorithm.algorithmId);
  if (scheme === undefined) {
    throw new CryptoError('unsupported-encryption', `The encryption scheme ${algorithm.algorithmId} is not supported`);
  }
  const { salt, iterations } = readPbeParameters(algorithm, scheme.kdf === 'PBKDF1' ? 8 : undefined);
  if (scheme.kdf === 'PBKDF1') {
    // Synchronous work; its errors still reach the caller as a rejection.
    return () => Promise.resolve().then(() => pbes1WithPassword(scheme, password, salt, iterations, ciphertext));
  }
  return () => pkcs12PbeWithPassword(scheme, password, salt, iterations, ciphertext, crypto);
}

/** PBES1 takes the password as its UTF-8 bytes, wiped once used; the work is synchronous. */
function pbes1WithPassword(
  scheme: Pbes1Scheme,
  password: string,
  salt: Uint8Array,
  iterations: number,
  ciphertext: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const passwordBytes = new TextEncoder().encode(password);
  try {
    return pbkdf1Decrypt(scheme, passwordBytes, salt, iterations, ciphertext);
  } finally {
    wipe(passwordBytes);
  }
}

async function pkcs12PbeWithPassword(
  scheme: Pkcs12Scheme,
  password: string,
  salt: Uint8Array,
  iterations: number,
  ciphertext: Uint8Array,
  crypto: Crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  const candidates = password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
  let failure: unknown;
  try {
    for (const candidate of candidates) {
      try {
        const plaintext = await pkcs12Decrypt(scheme, candidate, salt, iterations, ciphertext, crypto);
        if (candidates.length === 1 || isWholeDerSequence(plaintext)) return plaintext;
        wipe(plaintext);
        failure = new CryptoError('wrong-password', 'The password is not correct (the decrypted data is not DER)');
      } catch (cause) {
        if (!isCryptoError(cause, 'wrong-password')) throw cause;
        failure = cause;
      }
    }
  } finally {
    candidates.forEach(wipe);
  }
  throw failure;
}

async function pkcs12Decrypt(
  scheme: Pkcs12Scheme,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  ciphertext: Uint8Array,
  crypto: Crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  // RFC 7292 Appendix B.3: ID 1 derives the key, ID 2 the IV; the hash is SHA-1 for every scheme of Appendix C.
  const derived = await pkcs12Kdf('SHA-1', password, salt, 1, iterations, scheme.keyLength, crypto);
  const iv = await pkcs12Kdf('SHA-1', password, salt, 2, iterations, 8, crypto);
  // 2-key 3DES is 3DES with K3 = K1.
  const key = scheme.keyLength === 16 && scheme.cipher.name === 'DES-EDE3-CBC' ? expandTwoKey(derived) : derived;
  try {
    return legacyCbcDecrypt(scheme.cipher, key, iv, ciphertext);
  } finally {
    wipe(derived);
    wipe(key);
  }
}

function pbkdf1Decrypt(
  scheme: Pbes1Scheme,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  ciphertext: Uint8Array,
): Uint8Array<ArrayBuffer> {
  // RFC 8018 §5.1: T_1 = Hash(P || S), T_i = Hash(T_{i-1}); §6.1.2: key = DK[0..8], IV = DK[8..16].
  // One synchronous @noble/hashes call per iteration: an awaited WebCrypto digest cost ~5 µs each.
  const hash = scheme.hash === 'MD5' ? md5 : sha1;
  let t: Uint8Array = concatBytes(password, salt);
  for (let i = 0; i < iterations; i++) {
    const next = hash(t);
    wipe(t);
    t = next;
  }
  try {
    return legacyCbcDecrypt(scheme.cipher, t.subarray(0, 8), t.subarray(8, 16), ciphertext);
  } finally {
    wipe(t);
  }
}

function expandTwoKey(key: Uint8Array): Uint8Array<ArrayBuffer> {
  return concatBytes(key, key.subarray(0, 8));
}

/** PBEParameter (RFC 8018 A.3) and pkcs-12PbeParams (RFC 7292 C): SEQUENCE { salt, iterationCount }. */
function readPbeParameters(
  algorithm: AlgorithmIdentifier,
  saltLength: number | undefined,
): { salt: Uint8Array; iterations: number } {
  const what = 'The password-based encryption parameters';
  const node: unknown = algorithm.algorithmParams;
  if (!(node instanceof asn1js.Sequence)) throw corrupt(`${what} are missing`);
  const [saltNode, iterationNode, ...rest] = node.valueBlock.value;
  if (!(saltNode instanceof asn1js.OctetString) || !(iterationNode instanceof asn1js.Integer) || rest.length > 0)
    throw corrupt(`${what} are malformed`);
  const salt = octetStringBytes(saltNode);
  if (salt.length === 0 || (saltLength !== undefined && salt.length !== saltLength))
    throw corrupt(`${what} have a salt of ${salt.length} bytes`);
  return { salt, iterations: iterationCount(iterationNode, 'The PBE iteration count') };
}

function isWholeDerSequence(bytes: Uint8Array): boolean {
  const { offset, result } = asn1js.fromBER(bytes);
  return offset === bytes.length && result instanceof asn1js.Sequence;
}
