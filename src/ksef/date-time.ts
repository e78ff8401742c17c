import { KsefError } from './errors';

/**
 * KSeF date-times are ISO 8601 / RFC 3339 with an offset and up to 7 fractional digits (.NET ticks),
 * e.g. `2025-07-11T12:23:56.0154302+00:00` (docs/ksef-contract.md §3.4). `Date.parse` of more than 3 fractional
 * digits is implementation-defined, so this module parses the fields itself.
 *
 * Accepted shapes are those of RFC 3339 `date-time` as ajv-formats checks it (so the zod schemas and the
 * official contract agree): `T`, `t` or a space between date and time; `Z`, `z`, `+hh`, `+hhmm` or
 * `+hh:mm` for the offset; any number of fractional digits; second 60 only as a leap second at 23:59.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Milliseconds since the epoch, or `null` when `text` is not a KSeF date-time. */
function toEpochMs(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, fraction, sign, offH, offM] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const offsetHours = Number(offH ?? '0');
  const offsetMinutes = Number(offM ?? '0');
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const leapSecond = hour === 23 && minute === 59 && second === 60;
  if (hour > 23 || minute > 59 || (second > 59 && !leapSecond)) return null;
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  // Truncated, not rounded, to whole milliseconds: .0154302 -> 15 ms.
  const millis = Number((fraction ?? '').slice(0, 3).padEnd(3, '0'));
  // setUTCFullYear, because Date.UTC maps years 0-99 to 1900-1999 (KSeF examples use 0001-01-01).
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  return date.getTime() - (sign === '-' ? -offsetMs : offsetMs);
}

/** True when `text` is a date-time KSeF may send (see the module comment). Never throws. */
export function isKsefDateTime(text: string): boolean {
  return toEpochMs(text) !== null;
}

/**
 * Parses a KSeF date-time, truncating fractional seconds to milliseconds.
 * @throws KsefError `invalid-response` when `text` is not a date-time with an offset.
 */
export function parseKsefDateTime(text: string): Date {
  const ms = toEpochMs(text);
  if (ms === null) {
    throw new KsefError('invalid-response', 'KSeF sent a date-time that is not ISO 8601 with an offset');
  }
  return new Date(ms);
}
