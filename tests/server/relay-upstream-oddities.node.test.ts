import fc from 'fast-check';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelay, type RelayLogLine } from '../../server/relay/relay';

/**
 * A fake KSeF over raw TCP: it writes exactly the bytes of a case, so it can break HTTP in ways no
 * HTTP library would let it. The case is named in the path (`/case=<name>/`).
 */
const ANSWERS: Readonly<Record<string, string | ((socket: Socket) => void)>> = {
  'status 999': 'HTTP/1.1 999 Weird\r\nContent-Length: 2\r\n\r\n{}',
  'status 600': 'HTTP/1.1 600 Beyond\r\nContent-Length: 2\r\n\r\n{}',
  'status 199 as the final answer': 'HTTP/1.1 199 Early\r\nContent-Length: 2\r\n\r\n{}',
  'status 101 without an upgrade asked':
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: upgrade\r\n\r\n',
  'only 100 Continue': 'HTTP/1.1 100 Continue\r\n\r\n',
  'a status of two digits': 'HTTP/1.1 42 Odd\r\nContent-Length: 2\r\n\r\n{}',
  'a status that is not a number': 'HTTP/1.1 abc Odd\r\nContent-Length: 2\r\n\r\n{}',
  'a reason phrase with a control character': 'HTTP/1.1 200 O\x01K\r\nContent-Length: 2\r\n\r\n{}',
  'a reason phrase with DEL': 'HTTP/1.1 200 O\x7fK\r\nContent-Length: 2\r\n\r\n{}',
  'a reason phrase with NUL': 'HTTP/1.1 200 O\x00K\r\nContent-Length: 2\r\n\r\n{}',
  'two equal Content-Length': 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}',
  'two different Content-Length': 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}',
  'a Content-Length list': 'HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\n{}',
  'Content-Length with chunking':
    'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
  'a body shorter than its Content-Length': 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"a":1}',
  'a malformed chunk size': 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
  'chunking cut off': 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n{"a":1}\r\n',
  'a header value with a control character':
    'HTTP/1.1 200 OK\r\nX-System-Warning: a\x01b\r\nContent-Length: 2\r\n\r\n{}',
  'not HTTP at all': 'hello there\r\n\r\n',
  'an HTTP/0.9 body without a status line': '{"a":1}',
  'headers then a stall past the deadline': (socket) =>
    socket.write('HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n{"a"'),
  'nothing then a stall past the deadline': () => undefined,
};

/** Well-formed, if old-fashioned: the relay passes these on. */
const FINE: Readonly<Record<string, string>> = {
  'no length, ended by closing the connection': 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"a":1}',
  'HTTP/1.0 with a length': 'HTTP/1.0 200 OK\r\nContent-Length: 7\r\n\r\n{"a":1}',
  'a reason phrase with obs-text (Latin-1)': 'HTTP/1.1 200 Zaz\xf3\xb3\r\nContent-Length: 7\r\n\r\n{"a":1}',
  'an empty reason phrase': 'HTTP/1.1 200 \r\nContent-Length: 7\r\n\r\n{"a":1}',
};

/** Answers made up by the property test, by case name. */
const generated = new Map<string, Buffer>();

