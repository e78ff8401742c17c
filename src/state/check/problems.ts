import { ReadFileError } from '../../browser/read-file';
import { isCryptoError } from '../../crypto/errors';
import type { Problem } from '../../problem/problem';
import { logUnexpected } from '../log-unexpected';

/** Names what went wrong. Anything we cannot name is logged (type and stack only) and shown generically. */
export function toProblem(error: unknown): Problem {
  if (isCryptoError(error)) return { source: 'crypto', code: error.code };
  if (error instanceof ReadFileError) return { source: 'file', code: error.code };
  logUnexpected('The check failed unexpectedly', error);
  return { source: 'unexpected' };
}
