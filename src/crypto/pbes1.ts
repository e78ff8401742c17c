import * as asn1js from 'asn1js';
import type { AlgorithmIdentifier } from 'pkijs';
import { concatBytes, wipe } from '../lib/bytes';
import { corrupt, integerInRange, octetStringBytes } from './asn1';
import { CryptoError, isCryptoError } from './errors';
import { type LegacyCbcCipher, legacyCbcDecrypt, md5Digest } from './legacy-ciphers';
import { OID } from './oids';
import { bmpPassword, pkcs12Kdf } from './pkcs12-kdf';

/**
 * Password-based decryption of the schemes before PBES2, still written by .NET, Windows and
 * `openssl -legacy`: PBES1 (RFC 8018 §6.1, PBKDF1 with MD5 or SHA-1, DES or RC2) and the PKCS#12 PBE
 * schemes (RFC 7292 Appendix B and C: the PKCS#12 KDF with SHA-1, 3DES or RC2). RC4 and MD2 are not read.
 */

/** Above this a crafted file could keep the tab busy for long (one digest call per iteration, as the MAC). */
export const MAX_PBE_ITERATIONS = 1_000_000;

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
 * @throws CryptoError `unsupported-encryption` for a scheme other than `isReadablePbes1` ones or more than
 *   `MAX_PBE_ITERATIONS`; `corrupt-file` for malformed parameters or ciphertext that is not whole
 *   blocks; `wrong-password` when no password encoding gives valid padding.
 */
export async function pbes1Decrypt(
  algorithm: AlgorithmIdentifier,
  ciphertext: Uint8Array,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  const scheme = SCHEMES.get(algorithm.algorithmId);
  if (scheme === undefined) {
    throw new CryptoError('unsupported-encryption', `The encryption scheme ${algorithm.algorithmId} is not supported`);
  }
  const { salt, iterations } = readPbeParameters(algorithm, scheme.kdf === 'PBKDF1' ? 8 : undefined);
  if (scheme.kdf === 'PBKDF1') {
    const passwordBytes = new TextEncoder().encode(password);
    try {
      return await pbkdf1Decrypt(scheme, passwordBytes, salt, iterations, ciphertext, crypto);
    } finally {
      wipe(passwordBytes);
    }
  }
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

async function pbkdf1Decrypt(
  scheme: Pbes1Scheme,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  ciphertext: Uint8Array,
  crypto: Crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  // RFC 8018 §5.1: T_1 = Hash(P || S), T_i = Hash(T_{i-1}); §6.1.2: key = DK[0..8], IV = DK[8..16].
  const digest = async (bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> =>
    scheme.hash === 'MD5' ? md5Digest(bytes) : new Uint8Array(await crypto.subtle.digest('SHA-1', bytes));
  let t = concatBytes(password, salt);
  for (let i = 0; i < iterations; i++) {
    const next = await digest(t);
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
  if (iterationNode.toBigInt() > BigInt(MAX_PBE_ITERATIONS)) {
    throw new CryptoError(
      'unsupported-encryption',
      `The iteration count ${iterationNode.toBigInt()} is above the ${MAX_PBE_ITERATIONS} we accept`,
    );
  }
  return { salt, iterations: integerInRange(iterationNode, 1, MAX_PBE_ITERATIONS, 'The PBE iteration count') };
}

function isWholeDerSequence(bytes: Uint8Array): boolean {
  const { offset, result } = asn1js.fromBER(bytes);
  return offset === bytes.length && result instanceof asn1js.Sequence;
}
