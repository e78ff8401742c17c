import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKsefDateTime, parseKsefDateTime } from '../../src/ksef/date-time';
import { isKsefError, KsefError } from '../../src/ksef/errors';

describe('parseKsefDateTime', () => {
  it.each([
    ['2025-07-11T12:23:56.0154302+00:00', '2025-07-11T12:23:56.015Z'],
    ['2025-07-11T12:23:56.9999999+00:00', '2025-07-11T12:23:56.999Z'],
    ['2025-07-11T14:23:56.0154302+02:00', '2025-07-11T12:23:56.015Z'],
    ['2025-07-11T07:53:56.1-04:30', '2025-07-11T12:23:56.100Z'],
    ['2025-07-11T12:23:56Z', '2025-07-11T12:23:56.000Z'],
    ['2025-07-11t12:23:56.5z', '2025-07-11T12:23:56.500Z'],
    ['2025-07-11 12:23:56+0100', '2025-07-11T11:23:56.000Z'],
    ['2025-07-11T12:23:56+01', '2025-07-11T11:23:56.000Z'],
    ['2025-07-11T00:30:00+01:00', '2025-07-10T23:30:00.000Z'],
    ['2024-02-29T23:59:59.123456789Z', '2024-02-29T23:59:59.123Z'],
    ['0001-01-01T00:00:00+00:00', '0001-01-01T00:00:00.000Z'],
    ['2016-12-31T23:59:60Z', '2017-01-01T00:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(parseKsefDateTime(text).toISOString()).toBe(iso);
    expect(isKsefDateTime(text)).toBe(true);
  });

  it.each([
    '',
    '2025-07-11',
    '2025-07-11T12:23:56',
    '2025-07-11T12:23:56.+00:00',
    '2025-07-11T12:23:56.0154302',
    '2025-13-11T12:23:56Z',
    '2025-02-29T12:23:56Z',
    '2025-04-31T12:23:56Z',
    '2025-07-11T24:00:00Z',
    '2025-07-11T12:60:00Z',
    '2025-07-11T12:23:60Z',
    '2025-07-11T12:23:56+24:00',
    '2025-07-11T12:23:56+01:60',
    '2025-07-11T12:23:56.123+00:00 ',
    '11.07.2025 12:23:56',
    '2025-07-11T12:23:56Z[Europe/Warsaw]',
    '２０２５-07-11T12:23:56Z',
  ])('rejects %j with invalid-response', (text) => {
    expect(isKsefDateTime(text)).toBe(false);
    expect(() => parseKsefDateTime(text)).toThrow(KsefError);
    try {
      parseKsefDateTime(text);
    } catch (error) {
      expect(isKsefError(error, 'invalid-response')).toBe(true);
    }
  });
});

describe('properties', () => {
  const dates = fc.date({
    min: new Date('0001-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  });

  it('round-trips any instant written with 7 fractional digits and any offset, truncated to ms', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (date, ticks, offsetMinutes) => {
          const local = new Date(date.getTime() + offsetMinutes * 60_000);
          fc.pre(local.getUTCFullYear() >= 1 && local.getUTCFullYear() <= 9999);
          const [day, time] = local.toISOString().slice(0, 19).split('T');
          const fraction = `${String(date.getUTCMilliseconds()).padStart(3, '0')}${String(ticks).padStart(4, '0')}`;
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const text = `${day}T${time}.${fraction}${offset}`;
          expect(parseKsefDateTime(text).getTime()).toBe(date.getTime());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any string gives a valid Date or a KsefError, nothing else', () => {
    const dateLike = fc
      .tuple(
        fc.stringMatching(/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{0,9})?([Zz]|[+-]\d{2}(:?\d{2})?)?$/),
        fc.string({ maxLength: 3 }),
      )
      .map(([a, b]) => (b.length === 0 ? a : a + b));
    fc.assert(
      fc.property(fc.oneof(fc.string(), dateLike), (text) => {
        try {
          expect(Number.isNaN(parseKsefDateTime(text).getTime())).toBe(false);
        } catch (error) {
          expect(isKsefError(error, 'invalid-response')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
