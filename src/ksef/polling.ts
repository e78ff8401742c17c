import type { AuthOperations } from './auth-operations';
import type { AuthenticationOperationStatusResponse } from './auth-schemas';
import type { CallOptions } from './call-options';
import type { CertificateOperations } from './certificate-operations';
import type { CertificateEnrollmentStatusResponse } from './certificate-schemas';
import type { StatusInfo } from './common-schemas';
import { AUTH_STATUS_FAILURES, ENROLLMENT_STATUS_FAILURES, isKsefError, KsefError, type KsefErrorCode } from './errors';
import { sleep as realSleep, type Sleep } from './sleep';
import type { KsefTokenStore } from './token-store';

/** Options of `pollAuthStatus` and `pollEnrollmentStatus`; seams default to the real clock and timers. */
export interface PollOptions<S> extends CallOptions {
  /** Pause between two status requests. */
  readonly intervalMs?: number;
  /** Overall limit, from the first request; then polling fails with 'timeout'. */
  readonly timeoutMs?: number;
  /** Called with every status received, the final one included. */
  readonly onProgress?: (status: S) => void;
  /**
   * Told before each wait after a status request failed 'rate-limited' (HTTP 429 beyond the transport's
   * own retries): polling then waits `Retry-After`, at least the interval doubled each time, and goes on
   * until the deadline.
   */
  readonly onRateLimitWait?: (waitMs: number) => void;
  readonly sleep?: Sleep;
  readonly now?: () => Date;
}

/** 1 s, as the official C# client; 2 minutes overall (qualified certificates are checked at their issuer). */
export const AUTH_POLL_DEFAULTS = { intervalMs: 1_000, timeoutMs: 120_000 } as const;

/**
 * 3 s: 20 requests a minute stays under the endpoint's 30/min; 5 minutes overall is at most 100
 * requests, under its 120/h (docs/ksef-contract.md §5.4, §10).
 */
export const ENROLLMENT_POLL_DEFAULTS = { intervalMs: 3_000, timeoutMs: 300_000 } as const;

type Verdict = 'pending' | 'done';

/** 200 is done, 1xx keeps polling, anything else is a failure with the code from `failures`. */
function verdictOf(
  status: StatusInfo,
  failures: ReadonlyMap<number, KsefErrorCode>,
  otherwise: KsefErrorCode,
  what: string,
  referenceNumber: string,
): Verdict {
  if (status.code === 200) return 'done';
  if (status.code >= 100 && status.code <= 199) return 'pending';
  throw new KsefError(
    failures.get(status.code) ?? otherwise,
    `${what} ${referenceNumber} failed with status ${status.code}`,
    {
      exceptions: [{ code: status.code, description: status.description, details: status.details ?? [] }],
      referenceNumber,
    },
  );
}

async function poll<S>(
  readStatus: () => Promise<S>,
  judge: (status: S) => Verdict,
  options: PollOptions<S>,
  defaults: { readonly intervalMs: number; readonly timeoutMs: number },
  what: string,
  referenceNumber: string,
): Promise<S> {
  const { signal, onProgress, sleep = realSleep, now = () => new Date() } = options;
  const intervalMs = options.intervalMs ?? defaults.intervalMs;
  const deadline = now().getTime() + (options.timeoutMs ?? defaults.timeoutMs);
  const pause = async (ms: number): Promise<void> => {
    try {
      await sleep(ms, signal);
    } catch (cause) {
      if (signal?.aborted !== true) throw cause;
      throw new KsefError('aborted', `Waiting for ${what} ${referenceNumber} was cancelled`, {
        referenceNumber,
        cause,
      });
    }
  };
  let rateLimited = 0;
  for (;;) {
    let status: S;
    try {
      status = await readStatus();
    } catch (error) {
      // The transport waited out its share of 429s; the operation itself is unharmed, so keep polling
      // after the wait KSeF asks for (never sooner, and longer each time), as long as the deadline allows.
      if (!isKsefError(error, 'rate-limited')) throw error;
      const waitMs = Math.max((error.retryAfterSeconds ?? 0) * 1000, intervalMs * 2 ** rateLimited++);
      if (now().getTime() + waitMs > deadline) throw error;
      options.onRateLimitWait?.(waitMs);
      await pause(waitMs);
      continue;
    }
    rateLimited = 0;
    onProgress?.(status);
    if (judge(status) === 'done') return status;
    const remaining = deadline - now().getTime();
    if (remaining <= 0)
      throw new KsefError('timeout', `${what} ${referenceNumber} did not finish in time`, { referenceNumber });
    await pause(Math.min(intervalMs, remaining));
  }
}

/**
 * Polls GET /auth/{referenceNumber} until status 200 (then redeem the tokens).
 * @throws KsefError 'auth-no-permissions' (415), 'auth-revoked' (425), 'auth-bad-token' (450),
 *   'auth-certificate-error' (460), 'auth-deceased-person' (470), 'auth-blocked' (480),
 *   'auth-unknown-error' (500 or any other failure), 'auth-cancelled' (550), with the status kept in
 *   `exceptions`; 'timeout', 'aborted', 'rate-limited' when KSeF's wait would pass the deadline, or any
 *   other error of the call itself.
 */
export async function pollAuthStatus(
  client: Pick<AuthOperations, 'getAuthStatus'>,
  referenceNumber: string,
  authenticationToken: string,
  options: PollOptions<AuthenticationOperationStatusResponse> = {},
): Promise<AuthenticationOperationStatusResponse> {
  return poll(
    () => client.getAuthStatus(referenceNumber, authenticationToken, { signal: options.signal }),
    (response) =>
      verdictOf(response.status, AUTH_STATUS_FAILURES, 'auth-unknown-error', 'Authentication', referenceNumber),
    options,
    AUTH_POLL_DEFAULTS,
    'Authentication',
    referenceNumber,
  );
}

/** A finished enrollment: status 200 with the new certificate's serial number. */
export type IssuedEnrollment = CertificateEnrollmentStatusResponse & { readonly certificateSerialNumber: string };

/**
 * Polls GET /certificates/enrollments/{referenceNumber} until status 200 (100 while KSeF works), then
 * returns the serial number to retrieve.
 * @throws KsefError 'enrollment-rejected' (400), 'enrollment-unknown-error' (500 or any other failure),
 *   'enrollment-cancelled' (550), with the status kept in `exceptions`; 'invalid-response' for a 200
 *   without a serial number; 'timeout', 'aborted', 'rate-limited' when KSeF's wait would pass the
 *   deadline, or any other error of the call itself.
 */
export async function pollEnrollmentStatus(
  client: Pick<CertificateOperations, 'getEnrollmentStatus'>,
  session: KsefTokenStore,
  referenceNumber: string,
  options: PollOptions<CertificateEnrollmentStatusResponse> = {},
): Promise<IssuedEnrollment> {
  const done = await poll(
    () => client.getEnrollmentStatus(session, referenceNumber, { signal: options.signal }),
    (response) =>
      verdictOf(response.status, ENROLLMENT_STATUS_FAILURES, 'enrollment-unknown-error', 'Enrollment', referenceNumber),
    options,
    ENROLLMENT_POLL_DEFAULTS,
    'Enrollment',
    referenceNumber,
  );
  const { certificateSerialNumber } = done;
  if (certificateSerialNumber === null || certificateSerialNumber === undefined) {
    throw new KsefError(
      'invalid-response',
      `Enrollment ${referenceNumber} finished without a certificate serial number`,
      { referenceNumber },
    );
  }
  return { ...done, certificateSerialNumber };
}
