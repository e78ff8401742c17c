import * as asn1js from 'asn1js';
import { RelativeDistinguishedNames } from 'pkijs';
import { describe, expect, it } from 'vitest';
import {
  buildSubject,
  encodeName,
  formatName,
  rdnSizes,
  readName,
  shortNameOf,
} from '../../src/crypto/distinguished-name';
import type { CertificateEnrollmentData } from '../../src/crypto/enrollment-data';
import { isCryptoError } from '../../src/crypto/errors';
import { OID } from '../../src/crypto/oids';
import { toHex } from '../../src/lib/bytes';
import { encodeRdns, PERSON, PERSON_NIP, SEAL, SEAL_UID, subjectFor } from '../support/certificates';
import type { TestAttribute } from '../support/certificates';

function parseName(der: Uint8Array): RelativeDistinguishedNames {
  return new RelativeDistinguishedNames({ schema: asn1js.fromBER(Uint8Array.from(der)).result });
}

describe('buildSubject', () => {
  it.each([
    ['person', PERSON],
    ['person with NIP and uniqueIdentifier', PERSON_NIP],
    ['seal', SEAL],
    ['seal with uniqueIdentifier', SEAL_UID],
  ])('writes exactly the expected DER for a %s', (_, data) => {
    // Independent encoding of the same subject, built TLV by TLV in the test helper.
    const expected = encodeRdns(subjectFor(data).map((a) => [a]));
    expect(toHex(encodeName(buildSubject(data)))).toBe(toHex(expected));
  });

  it('keeps the DER when pkijs writes the name back (one attribute per RDN, not one merged SET)', () => {
    const subject = buildSubject(PERSON);
    const rewritten = new Uint8Array(subject.toSchema().toBER());
    expect(toHex(rewritten)).toBe(toHex(encodeName(subject)));
    expect(rdnSizes(rewritten)).toEqual([1, 1, 1, 1, 1]);
  });

  it('keeps values exactly, with no trimming or normalisation', () => {
    const data: CertificateEnrollmentData = {
      commonName: '  Zażółć  gęślą jaźń ',
      countryName: 'PL',
      organizationName: 'Cafe\u0301', // decomposed é stays decomposed
    };
    const names = readName(buildSubject(data));
    expect(names.map((a) => a.value)).toEqual(['  Zażółć  gęślą jaźń ', 'Cafe\u0301', 'PL']);
  });

  it.each<[string, CertificateEnrollmentData]>([
    ['empty commonName', { commonName: '', countryName: 'PL' }],
    ['empty countryName', { commonName: 'Jan', countryName: '' }],
    ['Polish letter in countryName', { commonName: 'Jan', countryName: 'PŁ' }],
    ['@ in serialNumber', { commonName: 'Jan', countryName: 'PL', serialNumber: 'PNOPL-1@2' }],
    ['underscore in serialNumber', { commonName: 'Jan', countryName: 'PL', serialNumber: 'TIN_PL' }],
    ['lone surrogate in commonName', { commonName: 'Jan \ud800', countryName: 'PL' }],
  ])('rejects %s with invalid-enrollment-data', (_, data) => {
    let caught: unknown;
    try {
      buildSubject(data);
    } catch (error) {
      caught = error;
    }
    expect(isCryptoError(caught, 'invalid-enrollment-data')).toBe(true);
  });

  it('accepts the whole PrintableString alphabet in serialNumber', () => {
    const serialNumber = "AZaz09 '()+,-./:=?";
    expect(readName(buildSubject({ commonName: 'X', countryName: 'PL', serialNumber }))[2]).toMatchObject({
      value: serialNumber,
      stringType: 'PrintableString',
    });
  });
});

