import { serve } from '@hono/node-server';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddressOf } from '../../server/bindings';
import { createRelay, type RelayLogLine } from '../../server/relay/relay';

/** What the real upstream saw for one request. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const seen: Seen[] = [];
const lines: RelayLogLine[] = [];
let upstream: Server;
let relayServer: ReturnType<typeof serve>;
let relayBase: string;

const listening = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const closed = (server: { close: (done: () => void) => unknown }): Promise<void> =>
  new Promise((resolve) => server.close(() => resolve()));

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const echo = gzipSync(JSON.stringify({ received: body.length, sha: body.subarray(0, 16).toString('hex') }));
      response.writeHead(202, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Content-Length': String(echo.length),
        'X-System-Warning': '[sig-001]: test',
        'Set-Cookie': ['visid_incap_1=abc; SameSite=None', 'incap_ses_1=def'],
      });
      response.end(echo);
    });
  });
  const upstreamPort = await listening(upstream);

  const relay = createRelay({
    upstreams: { test: `http://127.0.0.1:${upstreamPort}/v2` },
    log: (line) => lines.push(line),
  });
  relayServer = serve({
    fetch: (request, bindings) => relay(request, clientAddressOf(bindings)),
    hostname: '127.0.0.1',
    port: 0,
  });
  const relayPort = await new Promise<number>((resolve) => {
    relayServer.once('listening', () => resolve((relayServer.address() as AddressInfo).port));
  });
  relayBase = `http://127.0.0.1:${relayPort}`;
});

afterAll(async () => {
  await closed(relayServer);
  await closed(upstream);
});

describe('relay over real sockets', () => {
  it('streams a chunked request body upstream and returns the decoded answer without cookies', async () => {
    const payload = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    const chunks = [payload.subarray(0, 100_000), payload.subarray(100_000, 200_000), payload.subarray(200_000)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    });
    const response = await fetch(`${relayBase}/api/test/v2/auth/xades-signature?verifyCertificateChain=false`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        'Content-Type': 'application/xml',
        Authorization: 'Bearer token-value',
        Cookie: 'visid_incap_1=abc',
        Origin: relayBase,
        'X-Forwarded-For': '203.0.113.7',
      },
    } as RequestInit);

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ received: payload.length, sha: payload.subarray(0, 16).toString('hex') });
    expect(response.headers.get('x-system-warning')).toBe('[sig-001]: test');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.getSetCookie()).toEqual([]);

    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v2/auth/xades-signature?verifyCertificateChain=false');
    expect(request?.body.equals(payload)).toBe(true);
    expect(request?.headers['content-length']).toBe(String(payload.length));
    expect(request?.headers.authorization).toBe('Bearer token-value');
    expect(request?.headers['content-type']).toBe('application/xml');
    expect(request?.headers.host).toMatch(/^127\.0\.0\.1:\d+$/);
    for (const name of ['cookie', 'origin', 'x-forwarded-for']) expect(request?.headers).not.toHaveProperty(name);
    expect(lines).toEqual([
      expect.objectContaining({ method: 'POST', environment: 'test', route: '/auth/xades-signature', status: 202 }),
    ]);
  });

  it('answers 404 for a path outside the allowlist without reaching the upstream', async () => {
    const before = seen.length;
    const response = await fetch(`${relayBase}/api/test/v2/invoices/query/metadata`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not-found' });
    expect(seen).toHaveLength(before);
  });
});
