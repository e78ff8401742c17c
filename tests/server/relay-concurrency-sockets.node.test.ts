import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppHandler } from '../../server/app-handler';
import { createNodeServer } from '../../server/node-server';

/** A slow KSeF: it holds every answer until the test lets them go. */
const held: ServerResponse[] = [];
let upstream: Server;
let app: Server;
let base: string;

const listening = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const closed = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

beforeAll(async () => {
  upstream = createServer((_request, response) => held.push(response));
  const upstreamPort = await listening(upstream);
  const env = { KSEF_UPSTREAM_TEST: `http://127.0.0.1:${upstreamPort}/v2`, KSEF_RELAY_MAX_CONCURRENT: '2' };
  app = createNodeServer(createAppHandler('/nonexistent', env, () => undefined));
  base = `http://127.0.0.1:${await listening(app)}`;
});

afterAll(async () => {
  app.closeAllConnections();
  upstream.closeAllConnections();
  await closed(app);
  await closed(upstream);
});

const waitFor = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('relay over sockets: calls in flight per client address', () => {
  it('KSEF_RELAY_MAX_CONCURRENT=2: the third call while two wait on a slow KSeF gets 429, then it passes', async () => {
    const limits = () => fetch(`${base}/api/test/v2/certificates/limits`);
    const first = [limits(), limits()];
    await waitFor(() => held.length === 2);

    const refused = await limits();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await refused.json()).toEqual({ error: 'too-many-requests' });
    expect(held).toHaveLength(2);

    for (const response of held.splice(0)) response.end('{"ok":true}');
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);

    const later = limits();
    await waitFor(() => held.length === 1);
    held.splice(0).forEach((response) => response.end('{"ok":true}'));
    expect((await later).status).toBe(200);
  });
});
