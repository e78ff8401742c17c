import { afterEach, describe, expect, it } from 'vitest';
import { isKsefError, KsefError, type KsefErrorCode } from '../../src/ksef/errors';
import {
  AUTH_POLL_DEFAULTS,
  ENROLLMENT_POLL_DEFAULTS,
  pollAuthStatus,
  pollEnrollmentStatus,
} from '../../src/ksef/polling';
import type { Sleep } from '../../src/ksef/sleep';
import { createHarness, honestyCheck } from '../support/ksef-harness';
import { findOperation } from '../support/open-api-contract';
import {
  AUTH_REFERENCE,
  AUTHENTICATION_TOKEN,
  authStatus,
  ENROLLMENT_REFERENCE,
  enrollmentStatus,
  SERIAL,
  tooManyProblem,
} from '../support/ksef-samples';

afterEach(honestyCheck);

async function failure(promise: Promise<unknown>): Promise<KsefError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof KsefError)) throw new Error(`expected a KsefError, got ${String(error)}`);
  return error;
}

/** A clock that only moves when the code under test sleeps. */
function fakeClock(): { now: () => Date; sleep: Sleep; sleeps: number[] } {
  let t = Date.UTC(2026, 0, 1);
  const sleeps: number[] = [];
  return {
    now: () => new Date(t),
    sleeps,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      t += ms;
      await Promise.resolve();
      signal?.throwIfAborted();
    },
  };
}

const IN_PROGRESS = 'Uwierzytelnianie w toku';

describe('pollAuthStatus', () => {
  it('polls 100, 100, 200 at the interval and returns the final status', async () => {
    const { double, client } = createHarness();
    const clock = fakeClock();
    double
      .on('get', '/auth/{referenceNumber}')
      .json(200, authStatus(100, IN_PROGRESS))
      .json(200, authStatus(100, IN_PROGRESS))
      .json(200, authStatus(200, 'Uwierzytelnianie zakończone sukcesem'));
    const seen: number[] = [];

    const result = await pollAuthStatus(client, AUTH_REFERENCE, AUTHENTICATION_TOKEN, {
      ...clock,
      onProgress: (s) => seen.push(s.status.code),
    });

    expect(result.status.code).toBe(200);
    expect(seen).toEqual([100, 100, 200]);
    expect(clock.sleeps).toEqual([AUTH_POLL_DEFAULTS.intervalMs, AUTH_POLL_DEFAULTS.intervalMs]);
    expect(double.requests.every((r) => r.headers.get('Authorization') === `Bearer ${AUTHENTICATION_TOKEN}`)).toBe(
      true,
    );
  });

  it.each<[number, KsefErrorCode]>([
    [415, 'auth-no-permissions'],
    [425, 'auth-revoked'],
    [450, 'auth-bad-token'],
    [460, 'auth-certificate-error'],
    [470, 'auth-deceased-person'],
    [480, 'auth-blocked'],
    [500, 'auth-unknown-error'],
    [550, 'auth-cancelled'],
    [400, 'auth-unknown-error'],
    [999, 'auth-unknown-error'],
  ])('status %i fails %s with the status details kept', async (code, expected) => {
    const { double, client } = createHarness();
    const clock = fakeClock();
    double
      .on('get', '/auth/{referenceNumber}')
      .json(200, authStatus(100, IN_PROGRESS))
      .json(200, authStatus(code, 'Uwierzytelnianie zakończone niepowodzeniem', ['Nieważny certyfikat.']));
    const error = await failure(pollAuthStatus(client, AUTH_REFERENCE, AUTHENTICATION_TOKEN, clock));
    expect(error.code).toBe(expected);
    expect(error.exceptions).toEqual([
      { code, description: 'Uwierzytelnianie zakończone niepowodzeniem', details: ['Nieważny certyfikat.'] },
    ]);
    expect(error.referenceNumber).toBe(AUTH_REFERENCE);
    expect(error.status).toBeUndefined();
  });

  it('times out after the overall timeout', async () => {
    const { double, client } = createHarness();
    const clock = fakeClock();
    const route = double.on('get', '/auth/{referenceNumber}');
    for (let i = 0; i < 4; i++) route.json(200, authStatus(100, IN_PROGRESS));
    const error = await failure(
      pollAuthStatus(client, AUTH_REFERENCE, AUTHENTICATION_TOKEN, { ...clock, intervalMs: 1_000, timeoutMs: 2_500 }),
    );
    expect(error.code).toBe('timeout');
    expect(clock.sleeps).toEqual([1_000, 1_000, 500]);
    expect(double.requests).toHaveLength(4);
  });

  it('stops when aborted during the wait', async () => {
    const { double, client } = createHarness();
    const controller = new AbortController();
    const clock = fakeClock();
    double.on('get', '/auth/{referenceNumber}').json(200, authStatus(100, IN_PROGRESS));
    const sleep: Sleep = async (ms, signal) => {
      controller.abort();
      await clock.sleep(ms, signal);
    };
    const error = await failure(
      pollAuthStatus(client, AUTH_REFERENCE, AUTHENTICATION_TOKEN, {
        now: clock.now,
        sleep,
        signal: controller.signal,
      }),
    );
    expect(error.code).toBe('aborted');
    expect(double.requests).toHaveLength(1);
  });

  it('stops when aborted during a request', async () => {
    const { double, client } = createHarness();
    const controller = new AbortController();
    double.on('get', '/auth/{referenceNumber}').hang();
    const pending = pollAuthStatus(client, AUTH_REFERENCE, AUTHENTICATION_TOKEN, {
      ...fakeClock(),
      signal: controller.signal,
    });
    await Promise.resolve();
    controller.abort();
    expect((await failure(pending)).code).toBe('aborted');
  });

  it('passes errors of the call through (410 past retention)', async () => {
    const { double, client } = createHarness();
    double.on('get', '/auth/{referenceNumber}').problem(410, {
      title: 'Gone',
      status: 410,
      instance: `/v2/auth/${AUTH_REFERENCE}`,
      detail: 'Operacja wygasła.',
      timestamp: '2025-07-11T12:23:56.0154302+00:00',
      traceId: 'abc',
    });
    expect(
      isKsefError(await failure(pollAuthStatus(client, AUTH_REFERENCE, AUTHENTICATION_TOKEN, fakeClock())), 'gone'),
    ).toBe(true);
  });
});

