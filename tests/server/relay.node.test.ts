import { describe, expect, it } from 'vitest';
import { createRelay, type RelayLogLine, type RelayOptions } from '../../server/relay/relay';

const ORIGIN = 'https://ksef-cert.example';
const REF = '20250514-AU-2DFC46C000-3AC6D5877F-D4';
const ENROLLMENT_REF = '20251010-EH-1B6C9EB000-4B15D3AEB9-89';
const SERIAL = '0123456789ABCDEF';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtc3ViamVjdCJ9.c2lnbmF0dXJl';

interface UpstreamCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

/** A fetch double that records what reached "KSeF" and answers with `answer`. */
type Answer = (call: UpstreamCall, signal: AbortSignal) => Promise<Response> | Response;

function fakeUpstream(answer: Answer = () => new Response('{}')) {
  const calls: UpstreamCall[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const call = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: new Uint8Array(await request.arrayBuffer()),
    };
    calls.push(call);
    return answer(call, request.signal);
  };
  return { calls, fetch };
}

function setup(answer?: Answer, options: RelayOptions = {}) {
  const upstream = fakeUpstream(answer);
  const lines: RelayLogLine[] = [];
  const relay = createRelay({ fetch: upstream.fetch, log: (line) => lines.push(line), ...options });
  const send = (path: string, init: RequestInit = {}) => relay(new Request(`${ORIGIN}${path}`, init));
  return { send, calls: upstream.calls, lines };
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** CRLF, a comment with Polish letters and a trailing newline: any re-encoding would show. */
const XML = [
  '<?xml version="1.0" encoding="utf-8"?>\r\n',
  '<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.0">',
  '<Challenge>20250514-CR-2DFC46C000-3AC6D5877F-D4</Challenge><!-- Zażółć gęślą jaźń -->',
  '</AuthTokenRequest>\n',
].join('');

describe('createRelay: allowlisted routes', () => {
  it.each([
    ['POST', '/auth/challenge', '', '{}'],
    ['POST', '/auth/xades-signature', '?verifyCertificateChain=false', XML],
    ['POST', '/auth/xades-signature', '', XML],
    ['GET', `/auth/${REF}`, '', null],
    ['POST', '/auth/token/redeem', '', null],
    ['POST', '/auth/token/refresh', '', null],
    ['DELETE', '/auth/sessions/current', '', null],
    ['GET', '/certificates/limits', '', null],
    ['GET', '/certificates/enrollments/data', '', null],
    ['POST', '/certificates/enrollments', '', '{"certificateName":"Mój certyfikat","csr":"MIIB"}'],
    ['GET', `/certificates/enrollments/${ENROLLMENT_REF}`, '', null],
    ['POST', '/certificates/retrieve', '', `{"certificateSerialNumbers":["${SERIAL}"]}`],
    ['POST', '/certificates/query', '?pageSize=10&pageOffset=2', '{"status":"Active"}'],
    ['POST', '/certificates/query', '', ''],
    ['POST', `/certificates/${SERIAL}/revoke`, '', '{"revocationReason":"KeyCompromise"}'],
  ])('%s %s%s goes to the TEST base unchanged', async (method, path, query, body) => {
    const { send, calls } = setup(() => Response.json({ ok: true }));
    const response = await send(`/api/test/v2${path}${query}`, { method, body });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"ok":true}');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`https://api-test.ksef.mf.gov.pl/v2${path}${query}`);
    expect(calls[0]?.method).toBe(method);
    expect(calls[0]?.body).toEqual(bytes(body ?? ''));
  });

  it.each([
    ['test', 'https://api-test.ksef.mf.gov.pl/v2/auth/challenge'],
    ['demo', 'https://api-demo.ksef.mf.gov.pl/v2/auth/challenge'],
    ['prod', 'https://api.ksef.mf.gov.pl/v2/auth/challenge'],
  ])('maps %s to its official base', async (environment, url) => {
    const { send, calls } = setup();
    await send(`/api/${environment}/v2/auth/challenge`, { method: 'POST' });
    expect(calls.map((c) => c.url)).toEqual([url]);
  });

  it('forwards binary bodies byte for byte', async () => {
    const { send, calls } = setup();
    const body = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 256);
    await send('/api/prod/v2/certificates/enrollments', { method: 'POST', body });
    expect(calls[0]?.body).toEqual(body);
  });

  it('serves sandbox only when an upstream is configured for it, and honours overrides', async () => {
    const plain = setup();
    expect((await plain.send('/api/sandbox/v2/auth/challenge', { method: 'POST' })).status).toBe(404);
    expect(plain.calls).toHaveLength(0);

    const upstreams = { sandbox: 'http://127.0.0.1:9999/v2/', test: 'http://localhost:8080/ksef/v2' };
    const local = setup(undefined, { upstreams });
    await local.send('/api/sandbox/v2/auth/challenge', { method: 'POST' });
    await local.send('/api/test/v2/certificates/limits');
    await local.send('/api/demo/v2/certificates/limits');
    expect(local.calls.map((c) => c.url)).toEqual([
      'http://127.0.0.1:9999/v2/auth/challenge',
      'http://localhost:8080/ksef/v2/certificates/limits',
      'https://api-demo.ksef.mf.gov.pl/v2/certificates/limits',
    ]);
  });

  it('refuses to start with an upstream that is not an absolute http(s) URL', () => {
    expect(() => createRelay({ upstreams: { test: 'ftp://example.com/v2' } })).toThrow(/test/);
    expect(() => createRelay({ upstreams: { prod: '/v2' } })).toThrow(/prod/);
  });
});

