/**
 * Example identifiers for the sandbox and KSeF TEST, where any NIP or PESEL with a valid checksum
 * works. `random` returns numbers in [0, 1) (a test passes its own); every digit is drawn once, so the
 * result is valid for any `random`, with no retry loop.
 */
type Random = () => number;

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;
const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

function digit(random: Random, from = 0): number {
  return from + Math.min(9 - from, Math.floor(random() * (10 - from)));
}

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((total, d, i) => total + d * (weights[i] ?? 0), 0);
}

/**
 * A random NIP KSeF accepts: the first two digits 1–9 (so `NIP_PATTERN` holds), a check digit that
 * is not 10. The ninth digit's weight (7) is invertible mod 11, so exactly one of its ten values makes
 * the sum leave 10: starting from a random value, the next one up (mod 10) avoids it.
 */
export function exampleNip(random: Random = Math.random): string {
  const digits = [digit(random, 1), digit(random, 1), ...Array.from({ length: 6 }, () => digit(random))];
  let ninth = digit(random);
  const rest = weightedSum(digits, NIP_WEIGHTS);
  if ((rest + 7 * ninth) % 11 === 10) ninth = (ninth + 1) % 10;
  const check = (rest + 7 * ninth) % 11;
  return [...digits, ninth, check].join('');
}

const FIRST_BIRTH_DAY = Date.UTC(1950, 0, 1);
const LAST_BIRTH_DAY = Date.UTC(2005, 11, 31);
const DAY_MS = 86_400_000;

/** A random PESEL of an adult born 1950–2005: a real birth date (month + 20 from 2000), a valid check digit. */
export function examplePesel(random: Random = Math.random): string {
  const days = Math.min(
    (LAST_BIRTH_DAY - FIRST_BIRTH_DAY) / DAY_MS,
    Math.floor(random() * ((LAST_BIRTH_DAY - FIRST_BIRTH_DAY) / DAY_MS + 1)),
  );
  const born = new Date(FIRST_BIRTH_DAY + days * DAY_MS);
  const year = born.getUTCFullYear();
  const month = born.getUTCMonth() + 1 + (year >= 2000 ? 20 : 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${pad(year % 100)}${pad(month)}${pad(born.getUTCDate())}`;
  const digits = [...date].map(Number).concat(Array.from({ length: 4 }, () => digit(random)));
  const check = (10 - (weightedSum(digits, PESEL_WEIGHTS) % 10)) % 10;
  return [...digits, check].join('');
}
