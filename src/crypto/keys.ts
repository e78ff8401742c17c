import { wipe } from '../lib/bytes';
import { type KeyAlgorithm, DEFAULT_KEY_ALGORITHM, generationParams } from './algorithms';
import { CryptoError } from './errors';

/**
 * Generates a signing key pair: ECDSA P-256 (the default, as the Taxpayer Application issues) or
 * RSASSA-PKCS1-v1_5 2048-bit, e = 65537, SHA-256.
 *
 * The private key is extractable only so that it can be exported once, encrypted, for the `.key` file
 * (`writeEncryptedKeyFile`); call `toNonExtractable` right after that. It never leaves memory otherwise.
 *
 * @returns the pair; the private key has usage `sign`, the public key `verify`.
 */
export async function generateKeyPair(
  algorithm: KeyAlgorithm = DEFAULT_KEY_ALGORITHM,
  crypto: Crypto = globalThis.crypto,
): Promise<CryptoKeyPair> {
  const generated = await crypto.subtle.generateKey(generationParams(algorithm), true, ['sign', 'verify']);
  if (!('privateKey' in generated)) throw new Error('WebCrypto returned a single key for an asymmetric algorithm');
  return generated;
}

/**
 * Checks that a key can be exported as PKCS#8: a private key created extractable.
 *
 * @throws CryptoError `invalid-argument` when the key is not an extractable private key.
 */
export function requireExtractablePrivateKey(privateKey: CryptoKey): void {
  if (privateKey.type !== 'private' || !privateKey.extractable) {
    throw new CryptoError('invalid-argument', 'Expected an extractable private key');
  }
}

/**
 * Re-imports an extractable private key as non-extractable, with the same algorithm and usages. The
 * PKCS#8 bytes that pass through memory are wiped.
 *
 * @throws CryptoError `invalid-argument` when the key is not an extractable private key.
 */
export async function toNonExtractable(privateKey: CryptoKey, crypto: Crypto = globalThis.crypto): Promise<CryptoKey> {
  requireExtractablePrivateKey(privateKey);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, importParams(privateKey), false, privateKey.usages);
  } finally {
    wipe(pkcs8);
  }
}

/**
 * The DER SubjectPublicKeyInfo of a public key (RFC 5280 §4.1.2.7).
 *
 * @throws CryptoError `invalid-argument` when the key is not a public key.
 */
export async function exportSpki(publicKey: CryptoKey, crypto: Crypto = globalThis.crypto): Promise<Uint8Array> {
  if (publicKey.type !== 'public') throw new CryptoError('invalid-argument', 'Expected a public key');
  return new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
}

/** WebCrypto import parameters matching an existing key (ECDSA curve, or RSA with its hash). */
function importParams(key: CryptoKey): EcKeyImportParams | RsaHashedImportParams {
  const algorithm: object = key.algorithm;
  if ('namedCurve' in algorithm && typeof algorithm.namedCurve === 'string') {
    return { name: key.algorithm.name, namedCurve: algorithm.namedCurve };
  }
  if (
    'hash' in algorithm &&
    algorithm.hash instanceof Object &&
    'name' in algorithm.hash &&
    typeof algorithm.hash.name === 'string'
  ) {
    return { name: key.algorithm.name, hash: algorithm.hash.name };
  }
  throw new CryptoError('invalid-argument', `Unsupported key algorithm ${key.algorithm.name}`);
}
