import * as asn1js from 'asn1js';
import { Certificate } from 'pkijs';
import { bytesEqual, toHex } from '../lib/bytes';
import {
  bitStringBytes,
  children,
  corrupt,
  decodeDer,
  encodedBytes,
  firstValue,
  isContext,
  isUniversal,
  parsePkijs,
} from './asn1';
import type { CertificateSummary, QcStatements } from './certificate-summary';
import { encodeName, formatName, readName } from './distinguished-name';
import { CryptoError } from './errors';
import { identifyDer } from './file-kind';
import { QC_OID, stripKsefSuffix } from './ksef-profile';
import { OID } from './oids';
import { decodeFileBytes } from './pem';
import { publicKeyType, readPublicKey } from './public-key';
import { pkcs7Certificates } from './pkcs7';
import { verifySignature } from './signature';
import { KEY_USAGE_BITS } from './key-usage';

/** PEM labels that hold an X.509 certificate (RFC 7468 §5.1 and the OpenSSL variants). */
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
/** RFC 7468 §8: a PKCS#7 / CMS certificate bundle (`.p7b`). */
const PKCS7_LABEL = 'PKCS7';
const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);

/**
 * Reads every certificate in a file, in file order, and summarises each (see `CertificateSummary`).
 * Accepts PEM with one or more `CERTIFICATE` / `X509 CERTIFICATE` / `TRUSTED CERTIFICATE` blocks (other
 * blocks beside them, such as a key, are ignored), DER, or bare base64 of DER (what KSeF's
 * `/certificates/retrieve` returns); a PKCS#7 bundle (`.p7b`, PEM `PKCS7` or DER) gives each certificate
 * it holds. `now` sets validity and daysRemaining.
 *
 * @throws CryptoError
 *   - `empty-file`: no bytes;
 *   - `key-not-certificate`: a private key — PEM `... PRIVATE KEY`, DER PKCS#8 (plain or encrypted),
 *     PKCS#1 or SEC1 — or a PKCS#12/PFX (the UI hands PFX files to the key reader);
 *   - `csr-not-certificate`: a certification request (PEM or DER);
 *   - `corrupt-file`: broken PEM, DER that does not parse, a certificate with a malformed field;
 *   - `unrecognized-file`: anything else (text, random bytes, PEM without any of the above).
 */
export async function readCertificates(
  bytes: Uint8Array,
  now: Date = new Date(),
  crypto: Crypto = globalThis.crypto,
): Promise<CertificateSummary[]> {
  const encoding = decodeFileBytes(bytes);
  if (encoding.kind === 'der') {
    // The same sorting the key reader uses, so a file goes to exactly one of the two readers.
    const structure = identifyDer(encoding.der);
    if (structure === 'certification-request') {
      throw new CryptoError('csr-not-certificate', 'This is a certificate signing request');
    }
    if (structure === 'pkcs7-signed-data') return summarizeAll(pkcs7Certificates(encoding.der), now, crypto);
    if (structure !== 'certificate')
      throw new CryptoError('key-not-certificate', 'This is a private key, not a certificate');
    return [await summarize(parseCertificate(encoding.der), now, crypto)];
  }
  const certificates = encoding.blocks.filter((b) => CERTIFICATE_LABELS.has(b.label) || b.label === PKCS7_LABEL);
  if (certificates.length === 0) {
    if (encoding.blocks.some((b) => b.label.endsWith('PRIVATE KEY') || b.label === 'PKCS12')) {
      throw new CryptoError('key-not-certificate', 'The PEM holds a private key, not a certificate');
    }
    if (encoding.blocks.some((b) => CSR_LABELS.has(b.label))) {
      throw new CryptoError('csr-not-certificate', 'The PEM holds a certificate signing request');
    }
    throw new CryptoError('unrecognized-file', 'The PEM holds no certificate');
  }
  return summarizeAll(
    certificates.flatMap((block) =>
      block.label === PKCS7_LABEL
        ? pkcs7Certificates(block.der)
        : // OpenSSL's TRUSTED CERTIFICATE is the certificate followed by trust settings we do not read.
          [block.label === 'TRUSTED CERTIFICATE' ? firstValue(block.der, 'The TRUSTED CERTIFICATE') : block.der],
    ),
    now,
    crypto,
  );
}

