import { toBase64 } from '../lib/bytes';
import { derSequence, derUnsignedInteger, tlv } from './der-writer';
import { buildSubject, encodeName } from './distinguished-name';
import type { CertificateEnrollmentData } from './enrollment-data';
import { CryptoError } from './errors';
import { encodePem } from './pem';
import { signDer } from './sign-der';

/**
 * Builds a PKCS#10 CertificationRequest (RFC 2986 §4) for KSeF, DER-encoded:
 * - `version` 0; `subject` from `buildSubject` (exact enrollment values, C# SDK order, docs/ksef-contract.md §6.2);
 *   `subjectPKInfo` exactly as WebCrypto exports it; `attributes [0]` present and empty, as the SDKs write.
 * - EC P-256 keys: signed with WebCrypto ECDSA/SHA-256, the raw `r || s` re-encoded as DER (RFC 3279
 *   §2.2.3), AlgorithmIdentifier ecdsa-with-SHA256 with the parameters ABSENT (RFC 5758 §3.2; a NULL
 *   there got a PRD CSR rejected, docs/ksef-contract.md §6.3).
 * - RSA 2048 keys (RSASSA-PKCS1-v1_5 with SHA-256): sha256WithRSAEncryption with a NULL parameter
 *   (RFC 4055 §5).
 *
 * The private key signs once and is not exported.
 *
 * @throws CryptoError `invalid-argument` for any other key (another curve or size, RSA-PSS, another hash,
 *   a private key that cannot sign); `invalid-enrollment-data` from `buildSubject`.
 */
export async function buildCsr(
  enrollmentData: CertificateEnrollmentData,
  keyPair: CryptoKeyPair,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  assertKsefKeyPair(keyPair);
  const { algorithmIdentifier, sign } = signDer(keyPair.privateKey, crypto);
  const subject = encodeName(buildSubject(enrollmentData));
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
  // Assembled from exact DER pieces so that the subject and the exported SPKI go out byte for byte.
  const certificationRequestInfo = derSequence(derUnsignedInteger(Uint8Array.of(0)), subject, spki, tlv(0xa0));
  return derSequence(certificationRequestInfo, algorithmIdentifier, await sign(certificationRequestInfo));
}

/** The public half must match the private one: a CSR signed by one key for another never verifies. */
function assertKsefKeyPair({ publicKey, privateKey }: CryptoKeyPair): void {
  if (publicKey.type !== 'public' || publicKey.algorithm.name !== privateKey.algorithm.name) {
    throw new CryptoError('invalid-argument', 'The public and private keys are of different algorithms');
  }
}

/** Base64 of the DER CSR without line breaks: the `EnrollCertificateRequest.csr` value (docs/ksef-contract.md §5.3). */
export function csrToBase64(der: Uint8Array): string {
  return toBase64(der);
}

/** PEM `CERTIFICATE REQUEST` (RFC 7468 §7), for saving next to the key. */
export function csrToPem(der: Uint8Array): string {
  return encodePem('CERTIFICATE REQUEST', der);
}
