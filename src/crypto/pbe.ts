import type { AlgorithmIdentifier } from 'pkijs';
import { toAlgorithmIdentifier } from './asn1';
import { isReadablePbes1, pbes1Decrypt } from './pbes1';
import { pbes2Decrypt } from './pbes2';

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