describe('pollEnrollmentStatus', () => {
  it('polls 100 -> 200 every 3 s by default and returns the serial number', async () => {
    const { double, client, session } = createHarness();
    const clock = fakeClock();
    double
      .on('get', '/certificates/enrollments/{referenceNumber}')
      .json(200, enrollmentStatus(100, 'Wniosek przyjęty do realizacji'))
      .json(200, enrollmentStatus(200, 'Wniosek obsłużony', SERIAL));
    const progress: number[] = [];

    const result = await pollEnrollmentStatus(client, session, ENROLLMENT_REFERENCE, {
      ...clock,
      onProgress: (s) => progress.push(s.status.code),
    });

    expect(result.certificateSerialNumber).toBe(SERIAL);
    expect(progress).toEqual([100, 200]);
    expect(clock.sleeps).toEqual([3_000]);
    expect(double.requests[0]?.path).toBe(`/certificates/enrollments/${ENROLLMENT_REFERENCE}`);
  });

  it('the default interval respects the endpoint rate limits of open-api.json', () => {
    const limits = findOperation('GET', `/certificates/enrollments/${ENROLLMENT_REFERENCE}`)?.operation[
      'x-rate-limits'
    ];
    expect(limits?.perMinute).toBeDefined();
    expect(limits?.perHour).toBeDefined();
    expect(60_000 / ENROLLMENT_POLL_DEFAULTS.intervalMs).toBeLessThanOrEqual(limits?.perMinute ?? 0);
    expect(Math.ceil(ENROLLMENT_POLL_DEFAULTS.timeoutMs / ENROLLMENT_POLL_DEFAULTS.intervalMs) + 1).toBeLessThanOrEqual(
      limits?.perHour ?? 0,
    );
  });

  it.each<[number, KsefErrorCode]>([
    [400, 'enrollment-rejected'],
    [500, 'enrollment-unknown-error'],
    [550, 'enrollment-cancelled'],
    [401, 'enrollment-unknown-error'],
  ])('status %i fails %s with the status details kept', async (code, expected) => {
    const { double, client, session } = createHarness();
    const details = ['Klucz publiczny został już certyfikowany przez inny podmiot.'];
    double
      .on('get', '/certificates/enrollments/{referenceNumber}')
      .json(200, enrollmentStatus(code, 'Wniosek odrzucony', undefined, details));
    const error = await failure(pollEnrollmentStatus(client, session, ENROLLMENT_REFERENCE, fakeClock()));
    expect(error.code).toBe(expected);
    expect(error.exceptions).toEqual([{ code, description: 'Wniosek odrzucony', details }]);
    expect(error.referenceNumber).toBe(ENROLLMENT_REFERENCE);
  });

  it('fails invalid-response on a 200 without a serial number', async () => {
    const { double, client, session } = createHarness();
    double
      .on('get', '/certificates/enrollments/{referenceNumber}')
      .json(200, enrollmentStatus(200, 'Wniosek obsłużony'));
    expect((await failure(pollEnrollmentStatus(client, session, ENROLLMENT_REFERENCE, fakeClock()))).code).toBe(
      'invalid-response',
    );
  });

  it('times out', async () => {
    const { double, client, session } = createHarness();
    const clock = fakeClock();
    double
      .on('get', '/certificates/enrollments/{referenceNumber}')
      .json(200, enrollmentStatus(100, 'W toku'))
      .json(200, enrollmentStatus(100, 'W toku'));
    const error = await failure(
      pollEnrollmentStatus(client, session, ENROLLMENT_REFERENCE, { ...clock, timeoutMs: 3_000 }),
    );
    expect(error.code).toBe('timeout');
    expect(error.referenceNumber).toBe(ENROLLMENT_REFERENCE);
  });

  it('stops when aborted during the wait', async () => {
    const { double, client, session } = createHarness();
    const controller = new AbortController();
    double.on('get', '/certificates/enrollments/{referenceNumber}').json(200, enrollmentStatus(100, 'W toku'));
    const clock = fakeClock();
    const sleep: Sleep = async (ms, signal) => {
      controller.abort();
      await clock.sleep(ms, signal);
    };
    const error = await failure(
      pollEnrollmentStatus(client, session, ENROLLMENT_REFERENCE, { now: clock.now, sleep, signal: controller.signal }),
    );
    expect(error.code).toBe('aborted');
  });
});

