/**
 * The key algorithms the app generates, mapped once to WebCrypto parameters (STYLE: every crypto
 * parameter explicit, never a library default).
 */
export type KeyAlgorithm = 'EC-P256' | 'RSA-2048';

/** The default: what the official Taxpayer Application issues and KSeF recommends (docs/ksef-contract.md §6.1). */
export const DEFAULT_KEY_ALGORITHM: KeyAlgorithm = 'EC-P256';

/** WebCrypto generation parameters for each algorithm. */
export function generationParams(algorithm: KeyAlgorithm): EcKeyGenParams | RsaHashedKeyGenParams {
  switch (algorithm) {
    case 'EC-P256':
      return { name: 'ECDSA', namedCurve: 'P-256' };
    case 'RSA-2048':
      return {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([0x01, 0x00, 0x01]),
        hash: 'SHA-256',
      };
  }
}

/**
 * WebCrypto signing parameters for a key: ECDSA with SHA-256, or RSASSA-PKCS#1 v1.5 (the hash of an RSA
 * key is fixed at import). Never RSA-PSS, never SHA-1 (docs/ksef-contract.md §4.4, §6).
 */
export function signingParams(key: CryptoKey): AlgorithmIdentifier | EcdsaParams {
  return key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
}