let upstream: Server;
let base: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  upstream = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', (data) => {
      const name = decodeURIComponent(/case=([^/ ]*)/.exec(data.toString('latin1'))?.[1] ?? '');
      const answer = ANSWERS[name] ?? FINE[name] ?? generated.get(name);
      if (typeof answer === 'function') answer(socket);
      else if (answer instanceof Buffer) socket.end(answer);
      else socket.end(answer ?? 'HTTP/1.1 500 Unknown case\r\nContent-Length: 0\r\n\r\n', 'latin1');
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v2`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

/** Sends `GET /certificates/limits` through a relay whose TEST is the fake, naming the case in the query. */
async function relayCase(name: string): Promise<{ response: Response; lines: RelayLogLine[] }> {
  const lines: RelayLogLine[] = [];
  // The case travels in the upstream base, since the relay forwards no query it does not know.
  const relay = createRelay({
    upstreams: { test: `${base}/case=${encodeURIComponent(name)}` },
    timeoutMs: 1_000,
    log: (line) => lines.push(line),
  });
  const response = await relay(new Request('http://127.0.0.1/api/test/v2/certificates/limits'));
  return { response, lines };
}

describe('relay: upstream answers that break HTTP', () => {
  it.each(Object.keys(ANSWERS).filter((name) => !name.includes('stall')))(
    '%s gives 502 upstream-invalid',
    async (name) => {
      const { response, lines } = await relayCase(name);
      expect(response.status).toBe(502);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ error: 'upstream-invalid' });
      expect(lines).toEqual([expect.objectContaining({ status: 502, error: 'upstream-invalid' })]);
    },
  );

  it.each(Object.keys(ANSWERS).filter((name) => name.includes('stall')))(
    '%s gives 504 upstream-timeout',
    async (name) => {
      const started = performance.now();
      const { response } = await relayCase(name);
      expect(response.status).toBe(504);
      expect(await response.json()).toEqual({ error: 'upstream-timeout' });
      expect(performance.now() - started).toBeLessThan(10_000);
    },
  );

  it.each(Object.keys(FINE))('%s passes as it is', async (name) => {
    const { response } = await relayCase(name);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"a":1}');
    expect(response.headers.get('content-length')).toBe('7');
  });

  it('a refused connection stays upstream-unreachable: KSeF got nothing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const relay = createRelay({ upstreams: { test: `http://127.0.0.1:${port}/v2` }, log: () => undefined });
    const response = await relay(new Request('http://127.0.0.1/api/test/v2/certificates/limits'));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: 'upstream-unreachable' });
  });
});

/** An answer that is nearly HTTP: any status number and reason, headers from a small pool, any body. */
const nearlyHttp = fc
  .record({
    version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/1.1 ', 'http/1.1'),
    status: fc.oneof(fc.integer({ min: 0, max: 1200 }), fc.constantFrom(200, 204, 304, 429, 502)),
    reason: fc.string({ maxLength: 12, unit: 'binary' }),
    headers: fc.array(
      fc.constantFrom(
        'Content-Length: 2',
        'Content-Length: 0',
        'Content-Length: 99',
        'Content-Length: -1',
        'Transfer-Encoding: chunked',
        'Content-Encoding: gzip',
        'Content-Type: application/json',
        'Retry-After: 5',
        'X-System-Warning: \u0001',
        'Set-Cookie: visid_incap_1=x',
      ),
      { maxLength: 4 },
    ),
    body: fc.constantFrom('', '{}', '2\r\n{}\r\n0\r\n\r\n', 'zz\r\n', '\u0000\u00ff'),
  })
  .map(({ version, status, reason, headers, body }) =>
    Buffer.from(`${version} ${status} ${reason}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n${body}`, 'latin1'),
  );

describe('relay: property over answers that are nearly HTTP, or not at all', () => {
  it('always answers within the deadline: a relayed status from 200 to 599 or its own coded 502/504, never a throw or a hang', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          nearlyHttp,
          fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
        ),
        async (bytes) => {
          const name = `generated-${run++}`;
          generated.set(name, bytes);
          const started = performance.now();
          const { response, lines } = await relayCase(name);
          generated.delete(name);
          // Never past the relay's deadline (1 s here), whatever the bytes.
          expect(performance.now() - started).toBeLessThan(5_000);
          const [line] = lines;
          if (line?.error === undefined) {
            expect(response.status).toBeGreaterThanOrEqual(200);
            expect(response.status).toBeLessThanOrEqual(599);
            expect(response.headers.get('set-cookie')).toBeNull();
          } else if (line.error === 'upstream-timeout') {
            // A body marked gzip that is not gzip can leave undici's decoder silent until the deadline.
            expect(response.status).toBe(504);
          } else {
            expect(response.status).toBe(502);
            expect(['upstream-invalid', 'upstream-unreachable']).toContain(line.error);
          }
          await response.arrayBuffer();
        },
      ),
      { numRuns: 150 },
    );
  });
});