describe('polling through a 429 storm', () => {
  it('keeps polling after the transport gave up on 429s, never sooner than Retry-After, and says it waits', async () => {
    const { double, client, session, sleeps } = createHarness();
    const clock = fakeClock();
    const route = double.on('get', '/certificates/enrollments/{referenceNumber}');
    for (let i = 0; i < 3; i++) route.problem(429, tooManyProblem, { 'Retry-After': '5' });
    route.json(200, enrollmentStatus(200, 'Wniosek obsłużony', SERIAL));
    const waits: number[] = [];

    const result = await pollEnrollmentStatus(client, session, ENROLLMENT_REFERENCE, {
      ...clock,
      onRateLimitWait: (ms) => waits.push(ms),
    });

    expect(result.certificateSerialNumber).toBe(SERIAL);
    // The transport's own two waits, then the poll's: Retry-After, as it is longer than the interval.
    expect(sleeps).toEqual([5_000, 5_000]);
    expect(clock.sleeps).toEqual([5_000]);
    expect(waits).toEqual([5_000]);
  });

  it('waits longer each time KSeF keeps refusing (at least the interval, doubled)', async () => {
    const { double, client } = createHarness({ retry: { maxRateLimitRetries: 0 } });
    const clock = fakeClock();
    const route = double.on('get', '/auth/{referenceNumber}');
    for (let i = 0; i < 4; i++) route.problem(429, tooManyProblem, { 'Retry-After': '1' });
    route.json(200, authStatus(200, 'Uwierzytelnianie zakończone sukcesem'));
    const result = await pollAuthStatus(client, AUTH_REFERENCE, AUTHENTICATION_TOKEN, clock);
    expect(result.status.code).toBe(200);
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('fails rate-limited, with KSeF’s wait, when that wait would pass the deadline', async () => {
    const { double, client, session } = createHarness();
    const clock = fakeClock();
    double
      .on('get', '/certificates/enrollments/{referenceNumber}')
      .problem(429, tooManyProblem, { 'Retry-After': '600' });
    const error = await failure(pollEnrollmentStatus(client, session, ENROLLMENT_REFERENCE, clock));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(600);
    expect(clock.sleeps).toEqual([]);
    expect(double.requests).toHaveLength(1);
  });

  it('passes other failures of a status read through at once', async () => {
    const { double, client, session } = createHarness({ retry: { maxTransientRetries: 0 } });
    double
      .on('get', '/certificates/enrollments/{referenceNumber}')
      .offContract(502, '{"error":"upstream-unreachable"}', { 'Content-Type': 'application/json' });
    expect((await failure(pollEnrollmentStatus(client, session, ENROLLMENT_REFERENCE, fakeClock()))).code).toBe(
      'upstream-unreachable',
    );
  });
});
