import type { Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppHandler } from '../../server/app-handler';
import { createNodeServer } from '../../server/node-server';
import { SECURITY_HEADERS } from '../../server/security-headers';
import { rawExchange, type RawAnswer } from '../support/raw-http';

let dist: string;
let app: Server;
let port: number;
let upstream: TcpServer;
const logged: object[] = [];

const listening = async (server: Server | TcpServer): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const closed = (server: Server | TcpServer): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'node-server-'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  // KSeF TEST for the relay: an answer no fetch Response can carry.
  upstream = createTcpServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end('HTTP/1.1 999 Weird\r\nContent-Length: 2\r\n\r\n{}'));
  });
  const upstreamPort = await listening(upstream);
  const env = {
    KSEF_UPSTREAM_TEST: `http://127.0.0.1:${upstreamPort}/v2`,
    KSEF_ALLOWED_HOSTS: 'ksef.example.org, .staging.example.org',
  };
  const handler = createAppHandler(dist, env, (line) => logged.push(line));
  // Short limits, checked often, so the slow-header case takes a second rather than a minute.
  app = createNodeServer(handler, { headersTimeout: 1_000, requestTimeout: 2_000, connectionsCheckingInterval: 100 });
  port = await listening(app);
});

afterAll(async () => {
  app.closeAllConnections();
  await closed(app);
  await closed(upstream);
  await rm(dist, { recursive: true, force: true });
});

function expectSecurityHeaders(answer: RawAnswer): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name.toLowerCase()]).toBe(value);
}

function expectRefusal(answer: RawAnswer, status: number, error: string): void {
  expect(answer.status).toBe(status);
  expect(JSON.parse(answer.body)).toEqual({ error });
  expect(answer.headers['content-type']).toBe('application/json');
  expect(answer.headers['cache-control']).toBe('no-store');
  expectSecurityHeaders(answer);
}

const get = (path: string, host = `127.0.0.1:${port}`, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${extra}Connection: close\r\n\r\n`;

describe('createNodeServer: what Node and the adapter would answer on their own', () => {
  it.each([
    ['a malformed request line', 'GARBAGE\r\n\r\n', 400, 'bad-request'],
    ['a header line without a colon', 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n', 400, 'bad-request'],
    [
      'a Content-Length that is not a number',
      'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n',
      400,
      'bad-request',
    ],
    ['a 20 KB header', get('/', '127.0.0.1', `X-Big: ${'a'.repeat(20 * 1024)}\r\n`), 431, 'headers-too-large'],
    ['HTTP/1.1 without Host', 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', 400, 'bad-request'],
    ['HTTP/1.0 without Host', 'GET / HTTP/1.0\r\n\r\n', 400, 'bad-request'],
    ['a Host the URL parser refuses', get('/', 'a b'), 400, 'bad-request'],
    ['an Expect other than 100-continue', get('/', '127.0.0.1', 'Expect: teapot\r\n'), 417, 'expectation-failed'],
  ])('%s: a coded refusal with the security headers, then the connection closes', async (_n, bytes, status, error) => {
    const answer = await rawExchange(port, bytes);
    expectRefusal(answer, status, error);
    expect(answer.closed).toBe(true);
  });

  it('headers that do not arrive in time: 408 with the security headers', async () => {
    const started = performance.now();
    const answer = await rawExchange(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `);
    expectRefusal(answer, 408, 'request-timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a handler that throws: 500 internal-error with the security headers', async () => {
    const failing = createNodeServer(() => Promise.reject(new Error('a bug')));
    const failingPort = await listening(failing);
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expectRefusal(await rawExchange(failingPort, get('/', '127.0.0.1')), 500, 'internal-error');
    } finally {
      console.error = quiet;
      await closed(failing);
    }
  });

  it('an upstream status of 999 through the whole server: the relay’s coded 502, not a bare 500', async () => {
    const answer = await rawExchange(port, get('/api/test/v2/certificates/limits'));
    expectRefusal(answer, 502, 'upstream-invalid');
  });

  it('serves well-formed requests as before, with the security headers', async () => {
    const answer = await rawExchange(port, get('/'));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>app</title>');
    expectSecurityHeaders(answer);
  });
});

