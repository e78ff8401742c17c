import * as asn1js from 'asn1js';
import { CertificationRequest } from 'pkijs';
import type { AlgorithmIdentifier } from 'pkijs';
import {
  ENROLLMENT_ATTRIBUTE_OIDS,
  ENROLLMENT_STRING_TYPES,
  encodeName,
  rdnSizes,
  readName,
} from './distinguished-name';
import type { DecodedNameAttribute, StringType } from './distinguished-name';
import type { CertificateEnrollmentData, EnrollmentAttribute } from './enrollment-data';
import { ENROLLMENT_ATTRIBUTES } from './enrollment-data';
import { bitStringBytes, decodeDer, encodedBytes, parsePkijs } from './asn1';
import { CryptoError } from './errors';
import type { KeyType } from './key-type';
import { OID } from './oids';
import { publicKeyType, readPublicKey } from './public-key';
import type { PublicKeyMaterial } from './public-key';
import { readSignatureAlgorithm, verifySignature } from './signature';
import type { VerifyResult } from './signature';

/** A key type as found in a CSR: one we know, or the SPKI algorithm OID of one we do not. */
export type CsrKeyType = KeyType | { readonly kind: 'other'; readonly algorithmOid: string };

/**
 * One finding of the pre-flight check of a CSR, passes included, so the UI can render a checklist.
 * `ok: false` on any finding means KSeF would reject the request (docs/ksef-contract.md §5.3, §6.1).
 */
export type CsrCheck =
  /** The self-signature verifies with the CSR's own key (else KSeF answers 25004). */
  | { readonly check: 'signature'; readonly ok: boolean; readonly result: VerifyResult }
  /** ECDSA, RSA PKCS#1 v1.5 or RSA-PSS with SHA-256/384/512; ECDSA without parameters (25011). */
  | { readonly check: 'signature-algorithm'; readonly ok: boolean; readonly actual: string }
  /** EC P-256 or RSA of exactly 2048 bits (25010). */
  | { readonly check: 'key-type'; readonly ok: boolean; readonly actual: CsrKeyType }
  /** Every RDN holds one attribute, as the official SDKs write them. */
  | { readonly check: 'one-attribute-per-rdn'; readonly ok: boolean }
  /**
   * One enrollment attribute: present with exactly the enrollment value and the SDK string type when
   * the data has a non-empty value, absent otherwise (25003). `null` means absent.
   */
  | {
      readonly check: 'attribute';
      readonly attribute: EnrollmentAttribute;
      readonly ok: boolean;
      readonly expected: string | null;
      readonly actual: string | null;
      readonly stringType: StringType | null;
      readonly expectedStringType: StringType;
    }
  /** A subject attribute the enrollment data does not call for (or a second copy of one). */
  | {
      readonly check: 'unexpected-attribute';
      readonly ok: false;
      readonly type: string;
      readonly shortName: string;
      readonly value: string;
    };

/**
 * Re-reads a CSR we are about to submit and compares it with the enrollment data, so that every
 * reason KSeF could reject it shows before the request is sent (docs/ksef-contract.md §6.3 "verify before sending").
 * Returns, in order: signature, signature-algorithm, key-type, one-attribute-per-rdn, one `attribute`
 * finding per `ENROLLMENT_ATTRIBUTES` entry, then one `unexpected-attribute` per extra subject attribute.
 * Values compare exactly (no trimming, no case folding, no Unicode normalisation).
 *
 * @throws CryptoError `corrupt-file` when `csrDer` is not one well-formed DER CertificationRequest
 *   (including a malformed public key or an undecodable name string).
 */
export async function checkCsr(
  csrDer: Uint8Array,
  enrollmentData: CertificateEnrollmentData,
  crypto: Crypto = globalThis.crypto,
): Promise<CsrCheck[]> {
  const { csr, spki } = parseCsr(csrDer);
  const key = readPublicKey(spki);
  const subject = readName(csr.subject);
  const signature = bitStringBytes(csr.signatureValue);
  const result =
    signature === null
      ? 'invalid'
      : await verifySignature(spki, csr.signatureAlgorithm, csr.tbsView, signature, crypto);

  return [
    { check: 'signature', ok: result === 'valid', result },
    checkSignatureAlgorithm(csr.signatureAlgorithm),
    checkKeyType(key),
    { check: 'one-attribute-per-rdn', ok: rdnSizes(encodeName(csr.subject)).every((n) => n === 1) },
    ...checkSubject(subject, enrollmentData),
  ];
}

