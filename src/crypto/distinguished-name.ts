import * as asn1js from 'asn1js';
import { AttributeTypeAndValue, RelativeDistinguishedNames } from 'pkijs';
import { toHex } from '../lib/bytes';
import { decodeDer } from './asn1';
import type { NameAttribute } from './certificate-summary';
import type { CertificateEnrollmentData, EnrollmentAttribute } from './enrollment-data';
import { ENROLLMENT_ATTRIBUTES } from './enrollment-data';
import { CryptoError } from './errors';
import { OID } from './oids';

/** ASN.1 string types an attribute value can have (X.520 DirectoryString and friends). */
export type StringType =
  | 'UTF8String'
  | 'PrintableString'
  | 'BMPString'
  | 'TeletexString'
  | 'IA5String'
  | 'UniversalString'
  | 'NumericString'
  | 'VisibleString';

/** A name attribute as read from DER, with the string type it was encoded in (`null`: not a string). */
export interface DecodedNameAttribute extends NameAttribute {
  readonly stringType: StringType | null;
}

/** The OID of each enrollment attribute (docs/ksef-contract.md §5.2). */
export const ENROLLMENT_ATTRIBUTE_OIDS: Readonly<Record<EnrollmentAttribute, string>> = {
  commonName: OID.commonName,
  surname: OID.surname,
  givenName: OID.givenName,
  organizationName: OID.organizationName,
  organizationIdentifier: OID.organizationIdentifier,
  countryName: OID.countryName,
  serialNumber: OID.serialNumber,
  uniqueIdentifier: OID.uniqueIdentifier,
};

/**
 * The string type KSeF expects for each attribute: what both official SDKs write (docs/ksef-contract.md §6.2).
 * uniqueIdentifier is X.520 BIT STRING, but KSeF wants the text, as UTF8String.
 */
export const ENROLLMENT_STRING_TYPES: Readonly<Record<EnrollmentAttribute, StringType>> = {
  commonName: 'UTF8String',
  surname: 'UTF8String',
  givenName: 'UTF8String',
  organizationName: 'UTF8String',
  organizationIdentifier: 'UTF8String',
  countryName: 'PrintableString',
  serialNumber: 'PrintableString',
  uniqueIdentifier: 'UTF8String',
};

/** X.680 §41.4: the PrintableString alphabet. */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Builds the subject of a KSeF CSR from the enrollment data: every non-empty attribute exactly as given
 * (no trimming, no normalisation, Polish letters untouched), one attribute per RDN, in the C# SDK order
 * of `ENROLLMENT_ATTRIBUTES`; countryName and serialNumber as PrintableString, everything else as
 * UTF8String (docs/ksef-contract.md §6.2). The result carries its own DER (`valueBeforeDecode`), so pkijs writes it
 * back byte for byte instead of merging all attributes into one multi-valued RDN.
 *
 * @throws CryptoError `invalid-enrollment-data` when commonName or countryName is empty, a
 *   PrintableString attribute has characters outside its alphabet, or a value is not well-formed UTF-16.
 */
export function buildSubject(data: CertificateEnrollmentData): RelativeDistinguishedNames {
  for (const required of ['commonName', 'countryName'] as const) {
    // Checked at run time too: the data comes from a KSeF response.
    const value: unknown = data[required];
    if (typeof value !== 'string' || value === '') {
      throw new CryptoError('invalid-enrollment-data', `${required} is empty`);
    }
  }
  const rdns: asn1js.Set[] = [];
  for (const attribute of ENROLLMENT_ATTRIBUTES) {
    const value = data[attribute];
    if (value === null || value === undefined || value === '') continue;
    const ava = new AttributeTypeAndValue({
      type: ENROLLMENT_ATTRIBUTE_OIDS[attribute],
      value: encodeString(attribute, value),
    });
    rdns.push(new asn1js.Set({ value: [ava.toSchema()] }));
  }
  const der = new asn1js.Sequence({ value: rdns }).toBER();
  return new RelativeDistinguishedNames({ schema: asn1js.fromBER(der).result });
}

