import { describe, expect, it } from 'vitest';
import { identifierInputSchema, identifierProblem, stripSeparators } from '../../src/crypto/identifier-input';

describe('identifierProblem: NIP', () => {
  it.each([
    ['empty', '', { problem: 'empty' }],
    ['only separators', ' - ', { problem: 'empty' }],
    ['short', '526587763', { problem: 'length', digits: 9 }],
    ['long', '52658776350', { problem: 'length', digits: 11 }],
    ['letters', '52658776a5', { problem: 'characters', characters: ['a'] }],
    ['a PL prefix, each character once', 'PL5265877635P', { problem: 'characters', characters: ['P', 'L'] }],
    ['non-ASCII digits', '５２６５８７７６３５', { problem: 'characters', characters: [...'５２６８７３'] }],
    ['a leading zero (XSD TNIP)', '0123456789', { problem: 'office-code' }],
    ['00 as the second and third digits', '1000000006', { problem: 'office-code' }],
    ['a bad checksum', '5265877636', { problem: 'checksum' }],
    ['a checksum of 10 (never issued)', '1234567890', { problem: 'checksum' }],
  ])('%s', (_why, input, expected) => {
    expect(identifierProblem('nip', stripSeparators(input))).toEqual(expected);
    const parsed = identifierInputSchema('nip').safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([expected.problem]);
  });

  it.each([
    ['bare', '5265877635'],
    ['with dashes', '526-587-76-35'],
    ['with spaces', '526 587 76 35'],
    ['with spaces around', ' 5265877635 '],
    ['with an en dash and a no-break space', '526–587\u00a076 35'],
  ])('accepts a NIP %s, as its bare digits', (_why, input) => {
    expect(identifierProblem('nip', stripSeparators(input))).toBeNull();
    expect(identifierInputSchema('nip').parse(input)).toBe('5265877635');
  });
});

describe('identifierProblem: PESEL', () => {
  it.each([
    ['empty', '', { problem: 'empty' }],
    ['short', '4405140135', { problem: 'length', digits: 10 }],
    ['long', '440514013591', { problem: 'length', digits: 12 }],
    ['letters', '4405140135X', { problem: 'characters', characters: ['X'] }],
    ['31 April', '44043101354', { problem: 'birth-date' }],
    ['a bad checksum', '44051401358', { problem: 'checksum' }],
  ])('%s', (_why, input, expected) => {
    expect(identifierProblem('pesel', stripSeparators(input))).toEqual(expected);
    expect(
      identifierInputSchema('pesel')
        .safeParse(input)
        .error?.issues.map((i) => i.message),
    ).toEqual([expected.problem]);
  });

  it.each(['44051401359', '440514-01359', '440 514 013 59'])('accepts %s', (input) => {
    expect(identifierInputSchema('pesel').parse(input)).toBe('44051401359');
  });
});
