import * as asn1js from 'asn1js';
import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { CertificateEnrollmentData } from '../../../src/crypto/enrollment-data.ts';
import { fromBase64 } from '../../../src/lib/bytes.ts';
import { badRequest } from '../core/errors.ts';
import { CsrFormatError, type ParsedCsr, parseCsr } from './csr-parse.ts';

/** A CSR that passed every check, with what the CA needs from it. */
export interface AcceptedCsr {
  /** DER SubjectPublicKeyInfo exactly as in the CSR. */
  readonly subjectPublicKeyInfo: Uint8Array;
}

/** The subject attributes of `CertificateEnrollmentData` and their OIDs (docs/ksef-contract.md §5.2). */
const SUBJECT_OIDS: Readonly<Record<keyof CertificateEnrollmentData, string>> = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  givenName: '2.5.4.42',
  organizationName: '2.5.4.10',
  organizationIdentifier: '2.5.4.97',
  countryName: '2.5.4.6',
  serialNumber: '2.5.4.5',
  uniqueIdentifier: '2.5.4.45',
};

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const P256 = '1.2.840.10045.3.1.7';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';

/** Hashes docs/ksef-contract.md §6.1 allows, by digest OID. */
const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const ECDSA: Readonly<Record<string, string>> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const RSA_PKCS1: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

type Verification =
  | { readonly kind: 'ecdsa'; readonly hash: string }
  | { readonly kind: 'pkcs1'; readonly hash: string }
  | { readonly kind: 'pss'; readonly hash: string; readonly saltLength: number };

/**
 * Checks `EnrollCertificateRequest.csr` the way KSeF does (docs/ksef-contract.md §5.3, §6.1), in this order:
 * - not base64, not one DER CertificationRequest, a subject string its type cannot hold (a
 *   PrintableString with Polish letters, docs/ksef-contract.md §13 #12), a malformed key → 25004;
 * - a key other than EC P-256 or RSA of exactly 2048 bits → 25010;
 * - a signature algorithm other than ECDSA / RSA PKCS#1 v1.5 / RSA-PSS with SHA-1/256/384/512, or
 *   ecdsa-with-SHA* with parameters (RFC 5758 §3.2; the NULL form of #655) → 25011;
 * - a self-signature that does not verify with the CSR's key → 25004;
 * - any subject attribute whose text differs from the enrollment data, a missing one, a repeated one,
 *   or one the data does not call for → 25003.
 * Values compare exactly; RDN order and the choice among string types are not compared (both official
 * SDKs pass with different orders, docs/ksef-contract.md §6.2; KSeF's view of string types is UNVERIFIED, §14).
 *
 * @throws SandboxError 400 with the codes above, the details naming what failed.
 */
export function validateCsr(csrBase64: string, enrollmentData: CertificateEnrollmentData): AcceptedCsr {
  const der = fromBase64(csrBase64);
  if (der === null || der.length === 0) throw badRequest(25004, 'CSR nie jest poprawnym Base64.');
  let csr: ParsedCsr;
  let key: KeyObject;
  try {
    csr = parseCsr(der);
    key = createPublicKey({ key: Buffer.from(csr.spki), format: 'der', type: 'spki' });
  } catch (cause) {
    if (cause instanceof CsrFormatError)
      throw badRequest(25004, `CSR nie jest poprawną strukturą PKCS#10 DER (${cause.message}).`);
    // node:crypto refuses a SubjectPublicKeyInfo it cannot read with an Error carrying an OpenSSL code.
    if (cause instanceof Error && 'code' in cause) throw badRequest(25004, 'CSR zawiera nieczytelny klucz publiczny.');
    throw cause;
  }
  checkKey(csr, key);
  const verification = signatureAlgorithm(csr);
  if (!verifies(csr, key, verification)) throw badRequest(25004, 'Podpis CSR nie weryfikuje się kluczem z CSR.');
  const mismatches = subjectMismatches(csr, enrollmentData);
  if (mismatches.length > 0) throw badRequest(25003, ...mismatches);
  return { subjectPublicKeyInfo: csr.spki };
}

function checkKey(csr: ParsedCsr, key: KeyObject): void {
  if (csr.keyAlgorithm === EC_PUBLIC_KEY && csr.keyCurve === P256) return;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (csr.keyAlgorithm === RSA_ENCRYPTION && bits === 2048) return;
  const actual =
    csr.keyAlgorithm === EC_PUBLIC_KEY
      ? `EC ${key.asymmetricKeyDetails?.namedCurve ?? csr.keyCurve ?? '?'}`
      : csr.keyAlgorithm === RSA_ENCRYPTION
        ? `RSA ${bits ?? '?'}`
        : csr.keyAlgorithm;
  throw badRequest(25010, `Klucz ${actual}; dozwolone są EC P-256 i RSA 2048.`);
}