function encodeString(attribute: EnrollmentAttribute, value: string): asn1js.Utf8String | asn1js.PrintableString {
  if (ENROLLMENT_STRING_TYPES[attribute] === 'PrintableString') {
    if (!PRINTABLE.test(value)) {
      throw new CryptoError('invalid-enrollment-data', `${attribute} has characters PrintableString cannot hold`);
    }
    return new asn1js.PrintableString({ value });
  }
  if (LONE_SURROGATE.test(value)) {
    throw new CryptoError('invalid-enrollment-data', `${attribute} is not well-formed Unicode`);
  }
  return new asn1js.Utf8String({ value });
}

/** The DER of a name: the bytes it was parsed from when there are any, else its encoding. */
export function encodeName(rdns: RelativeDistinguishedNames): Uint8Array<ArrayBuffer> {
  if (rdns.valueBeforeDecode.byteLength > 0) return new Uint8Array(rdns.valueBeforeDecode.slice(0));
  return new Uint8Array(rdns.toSchema().toBER());
}

const SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  [OID.commonName, 'CN'],
  [OID.surname, 'surname'],
  [OID.serialNumber, 'serialNumber'],
  [OID.countryName, 'C'],
  [OID.localityName, 'L'],
  [OID.stateOrProvinceName, 'ST'],
  [OID.streetAddress, 'street'],
  [OID.organizationName, 'O'],
  [OID.organizationalUnitName, 'OU'],
  [OID.title, 'title'],
  [OID.givenName, 'givenName'],
  [OID.initials, 'initials'],
  [OID.generationQualifier, 'generationQualifier'],
  [OID.uniqueIdentifier, 'uniqueIdentifier'],
  [OID.dnQualifier, 'dnQualifier'],
  [OID.pseudonym, 'pseudonym'],
  [OID.organizationIdentifier, 'organizationIdentifier'],
  [OID.emailAddress, 'emailAddress'],
  [OID.domainComponent, 'DC'],
  [OID.userId, 'UID'],
]);

/** Short name of an attribute type (`CN`, `O`, `serialNumber`, ...), or the OID itself when unknown. */
export function shortNameOf(type: string): string {
  return SHORT_NAMES.get(type) ?? type;
}

/** Universal tag numbers of the string types we decode (X.680 §8.6). */
const STRING_TAGS: Readonly<Record<number, StringType>> = {
  12: 'UTF8String',
  18: 'NumericString',
  19: 'PrintableString',
  20: 'TeletexString',
  22: 'IA5String',
  26: 'VisibleString',
  28: 'UniversalString',
  30: 'BMPString',
};

/**
 * Decodes every attribute of a parsed name to readable text, in encoding order (pkijs flattens
 * multi-valued RDNs into this one list). UTF8String, PrintableString, IA5String, NumericString and
 * VisibleString are read as what they are, TeletexString as Latin-1 (what every CA in practice means by
 * it), BMPString as UCS-2 and UniversalString as UCS-4. A value that is not a string (e.g. the BIT STRING
 * an old C# SDK wrote for uniqueIdentifier) is shown as `#` + hex of its DER, as RFC 4514 §2.4 does.
 *
 * @throws CryptoError `corrupt-file` for a string that is not valid in its own encoding (bad UTF-8,
 *   8-bit bytes in a 7-bit type, surrogates in UCS-2/UCS-4, constructed encoding).
 */
export function readName(rdns: RelativeDistinguishedNames): DecodedNameAttribute[] {
  return rdns.typesAndValues.map((ava) => {
    const parsed = ava.value.valueBeforeDecodeView;
    const tlv = readTlv(parsed.length > 0 ? parsed : new Uint8Array(ava.value.toBER()));
    const stringType = tlv.tagClass === 0 ? (STRING_TAGS[tlv.tag] ?? null) : null;
    if (stringType === null) {
      return { type: ava.type, shortName: shortNameOf(ava.type), value: `#${toHex(tlv.der)}`, stringType };
    }
    if (tlv.constructed) {
      throw new CryptoError('corrupt-file', `Name attribute ${ava.type} uses a constructed string (not DER)`);
    }
    const value = decodeString(stringType, tlv.content, ava.type);
    return { type: ava.type, shortName: shortNameOf(ava.type), value, stringType };
  });
}

