import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleNip, examplePesel } from '../../src/crypto/identifier-examples';
import { isValidNip, isValidPesel, peselBirthDate } from '../../src/crypto/polish-identifiers';

/** A `random` that replays `values` in a loop: any sequence, including degenerate ones (all 0, all 0.999…). */
function replay(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

const randomValues = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
  minLength: 1,
  maxLength: 20,
});

describe('example identifiers', () => {
  it('every example NIP is valid, whatever the random numbers', () => {
    fc.assert(
      fc.property(randomValues, (values) => {
        expect(isValidNip(exampleNip(replay(values)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('every example PESEL is valid and belongs to someone born 1950–2005', () => {
    fc.assert(
      fc.property(randomValues, (values) => {
        const pesel = examplePesel(replay(values));
        expect(isValidPesel(pesel)).toBe(true);
        const year = peselBirthDate(pesel)?.getUTCFullYear() ?? 0;
        expect(year).toBeGreaterThanOrEqual(1950);
        expect(year).toBeLessThanOrEqual(2005);
      }),
      { numRuns: 1000 },
    );
  });

  it('the extremes of random: all zero and all just under one', () => {
    for (const value of [0, 1 - Number.EPSILON]) {
      expect(isValidNip(exampleNip(() => value))).toBe(true);
      expect(isValidPesel(examplePesel(() => value))).toBe(true);
    }
  });

  it('the default random gives varied examples', () => {
    expect(new Set(Array.from({ length: 20 }, () => exampleNip())).size).toBeGreaterThan(15);
    expect(new Set(Array.from({ length: 20 }, () => examplePesel())).size).toBeGreaterThan(15);
  });
});
