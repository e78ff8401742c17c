import { AppError } from '../../../src/lib/app-error.ts';
import { EXCEPTION_DESCRIPTIONS, type ExceptionCode } from './exception-codes.ts';

/** What went wrong, by the HTTP answer it becomes (see `responses.ts`). */
export type SandboxErrorCode =
  /** 400 with a KSeF exception code (legacy body, or Problem Details on request). */
  | 'bad-request'
  /** 401 Problem Details: no, unknown, expired or wrong kind of bearer token. */
  | 'unauthorized'
  /** 403 Problem Details with a `reasonCode`. */
  | 'forbidden'
  /** 410 Problem Details: the operation is past its retention. */
  | 'gone'
  /** 429 with `Retry-After`. */
  | 'too-many-requests'
  /** 415: a body in a media type the operation does not take. */
  | 'unsupported-media-type'
  /** 404 / 405: no such operation. */
  | 'not-found'
  | 'method-not-allowed'
  /** 500 / 503: injected faults only. */
  | 'server-error';

/** The 403 reasons of `ForbiddenProblemDetails` the sandbox can give (docs/ksef-contract.md §3.3). */
export type ForbiddenReason = 'insufficient-resource-access' | 'auth-method-not-allowed' | 'ip-not-allowed';

export type SandboxProblem =
  | { readonly kind: 'bad-request'; readonly exceptionCode: ExceptionCode; readonly details: readonly string[] }
  | { readonly kind: 'unauthorized'; readonly detail: string }
  | {
      readonly kind: 'forbidden';
      readonly reasonCode: ForbiddenReason;
      readonly detail: string;
      readonly security?: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'gone' }
  | { readonly kind: 'too-many-requests'; readonly retryAfterSeconds: number; readonly detail: string }
  | { readonly kind: 'unsupported-media-type' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed' }
  | { readonly kind: 'server-error'; readonly status: 500 | 503; readonly retryAfterSeconds?: number };

/** A refusal the sandbox answers with; handlers throw it, `responses.ts` renders it. */
export class SandboxError extends AppError<SandboxErrorCode> {
  readonly problem: SandboxProblem;

  constructor(problem: SandboxProblem) {
    super(problem.kind, describe(problem));
    this.name = 'SandboxError';
    this.problem = problem;
  }
}

function describe(problem: SandboxProblem): string {
  if (problem.kind === 'bad-request') {
    return `${problem.exceptionCode} ${EXCEPTION_DESCRIPTIONS[problem.exceptionCode]} ${problem.details.join('; ')}`.trim();
  }
  return 'detail' in problem ? `${problem.kind}: ${problem.detail}` : problem.kind;
}

/** A 400 with a KSeF exception code and optional details. */
export function badRequest(exceptionCode: ExceptionCode, ...details: string[]): SandboxError {
  return new SandboxError({ kind: 'bad-request', exceptionCode, details });
}

/** A 400 21405 "input validation error" with the validator's messages. */
export function invalidInput(...details: string[]): SandboxError {
  return badRequest(21405, ...details);
}

export function unauthorized(detail: string): SandboxError {
  return new SandboxError({ kind: 'unauthorized', detail });
}

export function forbidden(
  reasonCode: ForbiddenReason,
  detail: string,
  security?: Record<string, unknown>,
): SandboxError {
  return new SandboxError(
    security === undefined
      ? { kind: 'forbidden', reasonCode, detail }
      : { kind: 'forbidden', reasonCode, detail, security },
  );
}

export function gone(): SandboxError {
  return new SandboxError({ kind: 'gone' });
}

/** True when `value` is a `SandboxError`, optionally of the given code. */
export function isSandboxError(value: unknown, code?: SandboxErrorCode): value is SandboxError {
  return value instanceof SandboxError && (code === undefined || value.code === code);
}
