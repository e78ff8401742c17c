import * as asn1js from 'asn1js';
import { children, corrupt, decodeDer, firstValue, isContext, isUniversal } from './asn1';
import { CryptoError } from './errors';
import { OID } from './oids';
import { type PemBlock, decodeFileBytes } from './pem';

/** What a file (or one PEM block of it) holds, as the UI sorts dropped files. */
export type FileKind = 'encrypted-private-key' | 'private-key' | 'certificate' | 'csr' | 'pkcs12';

/** The DER structures we tell apart, by their RFC names (finer than `FileKind`). */
export type DerStructure =
  /** RFC 7292 PFX. */
  | 'pfx'
  /** RFC 5208 EncryptedPrivateKeyInfo. */
  | 'encrypted-private-key-info'
  /** RFC 5208 PrivateKeyInfo / RFC 5958 OneAsymmetricKey. */
  | 'private-key-info'
  /** RFC 8017 RSAPrivateKey (PKCS#1). */
  | 'rsa-private-key'
  /** RFC 5915 ECPrivateKey (SEC 1). */
  | 'ec-private-key'
  /** RFC 5280 Certificate. */
  | 'certificate'
  /** RFC 2986 CertificationRequest. */
  | 'certification-request'
  /** RFC 5652 ContentInfo of type SignedData: a PKCS#7 certificate bundle (`.p7b`). */
  | 'pkcs7-signed-data';

const KIND_OF_STRUCTURE: Record<DerStructure, FileKind> = {
  pfx: 'pkcs12',
  'encrypted-private-key-info': 'encrypted-private-key',
  'private-key-info': 'private-key',
  'rsa-private-key': 'private-key',
  'ec-private-key': 'private-key',
  certificate: 'certificate',
  'certification-request': 'csr',
  'pkcs7-signed-data': 'certificate',
};

/** PEM labels (RFC 7468 and OpenSSL's traditional ones) and the structure each must hold. */
const STRUCTURE_OF_LABEL = new Map<string, DerStructure>([
  ['ENCRYPTED PRIVATE KEY', 'encrypted-private-key-info'],
  ['PRIVATE KEY', 'private-key-info'],
  ['RSA PRIVATE KEY', 'rsa-private-key'],
  ['EC PRIVATE KEY', 'ec-private-key'],
  ['CERTIFICATE', 'certificate'],
  ['X509 CERTIFICATE', 'certificate'],
  // OpenSSL's trusted certificate: the certificate, then trust settings (checked on the certificate alone).
  ['TRUSTED CERTIFICATE', 'certificate'],
  ['CERTIFICATE REQUEST', 'certification-request'],
  ['NEW CERTIFICATE REQUEST', 'certification-request'],
  ['PKCS12', 'pfx'],
  ['PKCS7', 'pkcs7-signed-data'],
]);

/**
 * Tells what a file holds, by content (never by name), without a password. For PEM, one entry per
 * recognised block, in file order (blocks such as `EC PARAMETERS` or `PUBLIC KEY` are skipped); for
 * DER or bare base64, one entry. An OpenSSL traditional PEM key with `Proc-Type: 4,ENCRYPTED` is an
 * `encrypted-private-key`.
 *
 * @throws CryptoError `empty-file` for no bytes; `unrecognized-file` when nothing is recognised;
 *   `public-key-not-private-key`, `openssh-private-key`, `java-keystore` for those files;
 *   `corrupt-file` for broken PEM or DER, or a PEM block whose content does not match its label.
 */
export function identifyFile(bytes: Uint8Array): FileKind[] {
  const encoding = decodeFileBytes(bytes);
  if (encoding.kind === 'der') return [KIND_OF_STRUCTURE[identifyDer(encoding.der)]];
  const kinds: FileKind[] = [];
  for (const block of encoding.blocks) {
    const structure = pemBlockStructure(block);
    if (structure !== undefined)
      kinds.push(isLegacyEncryptedPem(block) ? 'encrypted-private-key' : KIND_OF_STRUCTURE[structure]);
  }
  if (kinds.length === 0) {
    const labels = new Set(encoding.blocks.map((block) => block.label));
    if (labels.has('OPENSSH PRIVATE KEY')) throw opensshKey();
    if (labels.has('PUBLIC KEY') || labels.has('RSA PUBLIC KEY')) throw publicKey();
    throw new CryptoError('unrecognized-file', 'The PEM file holds no key, certificate or request');
  }
  return kinds;
}

/** The command that converts an OpenSSH private key, in place, to PKCS#8 PEM (ssh-keygen asks for the passphrase). */
export const OPENSSH_CONVERSION_HINT = 'ssh-keygen -p -m PKCS8 -f key';

