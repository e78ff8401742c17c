/**
 * A client wired to a fetch double, an instant `sleep` that records its waits, and a warning sink.
 * `honestyCheck()` (call it in `afterEach`) fails the test when any exchange broke the contract.
 */
import { expect } from 'vitest';
import { createKsefClient, type KsefClient, type KsefClientOptions } from '../../src/ksef/client';
import type { Sleep } from '../../src/ksef/sleep';
import type { SystemWarning } from '../../src/ksef/system-warning';
import { createTokenStore, type KsefTokenStore } from '../../src/ksef/token-store';
import { createKsefFetchDouble, type KsefFetchDouble } from './ksef-fetch-double';
import { tokensResponse } from './ksef-samples';

export interface Harness {
  readonly double: KsefFetchDouble;
  readonly client: KsefClient;
  /** Every wait the client asked for, in ms. */
  readonly sleeps: number[];
  readonly warnings: { warnings: readonly SystemWarning[]; path: string }[];
  readonly session: KsefTokenStore;
}

/** Resolves at once (after recording), or rejects like the real one when the signal is aborted. */
export function instantSleep(sleeps: number[]): Sleep {
  return async (ms, signal) => {
    sleeps.push(ms);
    await Promise.resolve();
    signal?.throwIfAborted();
  };
}

const doubles: KsefFetchDouble[] = [];

export function createHarness(options: Partial<KsefClientOptions> = {}): Harness {
  const double = createKsefFetchDouble();
  doubles.push(double);
  const sleeps: number[] = [];
  const warnings: Harness['warnings'] = [];
  const client = createKsefClient({
    baseUrl: double.baseUrl,
    fetch: double.fetch,
    sleep: instantSleep(sleeps),
    onWarning: (list, site) => warnings.push({ warnings: list, path: site.path }),
    ...options,
  });
  return { double, client, sleeps, warnings, session: createTokenStore(tokensResponse) };
}

/** For `afterEach`: every double created since the last call served and received only what the contract allows. */
export function honestyCheck(): void {
  const found = doubles.flatMap((d) => d.violations());
  doubles.length = 0;
  expect(found).toEqual([]);
}
