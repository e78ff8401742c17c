import { describe, expect, it } from 'vitest';
import { isValidNip, isValidPesel, nipSchema, peselBirthDate, peselSchema } from '../../src/crypto/polish-identifiers';

describe('isValidNip', () => {
  it.each(['5265877635', '1235260187', '7771590836', '9510166135', '1111860918'])('accepts %s', (nip) => {
    expect(isValidNip(nip)).toBe(true);
    expect(nipSchema.safeParse(nip).success).toBe(true);
  });

  it.each([
    ['a wrong check digit', '5265877636'],
    ['a checksum of 10 (never issued)', '1234567890'],
    ['nine digits', '526587763'],
    ['eleven digits', '52658776350'],
    ['dashes', '526-587-76-35'],
    ['spaces around', ' 5265877635'],
    ['a PL prefix', 'PL5265877635'],
    ['a leading zero, checksum valid (XSD TNIP)', '0123456789'],
    ['00 in the second and third digits, checksum valid (XSD TNIP)', '1000000006'],
    ['letters', '52658776a5'],
    ['an empty string', ''],
    ['non-ASCII digits', '５２６５８７７６３５'],
  ])('rejects %s', (_why, nip) => {
    expect(isValidNip(nip)).toBe(false);
    expect(nipSchema.safeParse(nip).success).toBe(false);
  });
});

describe('isValidPesel', () => {
  it.each([
    ['44051401359', '1944-05-14'],
    ['99123100003', '1999-12-31'],
    ['80010112340', '1980-01-01'],
    ['00222901239', '2000-02-29'],
    ['00272900004', '2000-07-29'],
    ['99923104568', '1899-12-31'],
    ['00442900007', '2100-04-29'],
    ['24122500783', '1924-12-25'],
  ])('accepts %s (born %s)', (pesel, born) => {
    expect(isValidPesel(pesel)).toBe(true);
    expect(peselSchema.safeParse(pesel).success).toBe(true);
    expect(peselBirthDate(pesel)?.toISOString().slice(0, 10)).toBe(born);
  });

  it.each([
    ['a wrong check digit', '44051401358'],
    ['29 February 2002 (not a leap year)', '02222901233'],
    ['29 February 1900 (not a leap year)', '00022901233'],
    ['29 February 2200 (not a leap year)', '00622900001'],
    ['month 13', '99130100007'],
    ['day 32', '99013200006'],
    ['day 0', '99010000005'],
    ['31 April', '99043100002'],
    ['ten digits', '4405140135'],
    ['letters', '4405140135X'],
    ['an empty string', ''],
  ])('rejects %s', (_why, pesel) => {
    expect(isValidPesel(pesel)).toBe(false);
    expect(peselSchema.safeParse(pesel).success).toBe(false);
  });
});
