import type * as asn1js from 'asn1js';
import { integerInRange } from './asn1';
import { CryptoError } from './errors';

/**
 * The most iterations we run for a file's password: PBKDF2 (PBES2), the PKCS#12 KDF (the PFX MAC and
 * PKCS#12 PBE) and PBKDF1 (PBES1). Files real tools write stay far below: OpenSSL 2048, Windows 2000 or
 * 10 000, Java 10 000, the Taxpayer Application and this app 100 000. 600 000 is OWASP's 2023 advice for
 * PBKDF2-HMAC-SHA256, the most a careful tool writes today, and the bench opens such a PFX (SHA-512 MAC)
 * in about a second. Above it a crafted count would keep the tab busy for seconds to hours (the
 * INTEGER is unbounded), with no password able to help.
 */
export const MAX_ITERATIONS = 600_000;

/**
 * The iteration count in `node`, 1 to `MAX_ITERATIONS`, read before any derivation is started.
 *
 * @throws CryptoError `iterations-too-many` above `MAX_ITERATIONS`; `corrupt-file` below 1.
 */
export function iterationCount(node: asn1js.Integer, what: string): number {
  const value = node.toBigInt();
  if (value > BigInt(MAX_ITERATIONS)) {
    throw new CryptoError('iterations-too-many', `${what} ${value} is above the ${MAX_ITERATIONS} we accept`);
  }
  return integerInRange(node, 1, MAX_ITERATIONS, what);
}
