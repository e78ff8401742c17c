import type { EcCurve } from './ec-curves';

/** What kind of key a file or certificate holds, as far as the app cares. */
export type KeyType =
  { readonly kind: 'EC'; readonly curve: EcCurve } | { readonly kind: 'RSA'; readonly modulusBits: number };

/** Where a private key came from, for the summary shown to the user. */
export type PrivateKeySource = 'encrypted-pkcs8' | 'pkcs8' | 'pkcs1' | 'sec1' | 'pkcs12';

/**
 * A private key opened from a file, held in memory only (never serialised to storage or a request).
 * `privateKey` signs with ECDSA/SHA-256 or RSASSA-PKCS1-v1_5/SHA-256; it stays extractable so the
 * checker can wrap it into a PFX on request. `spki` is the DER SubjectPublicKeyInfo derived from the
 * private key itself, the value a pair check compares with a certificate.
 */
export interface LoadedPrivateKey {
  readonly keyType: KeyType;
  readonly source: PrivateKeySource;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly spki: Uint8Array;
}

/** Human label of a key type, e.g. `EC P-256` or `RSA 2048`. */
export function describeKeyType(keyType: KeyType): string {
  return keyType.kind === 'EC' ? `EC ${keyType.curve}` : `RSA ${keyType.modulusBits}`;
}