async function summarizeAll(ders: readonly Uint8Array[], now: Date, crypto: Crypto): Promise<CertificateSummary[]> {
  const summaries: CertificateSummary[] = [];
  for (const der of ders) summaries.push(await summarize(parseCertificate(der), now, crypto));
  return summaries;
}

/**
 * The first certificate of a file (the leaf, in the order KSeF, OpenSSL and browsers write chains).
 * Same inputs and errors as `readCertificates`.
 */
export async function readCertificate(
  bytes: Uint8Array,
  now: Date = new Date(),
  crypto: Crypto = globalThis.crypto,
): Promise<CertificateSummary> {
  const [first] = await readCertificates(bytes, now, crypto);
  if (first === undefined) throw new CryptoError('unrecognized-file', 'The file holds no certificate');
  return first;
}

/** A certificate parsed by pkijs, with the exact DER of the parts pkijs would re-encode. */
export interface ParsedCertificate {
  readonly certificate: Certificate;
  readonly der: Uint8Array;
  /** DER SubjectPublicKeyInfo as it appears in the certificate. */
  readonly spki: Uint8Array;
}

/**
 * Parses one DER X.509 certificate (RFC 5280 §4.1) strictly: one complete structure, nothing after it.
 *
 * @throws CryptoError `corrupt-file` when it does not parse.
 */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const copy = Uint8Array.from(der);
  const root = decodeDer(copy, 'The certificate');
  // pkijs reports a schema mismatch by throwing: the bytes are not a Certificate.
  const certificate = parsePkijs(() => new Certificate({ schema: root }), 'The certificate does not parse');
  return { certificate, der: copy, spki: certificateSpki(root) };
}

/**
 * The exact DER of the subjectPublicKeyInfo of a decoded certificate (RFC 5280 §4.1: the TBSCertificate
 * field after the optional `[0]` version), as it stands in the file; pkijs would re-encode it.
 *
 * @throws CryptoError `corrupt-file` when the structure has no such field.
 */
export function certificateSpki(root: asn1js.AsnType): Uint8Array {
  const [tbs] = children(root);
  const fields = tbs === undefined ? [] : children(tbs);
  const spki = fields[isContext(fields[0], 0) ? 6 : 5];
  if (spki === undefined) throw corrupt('The certificate has no subjectPublicKeyInfo');
  return encodedBytes(spki);
}

async function summarize(
  { certificate, der, spki }: ParsedCertificate,
  now: Date,
  crypto: Crypto,
): Promise<CertificateSummary> {
  const subject = readName(certificate.subject);
  const issuer = readName(certificate.issuer);
  const notBefore = certificate.notBefore.value;
  const notAfter = certificate.notAfter.value;
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) {
    throw new CryptoError('corrupt-file', 'The certificate has an invalid validity date');
  }
  const key = readPublicKey(spki);
  const keyUsage = readKeyUsage(certificate);
  const commonName = subject.find((a) => a.type === OID.commonName)?.value ?? null;
  const signature = bitStringBytes(certificate.signatureValue);
  const sameName = bytesEqual(encodeName(certificate.issuer), encodeName(certificate.subject));
  const selfSigned =
    sameName &&
    signature !== null &&
    (await verifySignature(spki, certificate.signatureAlgorithm, certificate.tbsView, signature, crypto)) === 'valid';
  const fingerprint = new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(der)));
  return {
    subject,
    subjectText: formatName(subject),
    issuer,
    issuerText: formatName(issuer),
    ownerName: commonName === null ? null : stripKsefSuffix(commonName),
    serialHex: serialHex(certificate.serialNumber),
    notBefore,
    notAfter,
    daysRemaining: Math.floor((notAfter.getTime() - now.getTime()) / 86_400_000),
    validity: now < notBefore ? 'not-yet-valid' : now > notAfter ? 'expired' : 'valid',
    keyType: publicKeyType(key),
    selfSigned,
    keyUsage,
    qcStatements: readQcStatements(certificate),
    crlDistributionPoints: readCrlDistributionPoints(certificate),
    sha256Fingerprint: toHex(fingerprint),
    spki,
    der,
  };
}

/** Uppercase hex of the serial without the DER sign byte: 8-byte KSeF serials give 16 characters. */
function serialHex(serial: asn1js.Integer): string {
  const bytes = serial.valueBlock.valueHexView;
  return toHex(bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : bytes);
}