describe('readName', () => {
  const value = 'Zażółć 👍';
  it.each<[TestAttribute, string, string | null]>([
    [{ type: OID.commonName, value, stringType: 'UTF8String' }, value, 'UTF8String'],
    [{ type: OID.commonName, value: 'Zażółć', stringType: 'BMPString' }, 'Zażółć', 'BMPString'],
    [{ type: OID.commonName, value, stringType: 'UniversalString' }, value, 'UniversalString'],
    [{ type: OID.commonName, value: 'Müller', stringType: 'TeletexString' }, 'Müller', 'TeletexString'],
    [{ type: OID.emailAddress, value: 'a@b.pl', stringType: 'IA5String' }, 'a@b.pl', 'IA5String'],
    [{ type: OID.countryName, value: 'PL', stringType: 'PrintableString' }, 'PL', 'PrintableString'],
    [{ type: OID.uniqueIdentifier, value: '', raw: Uint8Array.of(0x03, 0x03, 0x00, 0x41, 0x42) }, '#0303004142', null],
  ])('decodes %j', (attribute, text, stringType) => {
    const [decoded] = readName(parseName(encodeRdns([[attribute]])));
    expect(decoded).toEqual({ type: attribute.type, shortName: shortNameOf(attribute.type), value: text, stringType });
  });

  it.each([
    ['invalid UTF-8', Uint8Array.of(0x0c, 0x02, 0xc3, 0x28)],
    ['8-bit PrintableString (code-page letters, ksef-api#655)', Uint8Array.of(0x13, 0x02, 0x50, 0xa3)],
    ['BMPString surrogate', Uint8Array.of(0x1e, 0x02, 0xd8, 0x00)],
    ['UniversalString beyond Unicode', Uint8Array.of(0x1c, 0x04, 0x00, 0x11, 0x00, 0x00)],
    ['constructed UTF8String', Uint8Array.of(0x2c, 0x03, 0x0c, 0x01, 0x41)],
  ])('rejects %s with corrupt-file', (_, raw) => {
    let caught: unknown;
    try {
      readName(parseName(encodeRdns([[{ type: OID.commonName, value: '', raw }]])));
    } catch (error) {
      caught = error;
    }
    expect(isCryptoError(caught, 'corrupt-file')).toBe(true);
  });

  it('names attributes, falling back to the OID', () => {
    expect(
      [
        OID.commonName,
        OID.surname,
        OID.givenName,
        OID.serialNumber,
        OID.countryName,
        OID.organizationName,
        OID.organizationalUnitName,
        OID.organizationIdentifier,
        OID.uniqueIdentifier,
        '1.2.3.4',
      ].map(shortNameOf),
    ).toEqual([
      'CN',
      'surname',
      'givenName',
      'serialNumber',
      'C',
      'O',
      'OU',
      'organizationIdentifier',
      'uniqueIdentifier',
      '1.2.3.4',
    ]);
  });
});

describe('formatName', () => {
  it('prints RFC 4514 order (reverse of encoding) with RFC 4514 escapes', () => {
    const der = encodeRdns([
      [{ type: OID.countryName, value: 'PL', stringType: 'PrintableString' }],
      [{ type: OID.organizationName, value: 'Ministerstwo Finansów' }],
      [{ type: OID.organizationalUnitName, value: 'A, B + "C" <D>; \\E' }],
      [{ type: OID.commonName, value: 'TEST CCK KSeF' }],
    ]);
    expect(formatName(readName(parseName(der)))).toBe(
      'CN=TEST CCK KSeF, OU=A\\, B \\+ \\"C\\" \\<D\\>\\; \\\\E, O=Ministerstwo Finansów, C=PL',
    );
  });
});

describe('rdnSizes', () => {
  it('counts attributes per RDN', () => {
    const der = encodeRdns([
      [
        { type: OID.commonName, value: 'A' },
        { type: OID.surname, value: 'B' },
      ],
      [{ type: OID.countryName, value: 'PL', stringType: 'PrintableString' }],
    ]);
    expect(rdnSizes(der)).toEqual([2, 1]);
  });

  it('rejects a name that is not an RDNSequence', () => {
    for (const der of [
      Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00),
      Uint8Array.of(0x30, 0x05),
      Uint8Array.of(0x31, 0x00),
      Uint8Array.of(0x30, 0x00, 0x00),
    ]) {
      let caught: unknown;
      try {
        rdnSizes(der);
      } catch (error) {
        caught = error;
      }
      expect(isCryptoError(caught, 'corrupt-file')).toBe(true);
    }
  });
});