interface Tlv {
  readonly tagClass: number;
  readonly constructed: boolean;
  /** Tag number for low-tag-number form; -1 for the multi-byte form, which never holds a string. */
  readonly tag: number;
  readonly content: Uint8Array;
  readonly der: Uint8Array;
}

/** Splits one TLV that asn1js has already parsed (so its lengths are known to be consistent). */
function readTlv(der: Uint8Array): Tlv {
  const first = der[0] ?? 0;
  let offset = 1;
  if ((first & 0x1f) === 0x1f) {
    while (((der[offset] ?? 0) & 0x80) !== 0) offset++;
    offset++;
  }
  const lengthByte = der[offset] ?? 0;
  offset += lengthByte < 0x80 ? 1 : 1 + (lengthByte & 0x7f);
  return {
    tagClass: first >> 6,
    constructed: (first & 0x20) !== 0,
    tag: (first & 0x1f) === 0x1f ? -1 : first & 0x1f,
    content: der.subarray(offset),
    der,
  };
}

function decodeString(type: StringType, content: Uint8Array, oid: string): string {
  const corrupt = (why: string): CryptoError =>
    new CryptoError('corrupt-file', `Name attribute ${oid}: ${type} ${why}`);
  switch (type) {
    case 'UTF8String':
      try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
      } catch (cause) {
        if (cause instanceof TypeError) throw corrupt('is not valid UTF-8');
        throw cause;
      }
    case 'PrintableString':
    case 'IA5String':
    case 'NumericString':
    case 'VisibleString':
      if (content.some((b) => b > 0x7f)) throw corrupt('holds 8-bit bytes');
      return String.fromCharCode(...content);
    case 'TeletexString':
      return String.fromCharCode(...content);
    case 'BMPString': {
      if (content.length % 2 !== 0) throw corrupt('has an odd length');
      const units: number[] = [];
      for (let i = 0; i < content.length; i += 2) units.push(((content[i] ?? 0) << 8) | (content[i + 1] ?? 0));
      if (units.some((u) => u >= 0xd800 && u <= 0xdfff)) throw corrupt('holds surrogates');
      return String.fromCharCode(...units);
    }
    case 'UniversalString': {
      if (content.length % 4 !== 0) throw corrupt('length is not a multiple of 4');
      const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
      const points: number[] = [];
      for (let i = 0; i < content.length; i += 4) points.push(view.getUint32(i));
      if (points.some((p) => p > 0x10ffff || (p >= 0xd800 && p <= 0xdfff))) throw corrupt('holds invalid code points');
      return String.fromCodePoint(...points);
    }
  }
}

/**
 * One line for display, `CN=Jan Kowalski, serialNumber=PNOPL-..., C=PL`: attributes in RFC 4514 order
 * (the reverse of encoding order), values as text with RFC 4514 §2.4 escaping of `, + " \ < > ;`.
 * Not meant to be parsed back (leading `#` and surrounding spaces are left as they are).
 */
export function formatName(attributes: readonly NameAttribute[]): string {
  return [...attributes]
    .reverse()
    .map((a) => `${a.shortName}=${a.value.replace(/[,+"\\<>;]/g, (c) => `\\${c}`)}`)
    .join(', ');
}

/**
 * How many attributes each RDN of a DER name holds, in order; RFC 5280 names are one per RDN in
 * practice, and KSeF's SDKs write exactly one (docs/ksef-contract.md §6.2).
 *
 * @throws CryptoError `corrupt-file` when `der` is not an RDNSequence.
 */
export function rdnSizes(der: Uint8Array): number[] {
  const name = decodeDer(Uint8Array.from(der), 'The name');
  if (!(name instanceof asn1js.Sequence)) throw new CryptoError('corrupt-file', 'The name is not a DER RDNSequence');
  return name.valueBlock.value.map((rdn) => {
    if (!(rdn instanceof asn1js.Set)) throw new CryptoError('corrupt-file', 'An RDN is not a SET');
    return rdn.valueBlock.value.length;
  });
}
