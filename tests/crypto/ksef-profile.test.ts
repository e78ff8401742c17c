import { describe, expect, it } from 'vitest';
import type { KsefPurpose, NameAttribute } from '../../src/crypto/certificate-summary';
import { ksefEnvironment, ksefPurpose, stripKsefSuffix } from '../../src/crypto/ksef-profile';
import { OID } from '../../src/crypto/oids';

describe('ksefPurpose', () => {
  const DS = 'digitalSignature';
  const NR = 'nonRepudiation';
  it.each<[readonly string[], string | null, KsefPurpose]>([
    // Both signals agree
    [[DS], 'Jan Kowalski (uwierzytelnienie)', 'Authentication'],
    [[NR], 'Jan Kowalski (offline)', 'Offline'],
    // One signal only
    [[DS], 'Jan Kowalski', 'Authentication'],
    [[DS, 'keyEncipherment'], null, 'Authentication'],
    [[NR], 'Jan Kowalski', 'Offline'],
    [[DS, NR], 'Jan Kowalski', 'Offline'],
    [[], 'Jan Kowalski (uwierzytelnienie)', 'Authentication'],
    [['keyEncipherment'], 'Firma (offline)', 'Offline'],
    // Contradicting signals
    [[DS], 'Jan Kowalski (offline)', 'not-ksef'],
    [[NR], 'Jan Kowalski (uwierzytelnienie)', 'not-ksef'],
    [[DS, NR], 'Jan Kowalski (uwierzytelnienie)', 'not-ksef'],
    // No signal
    [[], 'Jan Kowalski', 'not-ksef'],
    [['keyCertSign', 'cRLSign'], 'TEST CCK KSeF', 'not-ksef'],
    [[], null, 'not-ksef'],
    // The suffix must be exact
    [[], 'Jan Kowalski (Offline)', 'not-ksef'],
    [[], 'Jan Kowalski(offline)', 'not-ksef'],
    [[], 'Jan Kowalski (uwierzytelnienie) ', 'not-ksef'],
  ])('keyUsage %j with CN %j is %s', (keyUsage, cn, purpose) => {
    expect(ksefPurpose(keyUsage, cn)).toBe(purpose);
  });
});

describe('ksefEnvironment', () => {
  const cn = (value: string): NameAttribute => ({ type: OID.commonName, shortName: 'CN', value });
  const o = (value: string): NameAttribute => ({ type: OID.organizationName, shortName: 'O', value });
  it.each<[NameAttribute[], string]>([
    [[{ type: OID.countryName, shortName: 'C', value: 'PL' }, o('Ministerstwo Finansów'), cn('TEST CCK KSeF')], 'test'],
    [[cn('CCK KSeF')], 'prod'],
    [[cn('SANDBOX CCK KSeF')], 'sandbox'],
    [[cn('CCK MF ROOT')], 'unknown'],
    [[cn('test cck ksef')], 'unknown'],
    [[cn(' CCK KSeF')], 'unknown'],
    [[o('CCK KSeF')], 'unknown'],
    [[cn('CCK KSeF'), cn('TEST CCK KSeF')], 'unknown'],
    [[cn('constructor')], 'unknown'],
    [[], 'unknown'],
  ])('issuer %j is %s', (issuer, environment) => {
    expect(ksefEnvironment(issuer)).toBe(environment);
  });
});

describe('stripKsefSuffix', () => {
  it.each([
    ['Jan Kowalski (uwierzytelnienie)', 'Jan Kowalski'],
    ['SPÓŁKA Z O.O. (offline)', 'SPÓŁKA Z O.O.'],
    ['Jan Kowalski', 'Jan Kowalski'],
    ['Jan (offline) Kowalski', 'Jan (offline) Kowalski'],
    ['Jan Kowalski (offline) (offline)', 'Jan Kowalski (offline)'],
    [' (uwierzytelnienie)', ''],
  ])('%j → %j', (cn, owner) => {
    expect(stripKsefSuffix(cn)).toBe(owner);
  });
});