/** The keyUsage bits set, by name; empty when the extension is absent. */
function readKeyUsage(certificate: Certificate): string[] {
  const extensions = (certificate.extensions ?? []).filter((e) => e.extnID === OID.keyUsage);
  const [extension] = extensions;
  if (extension === undefined) return [];
  const bits = decodeDer(new Uint8Array(extension.extnValue.getValue()), 'The keyUsage extension');
  if (extensions.length > 1 || !(bits instanceof asn1js.BitString) || bits.idBlock.isConstructed) {
    throw new CryptoError('corrupt-file', 'The keyUsage extension is malformed');
  }
  const bytes = bits.valueBlock.valueHexView;
  const length = bytes.length * 8 - bits.valueBlock.unusedBits;
  return KEY_USAGE_BITS.filter((_, i) => i < length && ((bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

/** The value of the one extension `oid`, decoded; `null` when absent. @throws CryptoError `corrupt-file` if repeated. */
function extensionValue(certificate: Certificate, oid: string, what: string): asn1js.AsnType | null {
  const extensions = (certificate.extensions ?? []).filter((e) => e.extnID === oid);
  const [extension] = extensions;
  if (extension === undefined) return null;
  if (extensions.length > 1) throw new CryptoError('corrupt-file', `The ${what} extension appears twice`);
  return decodeDer(new Uint8Array(extension.extnValue.getValue()), `The ${what} extension`);
}

/**
 * qcStatements (RFC 3739 §3.2.6): SEQUENCE OF QCStatement { statementId OID, statementInfo ANY OPTIONAL }.
 * Reads QcCompliance and the OIDs in QcType (ETSI EN 319 412-5 §4.2.3: SEQUENCE OF OID); other statements
 * are skipped unread.
 *
 * @throws CryptoError `corrupt-file` when the structure or a QcType is malformed.
 */
function readQcStatements(certificate: Certificate): QcStatements | null {
  const value = extensionValue(certificate, QC_OID.statements, 'qcStatements');
  if (value === null) return null;
  const malformed = () => new CryptoError('corrupt-file', 'The qcStatements extension is malformed');
  if (!isUniversal(value, 16)) throw malformed();
  let compliance = false;
  const types: string[] = [];
  for (const statement of children(value)) {
    const [id, info, ...rest] = children(statement);
    if (!isUniversal(statement, 16) || !(id instanceof asn1js.ObjectIdentifier) || rest.length > 0) throw malformed();
    const oid = id.valueBlock.toString();
    if (oid === QC_OID.compliance) compliance = true;
    if (oid !== QC_OID.type) continue;
    if (info === undefined || !isUniversal(info, 16)) throw malformed();
    for (const type of children(info)) {
      if (!(type instanceof asn1js.ObjectIdentifier)) throw malformed();
      types.push(type.valueBlock.toString());
    }
  }
  return { compliance, types };
}

/**
 * The URIs in cRLDistributionPoints (RFC 5280 §4.2.1.13): each DistributionPoint's `[0] distributionPoint`
 * `[0] fullName` GeneralNames, `[6] uniformResourceIdentifier` entries only (IA5 text); nameRelativeToCRLIssuer,
 * reasons and cRLIssuer are skipped.
 *
 * @throws CryptoError `corrupt-file` when the structure is malformed.
 */
function readCrlDistributionPoints(certificate: Certificate): string[] {
  const value = extensionValue(certificate, OID.crlDistributionPoints, 'cRLDistributionPoints');
  if (value === null) return [];
  const malformed = () => new CryptoError('corrupt-file', 'The cRLDistributionPoints extension is malformed');
  if (!isUniversal(value, 16)) throw malformed();
  const uris: string[] = [];
  for (const point of children(value)) {
    if (!isUniversal(point, 16)) throw malformed();
    const [name] = children(point);
    if (!isContext(name, 0) || name === undefined) continue;
    const [fullName] = children(name);
    if (fullName === undefined) throw malformed();
    if (!isContext(fullName, 0)) continue;
    for (const general of children(fullName)) {
      if (!isContext(general, 6)) continue;
      if (!(general instanceof asn1js.Primitive)) throw malformed();
      const bytes = general.valueBlock.valueHexView;
      if (bytes.some((b) => b > 0x7f)) throw malformed();
      uris.push(String.fromCharCode(...bytes));
    }
  }
  return uris;
}
