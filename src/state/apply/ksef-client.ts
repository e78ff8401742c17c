/**
 * KSeF as the wizard calls it: a client on the same-origin relay, built from the seams, whose waits
 * after HTTP 429 the UI shows (`ksef-wait.ts`); and the wait before a retry the user asked for.
 */
import type { KsefClient } from '../../ksef/client';
import { relayBaseUrl, type KsefEnvironment } from '../../ksef/environments';
import { ksefWaitLeftMs, noteKsefWait } from './ksef-wait';
import { seams } from './seams';

/** The client's code (transport, retries, response schemas) is loaded on the first call to KSeF, not before the first paint. */
const loadClient = () => import('../../ksef/client');

/** A KSeF client on the relay for `environment`; its waits after HTTP 429 are shown (`ksef-wait.ts`). */
export async function ksefClient(environment: KsefEnvironment): Promise<KsefClient> {
  const { createKsefClient } = await loadClient();
  const { fetch, origin, now, sleep } = seams();
  return createKsefClient({
    baseUrl: relayBaseUrl(environment, origin),
    fetch,
    now,
    sleep,
    onRateLimitWait: (waitMs) => noteKsefWait(waitMs, now()),
  });
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