/** An `openssh-private-key` error with the conversion command. */
export function opensshKey(): CryptoError {
  return new CryptoError('openssh-private-key', `This is an OpenSSH key; convert it with: ${OPENSSH_CONVERSION_HINT}`);
}

function publicKey(): CryptoError {
  return new CryptoError('public-key-not-private-key', 'This is a public key; the private key is needed');
}

/**
 * The structure a PEM block holds according to its label, checked against its content; `undefined`
 * for labels we do not read. The content of a traditional encrypted block is not DER and is not checked.
 *
 * @throws CryptoError `corrupt-file` when the content does not match the label.
 */
export function pemBlockStructure(block: PemBlock): DerStructure | undefined {
  const expected = STRUCTURE_OF_LABEL.get(block.label);
  if (expected === undefined || isLegacyEncryptedPem(block)) return expected;
  const der = block.label === 'TRUSTED CERTIFICATE' ? firstValue(block.der, 'The TRUSTED CERTIFICATE') : block.der;
  const actual = identifyDer(der);
  if (actual !== expected) throw corrupt(`The PEM block "${block.label}" holds a ${actual}, not a ${expected}`);
  return expected;
}

/** True for an OpenSSL traditional PEM block encrypted in place (`Proc-Type: 4,ENCRYPTED`, RFC 1421). */
export function isLegacyEncryptedPem(block: PemBlock): boolean {
  return /ENCRYPTED/i.test(block.headers.get('Proc-Type') ?? '');
}

/**
 * Identifies a DER value by its outer structure only (no key is decoded, nothing is decrypted).
 *
 * @throws CryptoError `corrupt-file` for bytes that are not one complete DER value;
 *   `public-key-not-private-key` for a SubjectPublicKeyInfo; `unrecognized-file` for DER of another structure.
 */
export function identifyDer(der: Uint8Array): DerStructure {
  const root = decodeDer(der, 'The file');
  const elements = isUniversal(root, 16) ? children(root) : [];
  const [first, second, third] = elements;
  const version = first instanceof asn1js.Integer ? first.toBigInt() : undefined;
  const count = elements.length;

  if (version === 3n && isAlgorithmLike(second) && count <= 3) return 'pfx';
  if (count === 2 && first instanceof asn1js.ObjectIdentifier && first.valueBlock.toString() === OID.signedData) {
    if (isContext(second, 0)) return 'pkcs7-signed-data';
  }
  if (count === 2 && isAlgorithmLike(first) && second instanceof asn1js.OctetString)
    return 'encrypted-private-key-info';
  // SubjectPublicKeyInfo (RFC 5280 §4.1): what `openssl pkey -pubout` writes.
  if (count === 2 && isAlgorithmLike(first) && second instanceof asn1js.BitString) throw publicKey();
  if (
    (version === 0n || version === 1n) &&
    isAlgorithmLike(second) &&
    third instanceof asn1js.OctetString &&
    count <= 5
  ) {
    return 'private-key-info';
  }
  if (count >= 9 && elements.slice(0, 9).every((node) => node instanceof asn1js.Integer)) return 'rsa-private-key';
  const ecTail = elements.slice(2).map((node) => (isContext(node, 0) ? 0 : isContext(node, 1) ? 1 : -1));
  if (version === 1n && second instanceof asn1js.OctetString && ['', '0', '1', '0,1'].includes(ecTail.join(','))) {
    return 'ec-private-key';
  }
  if (
    count === 3 &&
    isUniversal(first, 16) &&
    first !== undefined &&
    isAlgorithmLike(second) &&
    third instanceof asn1js.BitString
  ) {
    return signedStructure(children(first));
  }
  throw new CryptoError('unrecognized-file', 'The file is DER of a structure we do not read');
}

/** A SEQUENCE that starts with an OBJECT IDENTIFIER: an AlgorithmIdentifier, or a ContentInfo. */
function isAlgorithmLike(node: asn1js.AsnType | undefined): boolean {
  return node !== undefined && isUniversal(node, 16) && children(node)[0] instanceof asn1js.ObjectIdentifier;
}

/** Certificate (RFC 5280 §4.1) and CertificationRequest (RFC 2986 §4) differ in their signed body. */
function signedStructure(body: readonly asn1js.AsnType[]): DerStructure {
  const [head] = body;
  // TBSCertificate: [0] version (v2, v3), or for v1 serial, signature, issuer, validity, subject, spki.
  if (isContext(head, 0) || (head instanceof asn1js.Integer && body.length >= 6)) return 'certificate';
  // CertificationRequestInfo: version 0, subject, subjectPKInfo, [0] attributes.
  if (head instanceof asn1js.Integer && head.toBigInt() === 0n && body.length === 4 && isContext(body[3], 0)) {
    return 'certification-request';
  }
  throw new CryptoError('unrecognized-file', 'The file is a signed structure we do not read');
}