/** True when every finding passed: the CSR may be submitted. */
export function csrChecksPass(checks: readonly CsrCheck[]): boolean {
  return checks.length > 0 && checks.every((c) => c.ok);
}

/** The parsed request and the exact DER of its SubjectPublicKeyInfo (pkijs would re-encode it). */
function parseCsr(der: Uint8Array): { csr: CertificationRequest; spki: Uint8Array } {
  const root = decodeDer(Uint8Array.from(der), 'The CSR');
  // pkijs reports a schema mismatch by throwing: the bytes are not a CertificationRequest.
  const csr = parsePkijs(() => new CertificationRequest({ schema: root }), 'The CSR does not parse');
  // The schema matched, so the tree is SEQUENCE { SEQUENCE { version, subject, subjectPKInfo, ... }, ... }.
  const info = root instanceof asn1js.Sequence ? root.valueBlock.value[0] : undefined;
  const spki = info instanceof asn1js.Sequence ? info.valueBlock.value[2] : undefined;
  if (spki === undefined) throw new CryptoError('corrupt-file', 'The CSR has no subjectPKInfo');
  return { csr, spki: encodedBytes(spki) };
}

const SIGNATURE_NAMES: Readonly<Record<string, string>> = {
  [OID.ecdsaWithSha256]: 'ecdsa-with-SHA256',
  [OID.ecdsaWithSha384]: 'ecdsa-with-SHA384',
  [OID.ecdsaWithSha512]: 'ecdsa-with-SHA512',
  [OID.ecdsaWithSha1]: 'ecdsa-with-SHA1',
  [OID.sha256WithRsaEncryption]: 'sha256WithRSAEncryption',
  [OID.sha384WithRsaEncryption]: 'sha384WithRSAEncryption',
  [OID.sha512WithRsaEncryption]: 'sha512WithRSAEncryption',
  [OID.sha1WithRsaEncryption]: 'sha1WithRSAEncryption',
  [OID.idRsassaPss]: 'RSASSA-PSS',
};

/** `actual` is the RFC name (`ecdsa-with-SHA256`, with ` + NULL` when a NULL parameter is present). */
function checkSignatureAlgorithm(algorithm: AlgorithmIdentifier): CsrCheck {
  const read = readSignatureAlgorithm(algorithm);
  const name = SIGNATURE_NAMES[algorithm.algorithmId] ?? algorithm.algorithmId;
  const params: unknown = algorithm.algorithmParams;
  const actual =
    read?.name === 'RSA-PSS'
      ? `RSASSA-PSS (${read.hash}, MGF1-${read.hash}, salt ${read.saltLength})`
      : params instanceof asn1js.Null && read?.name === 'ECDSA'
        ? `${name} + NULL`
        : name;
  // RFC 5758 §3.2: ecdsa-with-SHA2 parameters MUST be absent; the NULL form got a PRD CSR rejected (#655).
  const ok = read !== null && !(read.name === 'ECDSA' && read.nullParameters);
  return { check: 'signature-algorithm', ok, actual };
}

function checkKeyType(key: PublicKeyMaterial): CsrCheck {
  const actual = publicKeyType(key);
  const ok =
    (actual.kind === 'EC' && actual.curve === 'P-256') || (actual.kind === 'RSA' && actual.modulusBits === 2048);
  return { check: 'key-type', ok, actual };
}

function checkSubject(subject: readonly DecodedNameAttribute[], data: CertificateEnrollmentData): CsrCheck[] {
  const used = new Set<DecodedNameAttribute>();
  const findings: CsrCheck[] = ENROLLMENT_ATTRIBUTES.map((attribute) => {
    const value = data[attribute];
    const expected = value === undefined || value === null || value === '' ? null : value;
    const found = subject.find((a) => a.type === ENROLLMENT_ATTRIBUTE_OIDS[attribute]);
    if (found !== undefined) used.add(found);
    const expectedStringType = ENROLLMENT_STRING_TYPES[attribute];
    const actual = found?.value ?? null;
    const stringType = found?.stringType ?? null;
    const ok = expected === null ? found === undefined : actual === expected && stringType === expectedStringType;
    return { check: 'attribute', attribute, ok, expected, actual, stringType, expectedStringType };
  });
  for (const a of subject) {
    if (!used.has(a))
      findings.push({ check: 'unexpected-attribute', ok: false, type: a.type, shortName: a.shortName, value: a.value });
  }
  return findings;
}
