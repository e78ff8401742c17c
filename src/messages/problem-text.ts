import type { Problem } from '../problem/problem';
import type { Messages } from './catalogs';

/** The catalog text of a problem, on any screen: every code of every source has its own message. */
export function problemText(t: Messages, problem: Problem): string {
  switch (problem.source) {
    case 'crypto':
      return t.cryptoErrors[problem.code];
    case 'file':
      return t.fileErrors[problem.code];
    case 'sign-in':
      return t.signInErrors[problem.code];
    case 'ksef':
      return t.ksefErrors[problem.code];
    case 'apply':
      return t.applyErrors[problem.code];
    case 'certificates':
      return t.certificatesErrors[problem.code];
    case 'unexpected':
      return t.check.verdict.unexpected;
  }
}
