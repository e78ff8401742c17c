import { z } from '../lib/zod-mini';

/**
 * The NIP shape the KSeF schemas accept (`TNIP` in `schemat_auth_v2-1.xsd`): ten digits, the first
 * not 0, and the second and third not both 0.
 */
export const NIP_PATTERN = /^[1-9](?:\d[1-9]|[1-9]\d)\d{7}$/;

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;
const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

/**
 * True for a NIP (Polish tax identification number) that KSeF accepts: ten digits without separators
 * matching `NIP_PATTERN`, whose check digit is the weighted sum of the first nine (weights 6, 5, 7, 2,
 * 3, 4, 5, 6, 7) modulo 11. A sum that leaves 10 is never issued, so such numbers are invalid.
 */
export function isValidNip(nip: string): boolean {
  if (!NIP_PATTERN.test(nip)) return false;
  const sum = NIP_WEIGHTS.reduce((total, weight, i) => total + weight * digitAt(nip, i), 0);
  const check = sum % 11;
  return check !== 10 && check === digitAt(nip, 9);
}

/**
 * True for a PESEL (Polish personal identification number): eleven digits, the last one equal to
 * `(10 - (weighted sum of the first ten mod 10)) mod 10` with weights 1, 3, 7, 9, 1, 3, 7, 9, 1, 3, and
 * the first six a real calendar date YYMMDD, where the month carries the century: +80 for 1800–1899,
 * +0 for 1900–1999, +20 for 2000–2099, +40 for 2100–2199, +60 for 2200–2299.
 */
export function isValidPesel(pesel: string): boolean {
  if (!/^\d{11}$/.test(pesel)) return false;
  const sum = PESEL_WEIGHTS.reduce((total, weight, i) => total + weight * digitAt(pesel, i), 0);
  if ((10 - (sum % 10)) % 10 !== digitAt(pesel, 10)) return false;
  return peselBirthDate(pesel) !== null;
}

/** The birth date a PESEL encodes (UTC midnight), or `null` when its date part is not a real date. */
export function peselBirthDate(pesel: string): Date | null {
  if (!/^\d{11}$/.test(pesel)) return null;
  const yy = Number(pesel.slice(0, 2));
  const encodedMonth = Number(pesel.slice(2, 4));
  const day = Number(pesel.slice(4, 6));
  const centuryOffset = Math.floor(encodedMonth / 20) * 20;
  const century = CENTURY_BY_MONTH_OFFSET.get(centuryOffset);
  const month = encodedMonth - centuryOffset;
  if (century === undefined || month < 1 || month > 12 || day < 1) return null;
  const year = century + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 April over to 1 May; a rolled-over date is not the one written.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

const CENTURY_BY_MONTH_OFFSET: ReadonlyMap<number, number> = new Map([
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
]);

function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

/** A NIP as a form or file gives it: exactly ten digits (no dashes or spaces) with a valid checksum. */
export const nipSchema = z.string().check(z.refine(isValidNip, { message: 'invalid-nip' }));

/** A PESEL: exactly eleven digits with a valid checksum and date part. */
export const peselSchema = z.string().check(z.refine(isValidPesel, { message: 'invalid-pesel' }));
