import * as asn1js from 'asn1js';
import { checkCsr } from '../../../src/crypto/check-csr.ts';
import type { CertificateEnrollmentData } from '../../../src/crypto/enrollment-data.ts';
import { isCryptoError } from '../../../src/crypto/errors.ts';
import { fromBase64 } from '../../../src/lib/bytes.ts';
import { badRequest } from '../core/errors.ts';

/** A CSR that passed every check, with what the CA needs from it. */
export interface AcceptedCsr {
  /** DER SubjectPublicKeyInfo exactly as in the CSR. */
  readonly subjectPublicKeyInfo: Uint8Array;
}

/**
 * Checks `EnrollCertificateRequest.csr` the way KSeF does (CONTRACT §5.3, §6.1), with
 * `checkCsr` (src/crypto/check-csr.ts) reading it:
 * - not base64, not one DER CertificationRequest, undecodable names → 25004;
 * - a key other than EC P-256 or RSA 2048 → 25010;
 * - a signature algorithm other than ECDSA / RSA PKCS#1 v1.5 / RSA-PSS with SHA-256/384/512 (and
 *   ecdsa-with-SHA2 with a NULL parameter) → 25011;
 * - a self-signature that does not verify → 25004;
 * - any subject attribute whose value differs from the enrollment data, a missing or an extra one
 *   → 25003.
 * Values compare exactly; RDN order and string types are not compared (both official SDKs pass with
 * different orders, CONTRACT §6.2; KSeF's view of string types is unverified).
 *
 * @throws SandboxError 400 with the codes above, the details naming what failed.
 */
export async function validateCsr(csrBase64: string, enrollmentData: CertificateEnrollmentData, crypto: Crypto): Promise<AcceptedCsr> {
  const der = fromBase64(csrBase64);
  if (der === null || der.length === 0) throw badRequest(25004, 'CSR nie jest poprawnym Base64.');
  let checks;
  try {
    checks = await checkCsr(der, enrollmentData, crypto);
  } catch (cause) {
    if (isCryptoError(cause)) throw badRequest(25004, 'CSR nie jest poprawną strukturą PKCS#10 DER.');
    throw cause;
  }
  for (const check of checks) {
    if (check.check === 'key-type' && !check.ok) {
      const actual = check.actual.kind === 'EC' ? `EC ${check.actual.curve}` : check.actual.kind === 'RSA' ? `RSA ${check.actual.modulusBits}` : check.actual.algorithmOid;
      throw badRequest(25010, `Klucz ${actual}; dozwolone są EC P-256 i RSA 2048.`);
    }
  }
  for (const check of checks) {
    if (check.check === 'signature-algorithm' && !check.ok) throw badRequest(25011, `Algorytm podpisu CSR: ${check.actual}.`);
  }
  for (const check of checks) {
    if (check.check === 'signature' && !check.ok) throw badRequest(25004, 'Podpis CSR nie weryfikuje się kluczem z CSR.');
  }
  const mismatches = checks.flatMap((check) => {
    if (check.check === 'attribute' && check.actual !== check.expected) return [`${check.attribute}: oczekiwano ${check.expected ?? '(brak)'}, jest ${check.actual ?? '(brak)'}`];
    if (check.check === 'unexpected-attribute') return [`nieoczekiwany atrybut ${check.shortName}=${check.value}`];
    return [];
  });
  if (mismatches.length > 0) throw badRequest(25003, ...mismatches);
  return { subjectPublicKeyInfo: subjectPublicKeyInfoOf(der) };
}

/** The exact DER of the CSR's subjectPKInfo (RFC 2986 §4.1); `checkCsr` already proved the shape. */
function subjectPublicKeyInfoOf(der: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(Uint8Array.from(der));
  const info = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value[0] : undefined;
  const spki = info instanceof asn1js.Sequence ? info.valueBlock.value[2] : undefined;
  if (spki === undefined) throw badRequest(25004, 'CSR nie zawiera klucza publicznego.');
  return Uint8Array.from(spki.valueBeforeDecodeView);
}
