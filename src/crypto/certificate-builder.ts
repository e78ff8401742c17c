import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../lib/bytes';
import { derSequence, derUnsignedInteger, tlv } from './der-writer';
import { CryptoError } from './errors';
import { KEY_USAGE_BITS, type KeyUsageName } from './key-usage';
import { OID } from './oids';
import { signDer } from './sign-der';

export type { KeyUsageName } from './key-usage';

/** What goes into a certificate we issue (a test identity, or a certificate of the local sandbox CA). */
export interface CertificateTemplate {
  /** Positive serial, big-endian; KSeF uses 8 bytes. */
  readonly serialNumber: Uint8Array;
  /** DER `Name` of the issuer (equal to `subject` for a self-signed certificate). */
  readonly issuer: Uint8Array;
  /** DER `Name` of the subject. */
  readonly subject: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DER SubjectPublicKeyInfo of the subject's key. */
  readonly subjectPublicKeyInfo: Uint8Array;
  /** keyUsage bits, marked critical; empty for no keyUsage extension. */
  readonly keyUsage: readonly KeyUsageName[];
  /** Adds basicConstraints cA=TRUE (critical). */
  readonly certificateAuthority?: boolean;
  /** DER SubjectPublicKeyInfo of the issuer's key, for authorityKeyIdentifier; omitted when self-signed. */
  readonly issuerPublicKeyInfo?: Uint8Array;
  /** URIs of a cRLDistributionPoints extension (RFC 5280 §4.2.1.13), one distribution point each. */
  readonly crlDistributionPoints?: readonly string[];
}

/**
 * Builds and signs an X.509 v3 certificate (RFC 5280 §4.1), DER-encoded, with the issuer's private key
 * (ECDSA P-256/SHA-256 or RSA 2048 PKCS#1 v1.5/SHA-256, see `signDer`). Extensions: keyUsage (critical),
 * basicConstraints for a CA, subjectKeyIdentifier and authorityKeyIdentifier (RFC 7093 §2 method 1:
 * the leftmost 160 bits of the SHA-256 of the public key bits).
 *
 * @throws CryptoError `invalid-argument` for an empty or negative serial, `notAfter` before `notBefore`,
 *   or an issuer key `signDer` does not accept.
 */
export async function issueCertificate(
  template: CertificateTemplate,
  issuerPrivateKey: CryptoKey,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  if (template.serialNumber.length === 0 || (template.serialNumber[0] ?? 0) & 0x80) {
    throw new CryptoError('invalid-argument', 'The serial number must be a non-empty positive integer');
  }
  if (template.notAfter.getTime() <= template.notBefore.getTime()) {
    throw new CryptoError('invalid-argument', 'notAfter must be later than notBefore');
  }
  const extensions: Uint8Array[] = [];
  if (template.certificateAuthority === true) {
    extensions.push(
      extension(OID.basicConstraints, true, derSequence(new Uint8Array(new asn1js.Boolean({ value: true }).toBER()))),
    );
  }
  if (template.keyUsage.length > 0) {
    extensions.push(extension(OID.keyUsage, true, keyUsageBitString(template.keyUsage)));
  }
  extensions.push(
    extension(OID.subjectKeyIdentifier, false, tlv(0x04, await keyIdentifier(template.subjectPublicKeyInfo, crypto))),
  );
  if (template.issuerPublicKeyInfo !== undefined) {
    const authorityKeyId = await keyIdentifier(template.issuerPublicKeyInfo, crypto);
    extensions.push(extension(OID.authorityKeyIdentifier, false, derSequence(tlv(0x80, authorityKeyId))));
  }
  if (template.crlDistributionPoints !== undefined && template.crlDistributionPoints.length > 0) {
    extensions.push(extension(OID.crlDistributionPoints, false, crlDistributionPoints(template.crlDistributionPoints)));
  }

  const { algorithmIdentifier, sign } = signDer(issuerPrivateKey, crypto);
  const tbsCertificate = derSequence(
    tlv(0xa0, derUnsignedInteger(Uint8Array.of(2))),
    derUnsignedInteger(template.serialNumber),
    algorithmIdentifier,
    template.issuer,
    derSequence(encodeTime(template.notBefore), encodeTime(template.notAfter)),
    template.subject,
    template.subjectPublicKeyInfo,
    tlv(0xa3, derSequence(...extensions)),
  );
  return derSequence(tbsCertificate, algorithmIdentifier, await sign(tbsCertificate));
}

/**
 * CRLDistributionPoints: per URI a DistributionPoint whose `[0] distributionPoint` is `[0] fullName`
 * holding one `[6] uniformResourceIdentifier` (RFC 5280 §4.2.1.13), as KSeF's CA writes it.
 */
function crlDistributionPoints(uris: readonly string[]): Uint8Array<ArrayBuffer> {
  const points = uris.map((uri) => {
    if (!/^[\x21-\x7e]+$/.test(uri)) throw new CryptoError('invalid-argument', 'A CRL URI must be printable ASCII');
    return derSequence(tlv(0xa0, tlv(0xa0, tlv(0x86, new TextEncoder().encode(uri)))));
  });
  return derSequence(...points);
}

/** An Extension (RFC 5280 §4.1): extnID, critical only when TRUE (DER omits DEFAULT values), extnValue. */
export function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array<ArrayBuffer> {
  const id = new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER());
  const flag = critical ? new Uint8Array(new asn1js.Boolean({ value: true }).toBER()) : new Uint8Array();
  return derSequence(id, flag, tlv(0x04, value));
}

/** keyUsage as a DER BIT STRING: named bits with trailing zero bits removed (X.690 §11.2.2). */
function keyUsageBitString(usages: readonly KeyUsageName[]): Uint8Array<ArrayBuffer> {
  const bits = usages.map((u) => KEY_USAGE_BITS.indexOf(u));
  const bytes = new Uint8Array(Math.floor(Math.max(...bits) / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  const last = bytes[bytes.length - 1] ?? 0;
  let unused = 0;
  while (unused < 7 && ((last >> unused) & 1) === 0) unused++;
  return tlv(0x03, Uint8Array.of(unused), bytes);
}

/** RFC 7093 §2 method 1: leftmost 160 bits of SHA-256 over the subjectPublicKey BIT STRING value. */
async function keyIdentifier(spki: Uint8Array, crypto: Crypto): Promise<Uint8Array> {
  const parsed = asn1js.fromBER(toArrayBuffer(spki));
  const keyBits = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value[1] : undefined;
  if (parsed.offset === -1 || !(keyBits instanceof asn1js.BitString)) {
    throw new CryptoError('invalid-argument', 'The public key is not a DER SubjectPublicKeyInfo');
  }
  const digest = await crypto.subtle.digest('SHA-256', toArrayBuffer(keyBits.valueBlock.valueHexView.subarray(1)));
  return new Uint8Array(digest, 0, 20);
}

/** UTCTime through 2049, GeneralizedTime from 2050, whole seconds, `Z` (RFC 5280 §4.1.2.5). */
export function encodeTime(date: Date): Uint8Array<ArrayBuffer> {
  const iso = new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  const year = date.getUTCFullYear();
  const useUtcTime = year >= 1950 && year < 2050;
  return tlv(useUtcTime ? 0x17 : 0x18, new TextEncoder().encode(`${useUtcTime ? digits.slice(2) : digits}Z`));
}
