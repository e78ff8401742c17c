import type { Messages } from '../../messages/catalogs';
import type { Problem } from '../../state/check/model';

/** The catalog text for a problem: every code has its own, specific message. */
export function problemText(t: Messages, problem: Problem): string {
  switch (problem.source) {
    case 'crypto':
      return t.cryptoErrors[problem.code];
    case 'file':
      return t.fileErrors[problem.code];
    case 'unexpected':
      return t.check.verdict.unexpected;
  }
}
