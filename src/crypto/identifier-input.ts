import { z } from '../lib/zod-mini';
import { isValidNip, isValidPesel, NIP_PATTERN, peselBirthDate } from './polish-identifiers';

/** The kinds of Polish identifier a form asks for. */
export type IdentifierKind = 'nip' | 'pesel';

/**
 * Why a typed NIP or PESEL is refused, most basic reason first, so the message names what to fix:
 * nothing typed, characters other than digits (listed), the wrong number of digits (counted), a NIP
 * whose first three digits KSeF refuses, a PESEL whose date part is no calendar date, a wrong check digit.
 */
export type IdentifierProblem =
  | { readonly problem: 'empty' }
  | { readonly problem: 'characters'; readonly characters: readonly string[] }
  | { readonly problem: 'length'; readonly digits: number }
  | { readonly problem: 'office-code' }
  | { readonly problem: 'birth-date' }
  | { readonly problem: 'checksum' };

const LENGTH: Readonly<Record<IdentifierKind, number>> = { nip: 10, pesel: 11 };

/**
 * Spaces (any Unicode space) and dashes (hyphen, minus, en and em dash) as people copy identifiers
 * from documents ("526-587-76-35", "526 587 76 35"): removed, never a reason to refuse.
 */
const SEPARATORS = /[\s\u2010-\u2015\u2212-]/gu;

/** `text` without separators (spaces, dashes). */
export function stripSeparators(text: string): string {
  return text.replace(SEPARATORS, '');
}

/** Why `text` (separators already stripped) is not a valid `kind`, or `null` when it is. */
export function identifierProblem(kind: IdentifierKind, text: string): IdentifierProblem | null {
  if (text === '') return { problem: 'empty' };
  const characters = [...new Set([...text].filter((c) => c < '0' || c > '9'))];
  if (characters.length > 0) return { problem: 'characters', characters };
  if (text.length !== LENGTH[kind]) return { problem: 'length', digits: text.length };
  if (kind === 'nip') {
    if (!NIP_PATTERN.test(text)) return { problem: 'office-code' };
    return isValidNip(text) ? null : { problem: 'checksum' };
  }
  if (peselBirthDate(text) === null) return { problem: 'birth-date' };
  // The date part is a real date here, so what is left to fail is the check digit.
  return isValidPesel(text) ? null : { problem: 'checksum' };
}

/**
 * A form field holding a `kind`: separators are stripped (the parsed value is the bare digits), and a
 * refusal's issue message is the `IdentifierProblem['problem']`, which the UI words with its details.
 */
export function identifierInputSchema(kind: IdentifierKind) {
  return z.pipe(z.string(), z.transform(stripSeparators)).check(
    z.superRefine((value, ctx) => {
      const found = identifierProblem(kind, value);
      if (found !== null) ctx.addIssue({ code: 'custom', message: found.problem });
    }),
  );
}
