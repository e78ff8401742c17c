import * as asn1js from 'asn1js';

/**
 * A PKCS#10 CertificationRequest (RFC 2986 §4) as the sandbox reads it, written from the RFC rather
 * than with the app's CSR code, so that the sandbox is an independent check of what the app builds.
 */
export interface ParsedCsr {
  /** The exact DER of certificationRequestInfo: what the signature covers. */
  readonly info: Uint8Array;
  readonly subject: readonly SubjectAttribute[];
  /** The exact DER of subjectPKInfo. */
  readonly spki: Uint8Array;
  readonly keyAlgorithm: string;
  /** The named curve OID of an EC key; `null` when the parameters are not one OID. */
  readonly keyCurve: string | null;
  readonly signatureAlgorithm: string;
  /** `undefined` when absent (RFC 5758 ecdsa-with-SHA2), else the parameters as parsed. */
  readonly signatureParameters: asn1js.AsnType | undefined;
  readonly signature: Uint8Array;
}

/** One subject AttributeTypeAndValue; `text` is `null` for a value that is not a directory string. */
export interface SubjectAttribute {
  readonly type: string;
  readonly stringType: string | null;
  readonly text: string | null;
}

/** Thrown for bytes that are not one well-formed CertificationRequest; the message says what broke. */
export class CsrFormatError extends Error {
  override readonly name = 'CsrFormatError';
}

/** X.680 §41.4: the PrintableString alphabet. */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** Universal string tags and how their content becomes text (`null`: not text in that type). */
const STRING_TYPES: Readonly<
  Record<number, { readonly name: string; readonly decode: (content: Uint8Array) => string | null }>
> = {
  12: { name: 'UTF8String', decode: utf8 },
  19: { name: 'PrintableString', decode: (c) => ascii(c, PRINTABLE) },
  20: { name: 'TeletexString', decode: (c) => String.fromCharCode(...c) },
  22: { name: 'IA5String', decode: (c) => ascii(c, null) },
  28: { name: 'UniversalString', decode: universal },
  30: { name: 'BMPString', decode: bmp },
};

/** @throws CsrFormatError when `der` is not one DER CertificationRequest or a subject string does not decode. */
export function parseCsr(der: Uint8Array): ParsedCsr {
  const parsed = asn1js.fromBER(Uint8Array.from(der));
  if (parsed.offset === -1 || parsed.offset !== der.length) throw new CsrFormatError('not one BER/DER value');
  const [info, algorithm, signature, ...rest] = children(parsed.result, 'CertificationRequest');
  if (rest.length > 0 || !(signature instanceof asn1js.BitString)) throw new CsrFormatError('no signature BIT STRING');
  const [version, subject, spki, attributes, ...more] = children(info, 'certificationRequestInfo');
  if (info === undefined || spki === undefined) throw new CsrFormatError('certificationRequestInfo is incomplete');
  if (more.length > 0 || !(version instanceof asn1js.Integer) || version.valueBlock.valueDec !== 0)
    throw new CsrFormatError('version is not 0');
  if (
    !(attributes instanceof asn1js.Constructed) ||
    attributes.idBlock.tagClass !== 3 ||
    attributes.idBlock.tagNumber !== 0
  ) {
    throw new CsrFormatError('no [0] attributes');
  }
  const [keyAlgorithm, publicKey] = children(spki, 'subjectPKInfo');
  const [keyOid, keyParameters] = children(keyAlgorithm, 'subjectPKInfo algorithm');
  if (!(keyOid instanceof asn1js.ObjectIdentifier) || !(publicKey instanceof asn1js.BitString))
    throw new CsrFormatError('bad subjectPKInfo');
  const [signatureOid, signatureParameters, ...extra] = children(algorithm, 'signatureAlgorithm');
  if (!(signatureOid instanceof asn1js.ObjectIdentifier) || extra.length > 0)
    throw new CsrFormatError('bad signatureAlgorithm');
  if (signature.valueBlock.unusedBits !== 0) throw new CsrFormatError('signature has unused bits');
  return {
    info: bytesOf(info),
    subject: readSubject(subject),
    spki: bytesOf(spki),
    keyAlgorithm: keyOid.valueBlock.toString(),
    keyCurve: keyParameters instanceof asn1js.ObjectIdentifier ? keyParameters.valueBlock.toString() : null,
    signatureAlgorithm: signatureOid.valueBlock.toString(),
    signatureParameters,
    signature: Uint8Array.from(signature.valueBlock.valueHexView),
  };
}

/** Name ::= SEQUENCE OF SET OF AttributeTypeAndValue, flattened in order (RFC 5280 §4.1.2.4). */
function readSubject(name: asn1js.AsnType | undefined): SubjectAttribute[] {
  return children(name, 'subject').flatMap((rdn) => {
    if (!(rdn instanceof asn1js.Set)) throw new CsrFormatError('subject RDN is not a SET');
    return rdn.valueBlock.value.map((ava) => {
      const [type, value, ...extra] = children(ava, 'AttributeTypeAndValue');
      if (!(type instanceof asn1js.ObjectIdentifier) || value === undefined || extra.length > 0)
        throw new CsrFormatError('bad AttributeTypeAndValue');
      return { type: type.valueBlock.toString(), ...readString(value) };
    });
  });
}

function readString(value: asn1js.AsnType): Omit<SubjectAttribute, 'type'> {
  const { tagClass, tagNumber, isConstructed } = value.idBlock;
  const kind = tagClass === 1 ? STRING_TYPES[tagNumber] : undefined;
  if (kind === undefined) return { stringType: null, text: null };
  if (isConstructed) throw new CsrFormatError(`${kind.name} is constructed (not DER)`);
  const bytes = bytesOf(value);
  const content = bytes.subarray(bytes.length - value.lenBlock.length);
  const text = kind.decode(content);
  if (text === null) throw new CsrFormatError(`${kind.name} holds characters it cannot hold`);
  return { stringType: kind.name, text };
}

/** The elements of a universal SEQUENCE (or of `[0]` when asked for through `parseCsr`). */
function children(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw new CsrFormatError(`${what} is not a SEQUENCE`);
  return node.valueBlock.value;
}

function bytesOf(node: asn1js.AsnType): Uint8Array {
  return Uint8Array.from(node.valueBeforeDecodeView);
}

function utf8(content: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch (cause) {
    if (cause instanceof TypeError) return null;
    throw cause;
  }
}

/** ASCII text, limited to `alphabet` when given. */
function ascii(content: Uint8Array, alphabet: RegExp | null): string | null {
  const text = String.fromCharCode(...content);
  return content.every((b) => b < 0x80) && (alphabet === null || alphabet.test(text)) ? text : null;
}

function bmp(content: Uint8Array): string | null {
  if (content.length % 2 !== 0) return null;
  const units: number[] = [];
  for (let i = 0; i < content.length; i += 2) units.push(((content[i] ?? 0) << 8) | (content[i + 1] ?? 0));
  return units.some((u) => u >= 0xd800 && u <= 0xdfff) ? null : String.fromCharCode(...units);
}

function universal(content: Uint8Array): string | null {
  if (content.length % 4 !== 0) return null;
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const points: number[] = [];
  for (let i = 0; i < content.length; i += 4) points.push(view.getUint32(i));
  return points.some((p) => p > 0x10ffff || (p >= 0xd800 && p <= 0xdfff)) ? null : String.fromCodePoint(...points);
}
