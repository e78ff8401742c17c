import { describe, expect, it } from 'vitest';
import { applicationFileBase, certificateFileBase, keyFileName, safeFileName } from '../../src/state/file-name';

describe('safeFileName', () => {
  it.each([
    ['Jan Kowalski', 'Jan-Kowalski'],
    ['Zażółć gęślą jaźń', 'Zazolc-gesla-jazn'],
    ['ŁUKASZ Łęcki', 'LUKASZ-Lecki'],
    ['../../etc/passwd', 'etc-passwd'],
    ['  .hidden  ', 'hidden'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j'],
    ['Firma "Kowalski" Sp. z o.o.', 'Firma-Kowalski-Sp.-z-o.o'],
    ['日本', 'fallback'],
    ['', 'fallback'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input, 'fallback')).toBe(expected);
  });

  it('keeps names to 80 characters without a trailing separator', () => {
    const name = safeFileName(`${'a'.repeat(79)} b`, 'x');
    expect(name).toBe('a'.repeat(79));
  });
});

describe('certificateFileBase', () => {
  it('joins owner and serial', () => {
    expect(certificateFileBase({ ownerName: 'Jan Kowalski', serialHex: '01F20A5D352AE590' })).toBe(
      'Jan-Kowalski_01F20A5D352AE590',
    );
  });
  it('uses the serial alone without an owner', () => {
    expect(certificateFileBase({ ownerName: null, serialHex: '01F20A5D352AE590' })).toBe('01F20A5D352AE590');
  });
});

describe('applicationFileBase and keyFileName', () => {
  it.each([
    ['Księgowość Żółw 2026', 'Ksiegowosc-Zolw-2026'],
    ['Pieczęć testowa 1', 'Pieczec-testowa-1'],
    ['Łódź / ../..\\etc', 'Lodz-..-..-etc'],
    ['.hidden', 'hidden'],
    ['   ', 'certyfikat'],
  ])('%j gives the base %j for the .key, .crt, .pfx and .ics alike', (name, base) => {
    expect(applicationFileBase(name)).toBe(base);
    expect(keyFileName(name)).toBe(`${base}.key`);
  });

  it('never gives a name with a character outside ASCII letters, digits, ".", "_" and "-"', () => {
    for (const name of ['Żółć—„cytat” 2026', 'tab\there', 'a:b*c?d', 'Ǆemal ŒUVRE ß']) {
      expect(keyFileName(name)).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.key$/);
    }
  });
});
