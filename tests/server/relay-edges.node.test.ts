import { describe, expect, it } from 'vitest';
import { createClientSlots, readRelayMaxConcurrent } from '../../server/relay/concurrency';
import { createRelay, type RelayLogLine, type RelayOptions } from '../../server/relay/relay';

const ORIGIN = 'https://ksef-cert.example';
const REF = '20250514-AU-2DFC46C000-3AC6D5877F-D4';

/** A fetch double whose answers wait until the test lets them go. */
function heldUpstream() {
  const held: (() => void)[] = [];
  let calls = 0;
  const fetch: typeof globalThis.fetch = async () => {
    calls += 1;
    await new Promise<void>((resolve) => held.push(resolve));
    return Response.json({ ok: true });
  };
  return { fetch, held, calls: () => calls };
}

function relayWith(fetch: typeof globalThis.fetch, options: RelayOptions = {}) {
  const lines: RelayLogLine[] = [];
  const relay = createRelay({ fetch, log: (line) => lines.push(line), ...options });
  return { relay, lines };
}

const limits = () => new Request(`${ORIGIN}/api/test/v2/certificates/limits`);
/** Lets pending promise callbacks run, so requests reach the upstream double. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createRelay: no body where the operation takes none', () => {
  it.each([
    ['GET with a length', 'GET', `/auth/${REF}`, { 'Content-Length': '524288000' }],
    ['GET chunked', 'GET', '/certificates/limits', { 'Transfer-Encoding': 'chunked' }],
    ['DELETE with a length', 'DELETE', '/auth/sessions/current', { 'Content-Length': '5' }],
  ])('refuses %s with 413 body-not-allowed, closes the connection, calls nobody', async (_n, method, path, headers) => {
    let called = false;
    const { relay, lines } = relayWith(() => {
      called = true;
      return Promise.resolve(new Response('{}'));
    });
    const response = await relay(new Request(`${ORIGIN}/api/test/v2${path}`, { method, headers }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'body-not-allowed' });
    expect(response.headers.get('connection')).toBe('close');
    expect(called).toBe(false);
    expect(lines).toEqual([expect.objectContaining({ status: 413, error: 'body-not-allowed' })]);
  });

  it('takes a GET that declares an empty body', async () => {
    const { relay } = relayWith(() => Promise.resolve(new Response('{}')));
    const request = new Request(`${ORIGIN}/api/test/v2/certificates/limits`, { headers: { 'Content-Length': '0' } });
    expect((await relay(request)).status).toBe(200);
  });
});

describe('createRelay: upstream answer cap', () => {
  it('relays an answer of exactly the cap and refuses one byte more as upstream-invalid', async () => {
    const exact = relayWith(() => Promise.resolve(new Response('x'.repeat(16))), { maxBodyBytes: 16 });
    expect(await (await exact.relay(limits())).text()).toBe('x'.repeat(16));
    const over = relayWith(() => Promise.resolve(new Response('x'.repeat(17))), { maxBodyBytes: 16 });
    const response = await over.relay(limits());
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: 'upstream-invalid' });
  });

  it('stops reading an endless answer once it passes the cap (1 MiB by default)', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const { relay } = relayWith(() => Promise.resolve(new Response(endless)));
    expect((await relay(limits())).status).toBe(502);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('createRelay: calls in flight per client', () => {
  it('lets a client have the limit in flight, refuses one more with 429 and Retry-After, other clients pass', async () => {
    const upstream = heldUpstream();
    const { relay, lines } = relayWith(upstream.fetch, { maxConcurrentPerClient: 3 });
    const first = [1, 2, 3].map(() => relay(limits(), '192.0.2.1'));
    await settle();
    expect(upstream.calls()).toBe(3);

    const refused = await relay(limits(), '192.0.2.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.json()).toEqual({ error: 'too-many-requests' });
    expect(upstream.calls()).toBe(3);
    expect(lines).toEqual([expect.objectContaining({ status: 429, error: 'too-many-requests' })]);

    const other = relay(limits(), '198.51.100.7');
    await settle();
    expect(upstream.calls()).toBe(4);

    for (const release of upstream.held.splice(0)) release();
    expect((await Promise.all([...first, other])).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const again = relay(limits(), '192.0.2.1');
    await settle();
    upstream.held.splice(0).forEach((release) => release());
    expect((await again).status).toBe(200);
  });

  it('gives the slot back after every way a call ends: refusal, timeout, failure', async () => {
    const failing = relayWith(() => Promise.reject(new TypeError('fetch failed')), { maxConcurrentPerClient: 1 });
    for (let i = 0; i < 3; i++) expect((await failing.relay(limits(), 'a')).status).toBe(502);
    const tooLarge = relayWith(() => Promise.resolve(new Response('{}')), {
      maxConcurrentPerClient: 1,
      maxBodyBytes: 1,
    });
    const post = () => new Request(`${ORIGIN}/api/test/v2/auth/challenge`, { method: 'POST', body: '{}' });
    for (let i = 0; i < 3; i++) expect((await tooLarge.relay(post(), 'a')).status).toBe(413);
    const hanging = relayWith(
      (_input, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
      { maxConcurrentPerClient: 1, timeoutMs: 10 },
    );
    for (let i = 0; i < 3; i++) expect((await hanging.relay(limits(), 'a')).status).toBe(504);
  });

  it('does not count what it refuses before any upstream call', async () => {
    const upstream = heldUpstream();
    const { relay } = relayWith(upstream.fetch, { maxConcurrentPerClient: 1 });
    const notFound = new Request(`${ORIGIN}/api/test/v2/invoices`);
    for (let i = 0; i < 3; i++) expect((await relay(notFound, 'a')).status).toBe(404);
    const pending = relay(limits(), 'a');
    await settle();
    expect(upstream.calls()).toBe(1);
    upstream.held.splice(0).forEach((release) => release());
    expect((await pending).status).toBe(200);
  });
});

describe('createClientSlots', () => {
  it('counts per client, forgets idle clients and ignores a second release', () => {
    const slots = createClientSlots(2);
    const a1 = slots.take('a');
    const a2 = slots.take('a');
    expect(slots.take('a')).toBeNull();
    expect(slots.inFlight('a')).toBe(2);
    a1?.();
    a1?.();
    expect(slots.inFlight('a')).toBe(1);
    expect(slots.take('a')).not.toBeNull();
    a2?.();
    expect(slots.take(undefined)).not.toBeNull();
    expect(slots.inFlight(undefined)).toBe(1);
  });
});

describe('readRelayMaxConcurrent', () => {
  it('defaults to 8 and reads a whole number from 1 to 1000', () => {
    expect(readRelayMaxConcurrent({})).toBe(8);
    expect(readRelayMaxConcurrent({ KSEF_RELAY_MAX_CONCURRENT: '' })).toBe(8);
    expect(readRelayMaxConcurrent({ KSEF_RELAY_MAX_CONCURRENT: '1' })).toBe(1);
    expect(readRelayMaxConcurrent({ KSEF_RELAY_MAX_CONCURRENT: '1000' })).toBe(1000);
  });

  it.each(['0', '-1', '1001', '2.5', 'many'])('names the variable when it is %j', (value) => {
    expect(() => readRelayMaxConcurrent({ KSEF_RELAY_MAX_CONCURRENT: value })).toThrow('KSEF_RELAY_MAX_CONCURRENT');
  });
});