describe('createRelay: refused before any upstream call', () => {
  it.each([
    ['GET', '/api/test/v2/invoices/ksef/5265877635-20250826-0100001AF629-AF'],
    ['POST', '/api/test/v2/invoices/query/metadata'],
    ['GET', '/api/test/v2/../../etc/passwd'],
    ['GET', '/api/test/v2/auth/../../../etc/passwd'],
    ['GET', '/api/test/v2/auth/%2e%2e/%2e%2e/etc/passwd'],
    ['GET', '/api/test/v2/auth/..%2f..%2fetc%2fpasswd'],
    ['GET', '/api/test/v2/auth/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd-000000000000'],
    ['GET', '/api/test/v2/certificates/enrollments/%64ata'],
    ['POST', '/api/unknown/v2/auth/challenge'],
    ['POST', '/api/TEST/v2/auth/challenge'],
    ['POST', '/api/test/v1/auth/challenge'],
    ['POST', '/api/test/auth/challenge'],
    ['POST', '/api/test/v2/auth/challenge/'],
    ['POST', '/api/test/v2//auth/challenge'],
    ['POST', '/api/test/v2/auth/Challenge'],
    ['GET', '/api/test/v2/auth/challenge'],
    ['OPTIONS', '/api/test/v2/auth/challenge'],
    ['HEAD', '/api/test/v2/certificates/limits'],
    ['PUT', '/api/test/v2/certificates/enrollments'],
    ['POST', `/api/test/v2/certificates/${SERIAL.toLowerCase()}/revoke`],
    ['POST', `/api/test/v2/certificates/${SERIAL}0/revoke`],
    ['POST', `/api/test/v2/certificates/${SERIAL.slice(1)}/revoke`],
    ['POST', '/api/test/v2/certificates/012345678-ABCDEF/revoke'],
    ['GET', `/api/test/v2/auth/${REF.slice(1)}`],
    ['GET', `/api/test/v2/auth/${REF}X`],
    ['GET', `/api/test/v2/auth/${REF.slice(2)}%41A`],
    ['GET', '/api/test/v2/auth/sessions'],
    ['DELETE', `/api/test/v2/auth/sessions/${REF}`],
    ['POST', '/api/test/v2/testdata/person'],
    ['GET', '/api/test/v2/security/public-key-certificates'],
    ['GET', '/api/test/v2'],
    ['GET', '/api/'],
  ])('%s %s is 404', async (method, path) => {
    const { send, calls, lines } = setup();
    const response = await send(path, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    if (method !== 'HEAD') expect(await response.json()).toEqual({ error: 'not-found' });
    expect(calls).toHaveLength(0);
    expect(lines).toEqual([expect.objectContaining({ status: 404, route: null, error: 'not-found' })]);
  });

  it.each([
    ['an unknown parameter', '/auth/challenge?debug=1'],
    ['a parameter of another route', '/auth/challenge?verifyCertificateChain=false'],
    ['a non-boolean flag', '/auth/xades-signature?verifyCertificateChain=yes'],
    ['a repeated flag', '/auth/xades-signature?verifyCertificateChain=false&verifyCertificateChain=true'],
    ['a non-numeric page size', '/certificates/query?pageSize=ten'],
    ['a negative offset', '/certificates/query?pageOffset=-1'],
    ['an empty value', '/certificates/query?pageSize='],
    ['an extra filter', '/certificates/query?pageSize=10&status=Active'],
  ])('refuses %s with 400', async (_name, pathAndQuery) => {
    const { send, calls } = setup();
    const response = await send(`/api/test/v2${pathAndQuery}`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'query-not-allowed' });
    expect(calls).toHaveLength(0);
  });

  it('forwards allowed parameters in canonical form', async () => {
    const { send, calls } = setup();
    await send('/api/test/v2/certificates/query?pageOffset=%31&pageSize=20', { method: 'POST' });
    await send('/api/test/v2/certificates/limits?', {});
    expect(calls.map((c) => c.url)).toEqual([
      'https://api-test.ksef.mf.gov.pl/v2/certificates/query?pageOffset=1&pageSize=20',
      'https://api-test.ksef.mf.gov.pl/v2/certificates/limits',
    ]);
  });

  it.each([
    ['another site', { Origin: 'https://evil.example' }],
    ['another port', { Origin: 'https://ksef-cert.example:8443' }],
    ['an opaque origin', { Origin: 'null' }],
    ['a cross-site fetch without Origin', { 'Sec-Fetch-Site': 'cross-site' }],
    ['a same-site (sibling subdomain) fetch', { 'Sec-Fetch-Site': 'same-site' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const { send, calls } = setup();
    const response = await send('/api/test/v2/auth/challenge', { method: 'POST', headers });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'cross-origin' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['its own origin', { Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' }],
    ['its own host over http (TLS ends in front of the relay)', { Origin: 'http://ksef-cert.example' }],
    ['no browser headers (a command-line client)', {}],
  ])('accepts %s', async (_name, headers) => {
    const { send, calls } = setup();
    expect((await send('/api/test/v2/auth/challenge', { method: 'POST', headers })).status).toBe(200);
    expect(calls).toHaveLength(1);
  });
});

describe('createRelay: body cap', () => {
  it('refuses a declared Content-Length above 1 MB without reading it', async () => {
    const { send, calls } = setup();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const response = await send('/api/test/v2/certificates/enrollments', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'Content-Length': String(1024 * 1024 + 1) },
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'body-too-large' });
    expect(pulled).toBeLessThanOrEqual(1);
    expect(calls).toHaveLength(0);
  });

  it('stops reading an endless chunked body once it passes 1 MB', async () => {
    const { send, calls } = setup();
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const init = { method: 'POST', body: endless, duplex: 'half' } as RequestInit;
    const response = await send('/api/test/v2/auth/xades-signature', init);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
    expect(calls).toHaveLength(0);
  });

  it('accepts exactly the cap and refuses one byte more', async () => {
    const { send, calls } = setup(undefined, { maxBodyBytes: 10 });
    expect((await send('/api/test/v2/auth/challenge', { method: 'POST', body: '0123456789' })).status).toBe(200);
    expect((await send('/api/test/v2/auth/challenge', { method: 'POST', body: '0123456789A' })).status).toBe(413);
    expect(calls).toHaveLength(1);
  });
});

describe('createRelay: headers', () => {
  it('forwards only the allowlisted request headers', async () => {
    const { send, calls } = setup();
    const sent = {
      Authorization: `Bearer ${JWT}`,
      'Content-Type': 'application/xml',
      Accept: 'application/json',
      'Accept-Language': 'pl',
      'X-Error-Format': 'problem-details',
      'X-KSeF-Feature': 'enforce-xades-compliance',
      'X-Test-System-Warning': 'ping',
    };
    const dropped = {
      Cookie: 'visid_incap_1=abc; sid=secret',
      Host: 'evil.example',
      Origin: ORIGIN,
      Referer: `${ORIGIN}/#/step/2`,
      'X-Forwarded-For': '203.0.113.7',
      'X-Forwarded-Host': 'evil.example',
      'X-Real-IP': '203.0.113.7',
      Connection: 'keep-alive, X-Secret',
      'Keep-Alive': 'timeout=5',
      TE: 'trailers',
      Upgrade: 'websocket',
      'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
      'User-Agent': 'Mozilla/5.0',
    };
    await send('/api/test/v2/auth/xades-signature', { method: 'POST', body: XML, headers: { ...sent, ...dropped } });
    const forwarded = Object.fromEntries(calls[0]?.headers ?? []);
    for (const [name, value] of Object.entries(sent)) expect(forwarded[name.toLowerCase()]).toBe(value);
    for (const name of Object.keys(dropped)) expect(forwarded).not.toHaveProperty(name.toLowerCase());
  });

  it('strips Set-Cookie and WAF headers, passes Retry-After and X-System-Warning, adds no-store', async () => {
    const upstreamHeaders = new Headers([
      ['Content-Type', 'application/problem+json'],
      ['Retry-After', '30'],
      ['X-System-Warning', '[sig-001]: Format podpisu niezgodny'],
      ['Set-Cookie', 'visid_incap_2=abc; SameSite=None; Secure'],
      ['Set-Cookie', 'incap_ses_1=def; path=/'],
      ['X-CDN', 'Imperva'],
      ['x-azure-ref', '0abc'],
      ['Cache-Control', 'public, max-age=600'],
      ['Access-Control-Allow-Origin', '*'],
    ]);
    const { send } = setup(() => new Response('{"status":429}', { status: 429, headers: upstreamHeaders }));
    const response = await send('/api/prod/v2/certificates/limits');
    expect(response.status).toBe(429);
    expect(await response.text()).toBe('{"status":429}');
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('x-system-warning')).toBe('[sig-001]: Format podpisu niezgodny');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.getSetCookie()).toEqual([]);
    for (const name of ['x-cdn', 'x-azure-ref', 'access-control-allow-origin']) {
      expect(response.headers.get(name)).toBeNull();
    }
  });

  it('sends the length of the bytes it relays, not the one upstream declared for its encoding', async () => {
    const plain = setup(() => new Response('{"a":1}', { headers: { 'Content-Length': '7' } }));
    expect((await plain.send('/api/test/v2/certificates/limits')).headers.get('content-length')).toBe('7');

    const decodedHeaders = { 'Content-Length': '3', 'Content-Encoding': 'gzip' };
    const decoded = setup(() => new Response('{"a":1}', { headers: decodedHeaders }));
    const response = await decoded.send('/api/test/v2/certificates/limits');
    expect(response.headers.get('content-length')).toBe('7');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe('{"a":1}');
  });
});

