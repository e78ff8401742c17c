/**
 * The sandbox's notion of "now". Everything that expires (challenges, tokens, enrollment status
 * retention, certificate validity) reads this clock, so tests can jump days ahead without waiting.
 */
export interface SandboxClock {
  now(): Date;
  /** Moves the clock forward by `ms` (never backwards: expiry decisions must stay monotonic). */
  advance(ms: number): void;
}

/**
 * A clock that follows `source` (real time by default) plus everything `advance` added. Pass a
 * constant `source` (`() => start`) for a clock that moves only when told to.
 *
 * @throws RangeError from `advance` for a negative or non-finite step.
 */
export function createSandboxClock(source: () => number = Date.now): SandboxClock {
  let offset = 0;
  return {
    now: () => new Date(source() + offset),
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The sandbox clock only moves forward');
      offset += ms;
    },
  };
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `date` plus `ms`, as a new Date. */
export function later(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/**
 * KSeF's date-time style: UTC with seven fractional digits and an explicit offset
 * (`2025-07-11T12:23:56.0150000+00:00`, docs/ksef-contract.md §3.4). Our clock has millisecond resolution, so the
 * last four digits are zero.
 */
export function ksefDateTime(date: Date): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  return `${iso.slice(0, 23)}0000+00:00`;
}

/** `YYYYMMDD` of `date` in UTC, the prefix of KSeF reference numbers and challenges. */
export function compactDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}
