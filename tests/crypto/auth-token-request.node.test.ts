import { describe, expect, it } from 'vitest';
import { buildAuthTokenRequest, type AuthContextIdentifier } from '../../src/crypto/auth-token-request';
import { AUTH_XSD_2_1_NIPVATUE_UNANCHORED, xmllintValidate } from '../support/xml-oracles';
import { CHALLENGE } from '../support/xades-signers';

describe('buildAuthTokenRequest, checked by xmllint against schemat_auth_v2-1.xsd', () => {
  it.each<[AuthContextIdentifier, 'certificateSubject' | 'certificateFingerprint']>([
    [{ type: 'Nip', value: '5265877635' }, 'certificateSubject'],
    [{ type: 'Nip', value: '1111860918' }, 'certificateFingerprint'],
    [{ type: 'InternalId', value: '5265877635-00001' }, 'certificateSubject'],
    [{ type: 'InternalId', value: '7771590836-99999' }, 'certificateFingerprint'],
  ])('%o with %s validates against the official schema', (context, subjectIdentifierType) => {
    const result = xmllintValidate(buildAuthTokenRequest({ challenge: CHALLENGE, context, subjectIdentifierType }));
    expect(result.output).toContain('request.xml validates');
    expect(result.ok).toBe(true);
  });

  it.each([
    '5265877635-ATU12345678',
    '5265877635-ESX1234567Z',
    '5265877635-FRAB123456789',
    '5265877635-NL12345678901B',
    '5265877635-IE1+23456B',
    '5265877635-XIGD123',
  ])('NipVatUe %s validates against the schema with the $ quirk of TNipVatUE removed', (value) => {
    const result = xmllintValidate(
      buildAuthTokenRequest({ challenge: CHALLENGE, context: { type: 'NipVatUe', value } }),
      AUTH_XSD_2_1_NIPVATUE_UNANCHORED,
    );
    expect(result.output).toContain('request.xml validates');
  });

  it('documents the quirk: the official TNipVatUE pattern, read as XSD, wants a literal $ at the end', () => {
    const xml = buildAuthTokenRequest({
      challenge: CHALLENGE,
      context: { type: 'NipVatUe', value: '5265877635-ATU12345678' },
    });
    expect(xmllintValidate(xml).ok).toBe(false);
    expect(xmllintValidate(xml.replace('ATU12345678<', 'ATU12345678$<')).ok).toBe(true);
  });

  it('the oracle rejects what the schema forbids (the check is not vacuous)', () => {
    const xml = buildAuthTokenRequest({ challenge: CHALLENGE, context: { type: 'Nip', value: '5265877635' } });
    expect(xmllintValidate(xml.replace('<Nip>5265877635</Nip>', '<Nip>0265877635</Nip>')).ok).toBe(false);
    expect(xmllintValidate(xml.replace('certificateSubject', 'subject')).ok).toBe(false);
  });
});
