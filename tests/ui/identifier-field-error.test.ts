import { describe, expect, it } from 'vitest';
import { identifierFieldError } from '../../src/ui/identifier-field-error';
import { environmentFormSchema } from '../../src/features/apply/environment-schema';
import { testIdentitySchema } from '../../src/ui/sign-in/sign-in-schema';
import { en } from '../../src/messages/en';
import { pl } from '../../src/messages/pl';

/*
 * The words under a NIP or PESEL field: each way of getting it wrong has its own message, in both
 * catalogs, and separators never count as a mistake.
 */
describe('NIP messages', () => {
  it.each([
    ['empty', '', pl.identifiers.nip.empty, en.identifiers.nip.empty],
    ['short', '526587763', 'NIP ma 10 cyfr, a wpisano 9 cyfr.', 'A NIP has 10 digits; this one has 9.'],
    ['long', '52658776350', 'NIP ma 10 cyfr, a wpisano 11 cyfr.', 'A NIP has 10 digits; this one has 11.'],
    ['one digit', '5', 'a wpisano 1 cyfrę.', 'this one has 1.'],
    ['letters', 'PL5265877635', 'usuń: „P” i „L”.', 'remove “P” and “L”.'],
    ['a leading zero', '0123456789', pl.identifiers.nip['office-code'], en.identifiers.nip['office-code']],
    ['a bad checksum', '5265877636', pl.identifiers.nip.checksum, en.identifiers.nip.checksum],
  ])('%s', (_why, input, polish, english) => {
    expect(identifierFieldError(pl, 'nip', input)).toContain(polish);
    expect(identifierFieldError(en, 'nip', input)).toContain(english);
  });

  it('the checksum message does not read as praise: it says there is a typo', () => {
    expect(pl.identifiers.nip.checksum).toMatch(/literówka/);
    expect(en.identifiers.nip.checksum).toMatch(/typo/);
  });

  it.each(['5265877635', '526-587-76-35', '526 587 76 35', ' 526-587 76-35 '])('accepts %j', (input) => {
    expect(identifierFieldError(pl, 'nip', input)).toBeUndefined();
    expect(environmentFormSchema.parse({ environment: 'sandbox', contextNip: input }).contextNip).toBe('5265877635');
  });
});

describe('PESEL messages', () => {
  it.each([
    ['empty', '', pl.identifiers.pesel.empty, en.identifiers.pesel.empty],
    ['short', '4405140135', 'PESEL ma 11 cyfr, a wpisano 10 cyfr.', 'A PESEL has 11 digits; this one has 10.'],
    ['long', '440514013591', 'a wpisano 12 cyfr.', 'this one has 12.'],
    ['two digits', '44', 'a wpisano 2 cyfry.', 'this one has 2.'],
    ['letters', '4405140135X', 'usuń: „X”.', 'remove “X”.'],
    [
      'a date that does not exist',
      '44043101354',
      pl.identifiers.pesel['birth-date'],
      en.identifiers.pesel['birth-date'],
    ],
    ['a bad checksum', '44051401358', pl.identifiers.pesel.checksum, en.identifiers.pesel.checksum],
  ])('%s', (_why, input, polish, english) => {
    expect(identifierFieldError(pl, 'pesel', input)).toContain(polish);
    expect(identifierFieldError(en, 'pesel', input)).toContain(english);
  });

  it.each(['44051401359', '440514-01359', '4405 1401 359'])('accepts %j', (input) => {
    expect(identifierFieldError(en, 'pesel', input)).toBeUndefined();
  });
});

describe('test identity form', () => {
  const person = { kind: 'person', organizationName: '', givenName: 'Jan', surname: 'Kowalski' } as const;

  it('strips separators from the NIP and the PESEL it passes on', () => {
    expect(testIdentitySchema.parse({ ...person, nip: '', pesel: '440514-01359' }).pesel).toBe('44051401359');
    expect(
      testIdentitySchema.parse({ ...person, kind: 'seal', organizationName: 'Firma', nip: '526-587-76-35', pesel: '' })
        .nip,
    ).toBe('5265877635');
  });

  it.each([
    ['a bad NIP', { nip: '5265877636', pesel: '' }, ['nip', 'invalid-nip']],
    ['a bad PESEL', { nip: '', pesel: '44051401358' }, ['pesel', 'invalid-pesel']],
    ['neither', { nip: '', pesel: '' }, ['nip', 'person-id-required']],
    ['both', { nip: '5265877635', pesel: '44051401359' }, ['pesel', 'person-id-required']],
  ])('refuses %s', (_why, ids, [path, message]) => {
    const issues = testIdentitySchema.safeParse({ ...person, ...ids }).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([[path, message]]);
  });
});