/** @throws SandboxError 25011 for an algorithm docs/ksef-contract.md §6.1 does not allow. */
function signatureAlgorithm(csr: ParsedCsr): Verification {
  const { signatureAlgorithm: oid, signatureParameters: parameters } = csr;
  const refuse = (why = '') => badRequest(25011, `Algorytm podpisu CSR: ${oid}${why}.`);
  const ecdsaHash = ECDSA[oid];
  if (ecdsaHash !== undefined) {
    if (parameters !== undefined) throw refuse(' z parametrami (RFC 5758: muszą być pominięte)');
    return { kind: 'ecdsa', hash: ecdsaHash };
  }
  const rsaHash = RSA_PKCS1[oid];
  if (rsaHash !== undefined) {
    if (parameters !== undefined && !(parameters instanceof asn1js.Null))
      throw refuse(' z parametrami innymi niż NULL');
    return { kind: 'pkcs1', hash: rsaHash };
  }
  if (oid === RSASSA_PSS) {
    const pss = pssParameters(parameters);
    if (pss !== null) return pss;
    throw refuse(' z parametrami, których KSeF nie przyjmuje');
  }
  throw refuse();
}

/**
 * RSASSA-PSS-params (RFC 4055 §3.1) with one hash for the digest and MGF1, and trailer 1. Defaults
 * (SHA-1, MGF1-SHA-1, salt 20) apply to absent fields.
 */
function pssParameters(parameters: asn1js.AsnType | undefined): Verification | null {
  if (!(parameters instanceof asn1js.Sequence)) return null;
  let hash = 'sha1';
  let mgfHash = 'sha1';
  let saltLength = 20;
  for (const field of parameters.valueBlock.value) {
    const inner =
      field instanceof asn1js.Constructed && field.idBlock.tagClass === 3 ? field.valueBlock.value[0] : undefined;
    if (inner === undefined) return null;
    const tag = field.idBlock.tagNumber;
    if (tag === 0) hash = digestOf(inner) ?? '';
    else if (tag === 1) {
      const [mgf, mgfParameters] = inner instanceof asn1js.Sequence ? inner.valueBlock.value : [];
      if (!(mgf instanceof asn1js.ObjectIdentifier) || mgf.valueBlock.toString() !== MGF1) return null;
      mgfHash = digestOf(mgfParameters) ?? '';
    } else if (tag === 2 && inner instanceof asn1js.Integer) saltLength = inner.valueBlock.valueDec;
    else if (!(tag === 3 && inner instanceof asn1js.Integer && inner.valueBlock.valueDec === 1)) return null;
  }
  if (hash === '' || hash !== mgfHash || !(saltLength >= 0)) return null;
  return { kind: 'pss', hash, saltLength };
}

/** The hash of an AlgorithmIdentifier with absent or NULL parameters, or `null`. */
function digestOf(node: asn1js.AsnType | undefined): string | null {
  const [oid, parameters, ...extra] = node instanceof asn1js.Sequence ? node.valueBlock.value : [];
  if (!(oid instanceof asn1js.ObjectIdentifier) || extra.length > 0) return null;
  if (parameters !== undefined && !(parameters instanceof asn1js.Null)) return null;
  return DIGESTS[oid.valueBlock.toString()] ?? null;
}

/** False as well for a signature of another key type or one that does not decode. */
function verifies(csr: ParsedCsr, key: KeyObject, v: Verification): boolean {
  const type = key.asymmetricKeyType;
  if ((v.kind === 'ecdsa') !== (type === 'ec')) return false;
  const options =
    v.kind === 'ecdsa'
      ? { key, dsaEncoding: 'der' as const }
      : v.kind === 'pkcs1'
        ? { key, padding: constants.RSA_PKCS1_PADDING }
        : { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: v.saltLength };
  try {
    return verify(v.hash, csr.info, options, csr.signature);
  } catch (cause) {
    // OpenSSL errors for a signature that does not decode (bad DER, wrong length).
    if (cause instanceof Error) return false;
    throw cause;
  }
}

/** One line per difference between the subject and the enrollment data (docs/ksef-contract.md §5.2, §6.1). */
function subjectMismatches(csr: ParsedCsr, data: CertificateEnrollmentData): string[] {
  const known = new Set(Object.values(SUBJECT_OIDS));
  const problems: string[] = (Object.entries(SUBJECT_OIDS) as [keyof CertificateEnrollmentData, string][]).flatMap(
    ([name, oid]) => {
      const value = data[name];
      const expected = value === undefined || value === null || value === '' ? null : value;
      const found = csr.subject.filter((a) => a.type === oid);
      if (found.length > 1) return [`${name}: atrybut powtórzony ${found.length} razy`];
      const actual = found[0] === undefined ? null : (found[0].text ?? '(wartość niebędąca napisem)');
      return actual === expected ? [] : [`${name}: oczekiwano ${expected ?? '(brak)'}, jest ${actual ?? '(brak)'}`];
    },
  );
  for (const a of csr.subject) {
    if (!known.has(a.type)) problems.push(`nieoczekiwany atrybut ${a.type}=${a.text ?? '(wartość niebędąca napisem)'}`);
  }
  return problems;
}
