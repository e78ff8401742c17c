import { describe, expect, it } from 'vitest';
import { certificateFileBase, safeFileName } from '../../src/state/file-name';

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