describe('createNodeServer: Host', () => {
  it.each([
    ['loopback by address', '127.0.0.1'],
    ['IPv6 loopback', '[::1]'],
    ['any address (nothing to rebind)', '192.0.2.10'],
    ['localhost', 'localhost'],
    ['a .localhost name', 'app.localhost'],
    ['a configured name', 'ksef.example.org'],
    ['a configured name in capitals', 'KSEF.Example.ORG'],
    ['a subdomain of a dotted entry', 'pr-12.staging.example.org'],
    ['a dotted entry itself', 'staging.example.org'],
  ])('answers %s', async (_n, host) => {
    expect((await rawExchange(port, get('/', `${host}:${port}`))).status).toBe(200);
  });

  it.each([
    ['the static files', '/'],
    ['the relay', '/api/test/v2/certificates/limits'],
    ['the sandbox', '/api/sandbox/v2/certificates/limits'],
  ])('refuses another name for %s with 421 host-not-allowed (DNS rebinding)', async (_n, path) => {
    logged.length = 0;
    const answer = await rawExchange(
      port,
      get(path, `rebind.example:${port}`, `Origin: http://rebind.example:${port}\r\n`),
    );
    expectRefusal(answer, 421, 'host-not-allowed');
    expect(logged).toEqual([{ error: 'host-not-allowed', host: 'rebind.example', allowWith: 'KSEF_ALLOWED_HOSTS' }]);
  });

  it.each(['example.org', 'evilksef.example.org', 'ksef.example.org.evil.example', 'localhost.evil.example'])(
    'refuses %s',
    async (host) => {
      expect((await rawExchange(port, get('/', host))).status).toBe(421);
    },
  );
});

describe('createNodeServer: bodies where none is taken', () => {
  const endless = Buffer.alloc(64 * 1024, 0x61);

  it.each([
    ['GET of a static file', 'GET /index.html'],
    ['HEAD of a static file', 'HEAD /'],
    ['POST to a static path', 'POST /'],
    ['GET of a relay operation', 'GET /api/test/v2/certificates/limits'],
    ['GET of the sandbox', 'GET /api/sandbox/v2/certificates/limits'],
  ])('a 500 MiB body on %s: 413 body-not-allowed at once, little of it read', async (_n, requestLine) => {
    const head = `${requestLine} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${500 * 1024 * 1024}\r\n\r\n`;
    const started = performance.now();
    const answer = await rawExchange(port, head, { endless });
    expect(answer.status).toBe(413);
    // A HEAD answer has no body; the others carry the code.
    if (!requestLine.startsWith('HEAD')) expectRefusal(answer, 413, 'body-not-allowed');
    expectSecurityHeaders(answer);
    expect(answer.headers.connection).toBe('close');
    expect(answer.closed).toBe(true);
    // What the kernels' buffers took before the close (about 4 MiB here), not the 500 MiB declared.
    expect(answer.written).toBeLessThan(16 * 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a chunked body on a GET: refused the same way', async () => {
    const head = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const answer = await rawExchange(port, head, { endless: Buffer.from(`10000\r\n${'a'.repeat(0x10000)}\r\n`) });
    expectRefusal(answer, 413, 'body-not-allowed');
  });

  it('a POST body over the relay cap: 413 body-too-large and the connection closed, not drained', async () => {
    const head =
      `POST /api/test/v2/auth/challenge HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${500 * 1024 * 1024}\r\n\r\n`;
    const answer = await rawExchange(port, head, { endless });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'body-too-large' });
    expectSecurityHeaders(answer);
    expect(answer.closed).toBe(true);
    expect(answer.written).toBeLessThan(16 * 1024 * 1024);
  });
});
