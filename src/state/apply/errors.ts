/**
 * The wizard's failures: its own refusals (`ApplyError`), and every coded error turned into the
 * `Problem` the UI explains. Anything nobody named is settled as 'unexpected', logged and rethrown.
 */
import { ReadFileError } from '../../browser/read-file';
import { isCryptoError } from '../../crypto/errors';
import { AppError } from '../../lib/app-error';
import { isKsefError } from '../../ksef/errors';
import { isSignInError } from '../../sign-in/errors';
import { logUnexpected } from '../log-unexpected';
import type { ApplyProblemCode, Problem } from '../../problem/problem';
import { noteKsefWait } from './ksef-wait';
import { seams } from './seams';

/** A refusal of the wizard itself, with an `ApplyProblemCode`. */
export class ApplyError extends AppError<ApplyProblemCode> {
  readonly details: readonly string[] | undefined;

  constructor(
    code: ApplyProblemCode,
    message: string,
    options: { readonly details?: readonly string[]; readonly cause?: unknown } = {},
  ) {
    super(code, message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'ApplyError';
    this.details = options.details;
  }
}

/** The `Problem` of a coded error, or `null` for an error nobody named (a bug). */
export function problemOf(error: unknown): Problem | null {
  if (isKsefError(error)) {
    const details = error.exceptions.flatMap((e) => [e.description, ...e.details]).filter((d) => d !== '');
    if (error.code === 'enrollment-limit' || error.code === 'certificate-limit')
      return { source: 'apply', code: 'limit-reached', details: [error.code, ...details] };
    if (error.code === 'unauthorized') return { source: 'apply', code: 'session-expired', details };
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
  if (error instanceof ApplyError)
    return { source: 'apply', code: error.code, ...(error.details === undefined ? {} : { details: error.details }) };
  return null;
}

/**
 * Hands the `Problem` of a coded error to `settle`. Anything else is settled as 'unexpected' (so the
 * UI does not spin forever), logged without its message, and rethrown.
 */
export function settleFailure(error: unknown, settle: (problem: Problem) => void): void {
  const problem = problemOf(error);
  if (problem !== null) {
    // KSeF's wait still holds for the retry (see `waitForKsef`).
    if (problem.source === 'ksef' && problem.code === 'rate-limited' && problem.retryAfterSeconds !== undefined)
      noteKsefWait(problem.retryAfterSeconds * 1000, seams().now());
    settle(problem);
    return;
  }
  settle({ source: 'apply', code: 'unexpected' });
  logUnexpected('the application failed unexpectedly', error);
  throw error;
}

/** Like `settleFailure`, for actions that return their problem instead of storing it. */
export function returnFailure(error: unknown): Problem {
  let problem: Problem = { source: 'apply', code: 'unexpected' };
  settleFailure(error, (p) => {
    problem = p;
  });
  return problem;
}