describe('createRelay: upstream answers and failures', () => {
  it.each([
    [202, '{"referenceNumber":"x"}'],
    [204, null],
    [400, '{"exception":{"exceptionDetailList":[{"exceptionCode":21405}]}}'],
    [401, '{"title":"Unauthorized","status":401}'],
    [410, '{"title":"Gone","status":410}'],
    [429, '{"status":{"code":429}}'],
    [500, 'Internal Server Error'],
    [502, '<html>Imperva</html>'],
  ])('passes status %i and its body unchanged', async (status, body) => {
    const { send, calls } = setup(() => new Response(body, { status }));
    const response = await send(`/api/test/v2/certificates/${SERIAL}/revoke`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(status);
    expect(await response.text()).toBe(body ?? '');
    expect(calls).toHaveLength(1);
  });

  it('answers 504 when the upstream does not answer in time, and does not retry', async () => {
    const hang = (_call: UpstreamCall, signal: AbortSignal) =>
      new Promise<Response>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('The operation timed out.', 'TimeoutError')));
      });
    const { send, calls, lines } = setup(hang, { timeoutMs: 20 });
    const response = await send('/api/test/v2/auth/challenge', { method: 'POST' });
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ error: 'upstream-timeout' });
    expect(calls).toHaveLength(1);
    expect(lines).toEqual([expect.objectContaining({ status: 504, error: 'upstream-timeout' })]);
  });

  it('stops waiting for the upstream when the browser goes away', async () => {
    const { send, lines } = setup(
      (_call, signal) =>
        new Promise<Response>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')));
        }),
    );
    const browser = new AbortController();
    const pending = send('/api/test/v2/certificates/limits', { signal: browser.signal });
    setTimeout(() => browser.abort(), 10);
    expect((await pending).status).toBe(499);
    expect(lines).toEqual([expect.objectContaining({ status: 499, error: 'client-closed' })]);
  });

  it('answers 502 when the upstream is unreachable, and does not retry', async () => {
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') });
    const { send, calls } = setup(() => Promise.reject(refused));
    const response = await send('/api/test/v2/auth/challenge', { method: 'POST' });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: 'upstream-unreachable' });
    expect(calls).toHaveLength(1);
  });

  it('does not disguise a programming error as a network failure', async () => {
    const { send } = setup(() => Promise.reject(new RangeError('bug')));
    await expect(send('/api/test/v2/auth/challenge', { method: 'POST' })).rejects.toThrow('bug');
  });

  it('does not follow redirects', async () => {
    const upstream = fakeUpstream();
    let redirect: RequestRedirect | undefined;
    const relay = createRelay({
      log: () => {},
      fetch: (input, init) => {
        redirect = init?.redirect;
        return upstream.fetch(input, init);
      },
    });
    await relay(new Request(`${ORIGIN}/api/test/v2/certificates/limits`));
    expect(redirect).toBe('manual');
  });
});

