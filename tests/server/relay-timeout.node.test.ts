import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../server/api';
import { DEFAULT_RELAY_TIMEOUT_MS, readRelayTimeoutMs } from '../../server/relay/timeout';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../src/ksef/transport';

describe('readRelayTimeoutMs', () => {
  it('defaults to 25 s, below the app’s own 30 s, so the relay’s specific 504 reaches the browser first', () => {
    expect(readRelayTimeoutMs({})).toBe(DEFAULT_RELAY_TIMEOUT_MS);
    expect(readRelayTimeoutMs({ KSEF_RELAY_TIMEOUT_MS: '' })).toBe(DEFAULT_RELAY_TIMEOUT_MS);
    expect(DEFAULT_RELAY_TIMEOUT_MS).toBe(25_000);
    expect(DEFAULT_REQUEST_TIMEOUT_MS - DEFAULT_RELAY_TIMEOUT_MS).toBeGreaterThanOrEqual(5_000);
  });

  it.each([
    ['1000', 1_000],
    ['3000', 3_000],
    ['120000', 120_000],
  ])('reads %j', (value, expected) => {
    expect(readRelayTimeoutMs({ KSEF_RELAY_TIMEOUT_MS: value })).toBe(expected);
  });

  it.each(['999', '0', '-5', '120001', '2.5', '3s', 'abc', 'Infinity'])('names the variable when it is %j', (value) => {
    expect(() => readRelayTimeoutMs({ KSEF_RELAY_TIMEOUT_MS: value })).toThrow('KSEF_RELAY_TIMEOUT_MS');
  });
});

describe('createApiHandler with KSEF_RELAY_TIMEOUT_MS', () => {
  // An upstream that takes the request and never answers.
  let upstream: Server;
  let base: string;
  beforeAll(async () => {
    upstream = createServer(() => undefined);
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v2`;
  });
  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  it('answers 504 upstream-timeout after the configured time', async () => {
    const api = createApiHandler({ KSEF_UPSTREAM_TEST: base, KSEF_RELAY_TIMEOUT_MS: '1000' });
    const started = performance.now();
    const response = await api(new Request('http://127.0.0.1/api/test/v2/auth/challenge', { method: 'POST' }));
    const elapsed = performance.now() - started;
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ error: 'upstream-timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('refuses to start with a bad value', () => {
    expect(() => createApiHandler({ KSEF_RELAY_TIMEOUT_MS: 'soon' })).toThrow('KSEF_RELAY_TIMEOUT_MS');
  });
});
