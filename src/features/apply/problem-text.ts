import type { Messages } from '../../messages/catalogs';
import type { Problem } from '../../state/apply/model';

/** A catalog entry for `code`, when the catalog has one (codes arrive as plain strings). */
function lookup(table: Readonly<Record<string, string>>, code: string): string | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/** The catalog text of a wizard problem: every code of every source has its own message. */
export function problemText(t: Messages, problem: Problem): string {
  const tables: Readonly<Record<Problem['source'], Readonly<Record<string, string>>>> = {
    crypto: t.cryptoErrors,
    ksef: t.ksefErrors,
    'sign-in': t.signInErrors,
    apply: t.applyErrors,
    file: t.fileErrors,
  };
  return lookup(tables[problem.source], problem.code) ?? t.applyErrors.unexpected;
}
