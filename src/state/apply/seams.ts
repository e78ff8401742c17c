/**
 * The I/O seams of the wizard's actions (STYLE 8): the browser's by default, a test's when
 * `configureApply` was called. Also the mapping of coded errors to `Problem`s and the lazy crypto load.
 */
import { downloadFile } from '../../browser/download';
import { ReadFileError } from '../../browser/read-file';
import { isCryptoError } from '../../crypto/errors';
import { AppError } from '../../lib/app-error';
import { createKsefClient, type KsefClient } from '../../ksef/client';
import { relayBaseUrl, type KsefEnvironment } from '../../ksef/environments';
import { isKsefError } from '../../ksef/errors';
import type { Sleep } from '../../ksef/sleep';
import { sleep as realSleep } from '../../ksef/sleep';
import type { ApplyProblemCode, Problem } from './model';
import type { RecordStorage } from './records';
import type { DraftStorage } from './draft';
import { ksefWaitLeftMs, noteKsefWait } from './ksef-wait';
import { isSignInError } from '../../sign-in/errors';
import { logUnexpected } from '../log-unexpected';

/** Where a saved file goes: the browser's download by default. */
export type DownloadSink = (fileName: string, content: Uint8Array | string, mimeType: string) => void;

export interface ApplySeams {
  readonly fetch: typeof globalThis.fetch;
  /** The app's origin: KSeF is called through the same-origin relay `<origin>/api/<env>/v2`. */
  readonly origin: string;
  readonly now: () => Date;
  readonly sleep: Sleep;
  readonly storage: RecordStorage;
  /** Where the tab's draft lives: the browser's sessionStorage by default. */
  readonly draftStorage: DraftStorage;
  readonly download: DownloadSink;
  readonly crypto: Crypto;
}

let overrides: Partial<ApplySeams> = {};

/** Replaces some seams (tests: a loopback relay origin, the sandbox clock, a capturing download sink). */
export function configureApply(seams: Partial<ApplySeams>): void {
  overrides = { ...overrides, ...seams };
}

/** The seams in force; browser globals are read only when not overridden. */
export function seams(): ApplySeams {
  return {
    fetch: overrides.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    origin: overrides.origin ?? globalThis.location.origin,
    now: overrides.now ?? (() => new Date()),
    sleep: overrides.sleep ?? realSleep,
    storage: overrides.storage ?? globalThis.localStorage,
    draftStorage: overrides.draftStorage ?? globalThis.sessionStorage,
    download: overrides.download ?? downloadFile,
    crypto: overrides.crypto ?? globalThis.crypto,
  };
}

/** A KSeF client on the relay for `environment`; its waits after HTTP 429 are shown (`ksef-wait.ts`). */
export function ksefClient(environment: KsefEnvironment): KsefClient {
  const { fetch, origin, now, sleep } = seams();
  return createKsefClient({ baseUrl: relayBaseUrl(environment, origin), fetch, now, sleep, onRateLimitWait: (waitMs) => noteKsefWait(waitMs, now()) });
}

/** For polling: its own waits after HTTP 429 are shown like the client's. */
export function onPollRateLimitWait(waitMs: number): void {
  noteKsefWait(waitMs, seams().now());
}

/**
 * Before a retry the user asked for: the rest of the wait KSeF asked for (a call that failed
 * 'rate-limited', or a wait still running), shown like any other. So the app never asks again sooner
 * than `Retry-After`, however fast the button is pressed.
 */
export async function waitForKsef(): Promise<void> {
  const { now, sleep } = seams();
  const left = ksefWaitLeftMs(now());
  if (left > 0) await sleep(left);
}

export const loadApplyCrypto = () => import('./apply-crypto');

/** A refusal of the wizard itself, with an `ApplyProblemCode`. */
export class ApplyError extends AppError<ApplyProblemCode> {
  readonly details: readonly string[] | undefined;

  constructor(code: ApplyProblemCode, message: string, options: { readonly details?: readonly string[]; readonly cause?: unknown } = {}) {
    super(code, message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'ApplyError';
    this.details = options.details;
  }
}

/** The `Problem` of a coded error, or `null` for an error nobody named (a bug). */
export function problemOf(error: unknown): Problem | null {
  if (isKsefError(error)) {
    const details = error.exceptions.flatMap((e) => [e.description, ...e.details]).filter((d) => d !== '');
    if (error.code === 'enrollment-limit' || error.code === 'certificate-limit') return { source: 'apply', code: 'limit-reached', details: [error.code, ...details] };
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
  if (error instanceof ApplyError) return { source: 'apply', code: error.code, ...(error.details === undefined ? {} : { details: error.details }) };
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
    if (problem.code === 'rate-limited' && problem.retryAfterSeconds !== undefined) noteKsefWait(problem.retryAfterSeconds * 1000, seams().now());
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

/** UTF-8 bytes of `text`. */
export function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
