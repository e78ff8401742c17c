import { describe, expect, it } from 'vitest';
import { buildAuthTokenRequest, type AuthTokenRequestInput } from '../../src/crypto/auth-token-request';
import { isCryptoError } from '../../src/crypto/errors';
import { CHALLENGE } from '../support/xades-signers';

describe('buildAuthTokenRequest', () => {
  it('writes the minimal request in schema order, in the 2.1 namespace', () => {
    expect(buildAuthTokenRequest({ challenge: CHALLENGE, context: { type: 'Nip', value: '5265877635' } })).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.1">',
        `  <Challenge>${CHALLENGE}</Challenge>`,
        '  <ContextIdentifier>',
        '    <Nip>5265877635</Nip>',
        '  </ContextIdentifier>',
        '  <SubjectIdentifierType>certificateSubject</SubjectIdentifierType>',
        '</AuthTokenRequest>',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [{ type: 'InternalId', value: '5265877635-12345' }, '<InternalId>5265877635-12345</InternalId>'],
    [{ type: 'NipVatUe', value: '5265877635-ATU12345678' }, '<NipVatUe>5265877635-ATU12345678</NipVatUe>'],
    [{ type: 'NipVatUe', value: '5265877635-IE1A23456B' }, '<NipVatUe>5265877635-IE1A23456B</NipVatUe>'],
  ] as const)('writes a %o context', (context, element) => {
    const xml = buildAuthTokenRequest({
      challenge: CHALLENGE,
      context,
      subjectIdentifierType: 'certificateFingerprint',
    });
    expect(xml).toContain(`<ContextIdentifier>\n    ${element}\n  </ContextIdentifier>`);
    expect(xml).toContain('<SubjectIdentifierType>certificateFingerprint</SubjectIdentifierType>');
  });

  it.each<[string, AuthTokenRequestInput]>([
    ['a lower-case challenge', { challenge: CHALLENGE.toLowerCase(), context: { type: 'Nip', value: '5265877635' } }],
    ['a truncated challenge', { challenge: CHALLENGE.slice(0, 35), context: { type: 'Nip', value: '5265877635' } }],
    ['a challenge with a newline', { challenge: `${CHALLENGE}\n`, context: { type: 'Nip', value: '5265877635' } }],
    ['a NIP with a bad check digit', { challenge: CHALLENGE, context: { type: 'Nip', value: '5265877636' } }],
    ['a NIP with markup', { challenge: CHALLENGE, context: { type: 'Nip', value: '<Nip/>' } }],
    [
      'an InternalId with four digits',
      { challenge: CHALLENGE, context: { type: 'InternalId', value: '5265877635-1234' } },
    ],
    [
      'an InternalId with a bad NIP',
      { challenge: CHALLENGE, context: { type: 'InternalId', value: '5265877636-12345' } },
    ],
    [
      'a NipVatUe with a non-EU prefix',
      { challenge: CHALLENGE, context: { type: 'NipVatUe', value: '5265877635-US123456789' } },
    ],
    [
      'a NipVatUe with a bad German number',
      { challenge: CHALLENGE, context: { type: 'NipVatUe', value: '5265877635-DE12345678' } },
    ],
    [
      'a NipVatUe with a bad NIP',
      { challenge: CHALLENGE, context: { type: 'NipVatUe', value: '5265877636-DE123456789' } },
    ],
  ])('refuses %s', (_why, input) => {
    let error: unknown;
    try {
      buildAuthTokenRequest(input);
    } catch (caught) {
      error = caught;
    }
    expect(isCryptoError(error, 'invalid-argument')).toBe(true);
  });

  it('refuses an unknown context type and subject identifier type coming from untyped callers', () => {
    const raw: unknown = JSON.parse(`{"challenge":"${CHALLENGE}","context":{"type":"PeppolId","value":"PPL123456"}}`);
    expect(() => buildAuthTokenRequest(raw as AuthTokenRequestInput)).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
    const badSubject: unknown = {
      challenge: CHALLENGE,
      context: { type: 'Nip', value: '5265877635' },
      subjectIdentifierType: 'x',
    };
    expect(() => buildAuthTokenRequest(badSubject as AuthTokenRequestInput)).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
  });
});
