import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfter } from '../../src/ksef/retry';

const NOW = new Date('2026-05-19T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ['7', 7],
    [' 30 ', 30],
    ['0', 0],
    ['Tue, 19 May 2026 12:00:10 GMT', 10],
    ['Tue, 19 May 2026 11:59:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
  ])('%j -> %j seconds', (header, seconds) => {
    expect(parseRetryAfter(header, NOW)).toBe(seconds);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from the base delay up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(DEFAULT_RETRY_POLICY, attempt))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 16_000, 16_000,
    ]);
  });
});
