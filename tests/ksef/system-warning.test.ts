import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSystemWarnings, UNPARSED_WARNING_CODE } from '../../src/ksef/system-warning';

describe('parseSystemWarnings', () => {
  it.each([
    [null, []],
    ['', []],
    ['   ', []],
    [
      '[sig-001]: Format podpisu niezgodny z akceptowanymi profilami XAdES',
      [{ code: 'sig-001', message: 'Format podpisu niezgodny z akceptowanymi profilami XAdES' }],
    ],
    [
      '[sig-001]: First warning | [tst-001]: Second warning',
      [
        { code: 'sig-001', message: 'First warning' },
        { code: 'tst-001', message: 'Second warning' },
      ],
    ],
    [
      '[a]: x|[b]: y',
      [
        { code: 'a', message: 'x' },
        { code: 'b', message: 'y' },
      ],
    ],
    ['Something without a code', [{ code: UNPARSED_WARNING_CODE, message: 'Something without a code' }]],
    ['[a]:  | [b]: kept', [{ code: 'b', message: 'kept' }]],
  ])('%j', (header, expected) => {
    expect(parseSystemWarnings(header)).toEqual(expected);
  });

  it('never throws and never drops a non-empty header', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const warnings = parseSystemWarnings(header);
        expect(warnings.length > 0).toBe(header.trim() !== '');
      }),
    );
  });
});
