import * as asn1js from 'asn1js';
import { Certificate, CertificateRevocationList, type Extension, type Time } from 'pkijs';
import { bytesEqual, toHex } from '../lib/bytes';
import { bitStringBytes, corrupt, parsePkijsOrNull } from './asn1';
import { checkDerDepth } from './bounds';
import { parseCertificate } from './certificate-reader';
import { encodeName } from './distinguished-name';
import { CryptoError } from './errors';
import { OID } from './oids';
import { decodeFileBytes } from './pem';
import { type VerifyResult, verifySignature } from './signature';

/**
 * Certificate revocation lists (RFC 5280 §5): read one (DER or PEM `X509 CRL`), check its signature
 * with the issuer's certificate, say whether it is current, and find a serial in it. Pure: the bytes
 * come from the caller (the checker fetches KSeF's CRL through the relay; CRLs are public).
 */

/** Larger than any KSeF CRL we expect; the relay refuses bigger answers with the same figure. */
export const MAX_CRL_BYTES = 4 * 1024 * 1024;

/**
 * A CRL entry is about five ASN.1 values (seven with a reason), so a CRL of `MAX_CRL_BYTES` holds fewer
 * than a million; the general limit of the file readers (20 000) would refuse a real one.
 */
const CRL_PARSE_LIMITS = {
  maxDepth: 64,
  maxNodes: 1_000_000,
  maxContentLength: MAX_CRL_BYTES,
  parseEmbedded: false,
  copyInput: false,
};

/** CRLReason (RFC 5280 §5.3.1) by its ENUMERATED value; 7 is unused. */
const REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  null,
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const;

export type CrlReason = Exclude<(typeof REASONS)[number], null>;

/** One revoked certificate (RFC 5280 §5.1.2.6). */
export interface CrlEntry {
  /** Upper-case hex of the serial without a DER sign byte, as `CertificateSummary.serialHex`. */
  readonly serialHex: string;
  readonly revocationDate: Date;
  /** The reasonCode entry extension; `null` when absent (RFC 5280 says to omit `unspecified`). */
  readonly reason: CrlReason | null;
}

/** A CRL as read by `readCrl`. */
export interface ParsedCrl {
  /** DER Name of the issuer, as pkijs re-encodes it (compared with the issuer certificate's subject). */
  readonly issuer: Uint8Array;
  readonly thisUpdate: Date;
  /** `null` when the CRL names none (RFC 5280 requires it; some CAs leave it out). */
  readonly nextUpdate: Date | null;
  readonly entries: readonly CrlEntry[];
  readonly crl: CertificateRevocationList;
}

/**
 * Reads a CRL: DER, bare base64 of DER, or PEM with an `X509 CRL` block (other blocks are ignored).
 *
 * @throws CryptoError `empty-file`; `crl-too-large` above `MAX_CRL_BYTES`; `unrecognized-file` for bytes
 *   that are neither PEM nor DER; `corrupt-file` for broken PEM or DER, an invalid date or a malformed
 *   entry extension; `der-nesting-too-deep`; `not-a-crl` for well-formed DER or PEM of something else
 *   (a certificate, a key).
 */
export function readCrl(bytes: Uint8Array): ParsedCrl {
  if (bytes.length > MAX_CRL_BYTES) {
    throw new CryptoError('crl-too-large', `The CRL has ${bytes.length} bytes, more than ${MAX_CRL_BYTES}`);
  }
  const encoding = decodeFileBytes(bytes);
  let der: Uint8Array;
  if (encoding.kind === 'der') der = encoding.der;
  else {
    const block = encoding.blocks.find((b) => b.label === 'X509 CRL');
    if (block === undefined) throw new CryptoError('not-a-crl', 'The PEM file holds no X509 CRL block');
    der = block.der;
  }
  checkDerDepth(der, 'The CRL');
  let parsed: asn1js.FromBerResult;
  try {
    parsed = asn1js.fromBER(der, CRL_PARSE_LIMITS);
  } catch (cause) {
    if (cause instanceof Error) throw corrupt('The CRL is not valid DER', cause);
    throw cause;
  }
  if (parsed.offset === -1) throw corrupt(`The CRL is not valid DER (${parsed.result.error})`);
  if (parsed.offset !== der.length)
    throw corrupt(`The CRL has ${der.length - parsed.offset} unexpected trailing bytes`);
  const schema = parsed.result;
  const crl = parsePkijsOrNull(() => new CertificateRevocationList({ schema }));
  if (crl === null) {
    const isCertificate = parsePkijsOrNull(() => new Certificate({ schema })) !== null;
    throw new CryptoError('not-a-crl', isCertificate ? 'This is a certificate, not a CRL' : 'The DER is not a CRL');
  }
  const entries = (crl.revokedCertificates ?? []).map((entry) => ({
    serialHex: serialHex(entry.userCertificate),
    revocationDate: dateOf(entry.revocationDate, 'revocationDate'),
    reason: reasonOf(entry.crlEntryExtensions?.extensions ?? []),
  }));
  return {
    issuer: encodeName(crl.issuer),
    thisUpdate: dateOf(crl.thisUpdate, 'thisUpdate'),
    nextUpdate: crl.nextUpdate === undefined ? null : dateOf(crl.nextUpdate, 'nextUpdate'),
    entries,
    crl,
  };
}

