/**
 * The screen's failures: its own refusals (`CertificatesError`), and every coded error turned into the
 * `Problem` the UI explains. Anything nobody named is settled as 'unexpected', logged and rethrown.
 */
import { ReadFileError } from '../../browser/read-file';
import { isCryptoError } from '../../crypto/errors';
import { AppError } from '../../lib/app-error';
import { isKsefError } from '../../ksef/errors';
import { isSignInError } from '../../sign-in/errors';
import type { CertificatesProblemCode, Problem } from '../../problem/problem';
import { logUnexpected } from '../log-unexpected';

export class CertificatesError extends AppError<CertificatesProblemCode> {
  constructor(code: CertificatesProblemCode, message: string) {
    super(code, message);
    this.name = 'CertificatesError';
  }
}

/** The `Problem` of a coded error, or `null` for an error nobody named (a bug). */
export function problemOf(error: unknown): Problem | null {
  if (isKsefError(error)) {
    if (error.code === 'unauthorized') return { source: 'certificates', code: 'session-expired' };
    const details = error.exceptions.flatMap((e) => [e.description, ...e.details]).filter((d) => d !== '');
    return {
      source: 'ksef',
      code: error.code,
      ...(details.length > 0 ? { details } : {}),
      ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    };
  }
  if (isCryptoError(error)) return { source: 'crypto', code: error.code };
  if (isSignInError(error)) return { source: 'sign-in', code: error.code };
  if (error instanceof ReadFileError) return { source: 'file', code: error.code };
  if (error instanceof CertificatesError) return { source: 'certificates', code: error.code };
  return null;
}

/** The problem of `error`; one nobody named is 'unexpected', logged without its message, and rethrown. */
export function settleFailure(error: unknown, settle: (problem: Problem) => void): void {
  const problem = problemOf(error);
  if (problem !== null) {
    settle(problem);
    return;
  }
  settle({ source: 'unexpected' });
  logUnexpected('the certificates screen failed unexpectedly', error);
  throw error;
}
