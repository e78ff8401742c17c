import type { AlgorithmIdentifier } from 'pkijs';
import { toAlgorithmIdentifier } from './asn1';
import { isCryptoError } from './errors';
import { beginPbes1Decrypt, isReadablePbes1, pbes1Decrypt } from './pbes1';
import { beginPbes2Decrypt, pbes2Decrypt } from './pbes2';

/**
 * Decrypts password-based ciphertext of a PFX safe or an EncryptedPrivateKeyInfo: PBES2 (`pbes2Decrypt`)
 * or PBES1 and PKCS#12 PBE (`pbes1Decrypt`), by the algorithm's OID.
 *
 * @returns the plaintext (the caller wipes it once used, and checks it parses as it expects).
 * @throws CryptoError as `pbes2Decrypt` and `pbes1Decrypt` do.
 */
export function decryptPasswordBased(
  algorithmIdentifier: AlgorithmIdentifier | Uint8Array,
  ciphertext: Uint8Array,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  const algorithm = toAlgorithmIdentifier(algorithmIdentifier, 'The encryption AlgorithmIdentifier');
  return isReadablePbes1(algorithm)
    ? pbes1Decrypt(algorithm, ciphertext, password, crypto)
    : pbes2Decrypt(algorithm, ciphertext, password, crypto);
}

/** What `beginPasswordBasedDecryption` decrypts: the algorithm and the ciphertext. */
export interface PasswordBasedPart {
  readonly algorithm: AlgorithmIdentifier | Uint8Array;
  readonly ciphertext: Uint8Array;
}

/**
 * `decryptPasswordBased` in two steps, for a caller with other work to do meanwhile (the PFX MAC's
 * synchronous KDF): once the returned promise settles, PBKDF2 is running in WebCrypto (PBES1 and
 * PKCS#12 PBE, done in JavaScript, wait for the call); the function it gives returns the plaintext.
 * Only `iterations-too-many` rejects the returned promise, so that no derivation starts on such a file;
 * every other error, reading `part` included, comes from that function, when the caller gets to this
 * part, as it did when each part was decrypted in turn (a MAC checked in between says `wrong-password`
 * first).
 */
export async function beginPasswordBasedDecryption(
  part: () => PasswordBasedPart,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<() => Promise<Uint8Array<ArrayBuffer>>> {
  try {
    const { ciphertext, ...rest } = part();
    const algorithm = toAlgorithmIdentifier(rest.algorithm, 'The encryption AlgorithmIdentifier');
    return isReadablePbes1(algorithm)
      ? beginPbes1Decrypt(algorithm, ciphertext, password, crypto)
      : await beginPbes2Decrypt(algorithm, ciphertext, password, crypto);
  } catch (error) {
    if (isCryptoError(error, 'iterations-too-many') || !(error instanceof Error)) throw error;
    return () => Promise.reject(error);
  }
}