/** What a CRL's signature says, given what the caller could offer as its issuer. */
export type CrlSignature =
  | VerifyResult
  /** The certificate given is not the CRL's issuer (its subject differs from the CRL's issuer name). */
  | 'wrong-issuer'
  /** No issuer certificate was given: the signature cannot be checked. */
  | 'no-issuer-certificate';

/**
 * Checks the CRL's signature (RFC 5280 §6.3.3 (f)) with the key of `issuerCertificate` (DER), after
 * its subject matches the CRL's issuer name byte for byte.
 *
 * @throws CryptoError `corrupt-file` when `issuerCertificate` does not parse (`parseCertificate`).
 */
export async function verifyCrlSignature(
  crl: ParsedCrl,
  issuerCertificate: Uint8Array | null,
  crypto: Crypto = globalThis.crypto,
): Promise<CrlSignature> {
  if (issuerCertificate === null) return 'no-issuer-certificate';
  const { certificate: issuer, spki } = parseCertificate(issuerCertificate);
  if (!bytesEqual(encodeName(issuer.subject), crl.issuer)) return 'wrong-issuer';
  const signature = bitStringBytes(crl.crl.signatureValue);
  if (signature === null) return 'invalid';
  return verifySignature(spki, crl.crl.signatureAlgorithm, crl.crl.tbsView, signature, crypto);
}

/** `stale` once nextUpdate has passed (newer information should exist), `not-yet-valid` before thisUpdate. */
export type CrlFreshness = 'current' | 'stale' | 'not-yet-valid';

export function crlFreshness(crl: ParsedCrl, now: Date): CrlFreshness {
  if (now.getTime() < crl.thisUpdate.getTime()) return 'not-yet-valid';
  if (crl.nextUpdate !== null && now.getTime() > crl.nextUpdate.getTime()) return 'stale';
  return 'current';
}

/** The entry for `serialHex` (upper or lower case, leading zeros as the certificate has them), or `null`. */
export function findRevocation(crl: ParsedCrl, serialHex: string): CrlEntry | null {
  const wanted = serialHex.toUpperCase().replace(/^0+(?=.)/, '');
  return crl.entries.find((entry) => entry.serialHex.replace(/^0+(?=.)/, '') === wanted) ?? null;
}

/** Everything the checker says about one certificate from one CRL. */
export interface RevocationCheck {
  /** The certificate's entry, or `null`: not on this CRL. */
  readonly revoked: CrlEntry | null;
  readonly signature: CrlSignature;
  readonly freshness: CrlFreshness;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
}

/**
 * Reads `crlBytes` and answers for the certificate with serial `serialHex`. A negative answer is a
 * result: the caller shows `signature` and `freshness` beside it, never a bare "not revoked".
 *
 * @throws CryptoError as `readCrl` and `verifyCrlSignature`.
 */
export async function checkRevocation(
  crlBytes: Uint8Array,
  serialHex: string,
  options: { readonly issuerCertificate: Uint8Array | null; readonly now: Date; readonly crypto?: Crypto },
): Promise<RevocationCheck> {
  const crl = readCrl(crlBytes);
  return {
    revoked: findRevocation(crl, serialHex),
    signature: await verifyCrlSignature(crl, options.issuerCertificate, options.crypto),
    freshness: crlFreshness(crl, options.now),
    thisUpdate: crl.thisUpdate,
    nextUpdate: crl.nextUpdate,
  };
}

function serialHex(serial: asn1js.Integer): string {
  const bytes = serial.valueBlock.valueHexView;
  return toHex(bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : bytes).toUpperCase();
}

function dateOf(time: Time, what: string): Date {
  const value = time.value;
  if (Number.isNaN(value.getTime())) throw corrupt(`The CRL's ${what} is not a valid date`);
  return value;
}

function reasonOf(extensions: readonly Extension[]): CrlReason | null {
  const extension = extensions.find((e) => e.extnID === OID.cRLReason);
  if (extension === undefined) return null;
  const value = asn1js.fromBER(extension.extnValue.getValue());
  if (value.offset === -1 || !(value.result instanceof asn1js.Enumerated)) {
    throw corrupt('A CRL entry has a malformed reasonCode');
  }
  const reason = REASONS[value.result.valueBlock.valueDec];
  if (reason === undefined || reason === null) throw corrupt('A CRL entry has an unknown reasonCode');
  return reason;
}