describe('createRelay: log', () => {
  it('writes one line per request with the route template and no secrets', async () => {
    const { send, lines } = setup(() =>
      Response.json({ referenceNumber: REF, authenticationToken: { token: JWT } }, { status: 202 }),
    );
    await send('/api/test/v2/auth/xades-signature?verifyCertificateChain=false', {
      method: 'POST',
      body: XML,
      headers: { Authorization: `Bearer ${JWT}`, Cookie: 'sid=cookie-secret' },
    });
    await send(`/api/demo/v2/auth/${REF}`, { headers: { Authorization: `Bearer ${JWT}` } });
    const revocation = '{"revocationReason":"KeyCompromise"}';
    await send(`/api/prod/v2/certificates/${SERIAL}/revoke`, { method: 'POST', body: revocation });
    await send(`/api/test/v2/certificates/enrollments/${ENROLLMENT_REF}?token=${JWT}`);
    await send(`/api/secret-${REF}/v2/auth/${REF}`);

    expect(lines.map(({ durationMs: _, ...rest }) => rest)).toEqual([
      { method: 'POST', environment: 'test', route: '/auth/xades-signature', status: 202 },
      { method: 'GET', environment: 'demo', route: '/auth/{referenceNumber}', status: 202 },
      { method: 'POST', environment: 'prod', route: '/certificates/{certificateSerialNumber}/revoke', status: 202 },
      {
        method: 'GET',
        environment: 'test',
        route: '/certificates/enrollments/{referenceNumber}',
        status: 400,
        error: 'query-not-allowed',
      },
      { method: 'GET', environment: null, route: null, status: 404, error: 'not-found' },
    ]);
    for (const line of lines) expect(line.durationMs).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(lines);
    const secrets = [JWT, REF, ENROLLMENT_REF, SERIAL, 'Bearer', 'cookie-secret', 'AuthTokenRequest', 'KeyCompromise'];
    for (const secret of [...secrets, 'verifyCertificateChain', 'secret-']) {
      expect(text).not.toContain(secret);
    }
  });
});
