import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  applyReplacements,
  PREFIX_FOLDERS,
  renderLoopbackSite,
  renderMainConfig,
  SHIPPED_CONFIG,
} from '../../scripts/nginx-test-config';
import { CONTENT_SECURITY_POLICY } from '../../server/security-headers';
import { freePort, startNginx, type RunningNginx } from '../support/nginx-harness';

/*
 * The part of deploy/nginx/ksef-cert.conf the e2e suite cannot reach: relaying to an official host
 * over TLS. nginx runs the loopback variant with TEST and DEMO left at their official hosts; an
 * `upstream` block named like each host sends the connection to a local HTTPS server instead of DNS,
 * so the Host header, the TLS name and the certificate check are the production ones. The server's
 * certificate comes from a test CA and names api-test.ksef.mf.gov.pl only.
 */

const TEST_HOST = 'api-test.ksef.mf.gov.pl';
const DEMO_HOST = 'api-demo.ksef.mf.gov.pl';

/** What the imitation of KSeF saw of one request. */
interface Seen {
  readonly servername: string | false | null;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: Record<string, string | string[] | undefined>;
}

let dir: string;
let upstream: Server;
let nginx: RunningNginx;
let base: string;
const seen: Seen[] = [];

function openssl(args: readonly string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ksef-cert-nginx-tls-'));
  for (const folder of PREFIX_FOLDERS) mkdirSync(join(dir, folder));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2'];
  openssl([
    'req',
    '-x509',
    ...ec,
    '-subj',
    '/CN=ksef-cert test CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
  ]);
  openssl([
    'req',
    '-x509',
    ...ec,
    '-subj',
    `/CN=${TEST_HOST}`,
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-keyout',
    'ksef.key',
    '-out',
    'ksef.crt',
    '-addext',
    `subjectAltName=DNS:${TEST_HOST}`,
    '-addext',
    'basicConstraints=critical,CA:FALSE',
  ]);

  upstream = createServer(
    { key: readFileSync(join(dir, 'ksef.key')), cert: readFileSync(join(dir, 'ksef.crt')) },
    (request, response) => {
      seen.push({
        servername: (request.socket as TLSSocket).servername,
        method: request.method,
        url: request.url,
        headers: request.headers,
      });
      request.resume();
      request.on('end', () => {
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Set-Cookie': 'visid_incap_1=abc; path=/; SameSite=None; Secure',
          'X-CDN': 'Imperva',
          'X-Azure-Ref': '0abc',
          'Strict-Transport-Security': 'max-age=1',
          'Access-Control-Allow-Origin': '*',
          'Content-Security-Policy': "default-src 'none'",
          'X-Content-Type-Options': 'nosniff',
          'Retry-After': '3',
          'X-System-Warning': 'test warning',
        });
        response.end('{"challenge":"ok"}');
      });
    },
  );
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  const address = upstream.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  const port = await freePort();
  const site = join(dir, 'ksef-cert.conf');
  const rendered = renderLoopbackSite(readFileSync(SHIPPED_CONFIG, 'utf8'), {
    port,
    prefix: dir,
    distDir: join(dir, 'dist'),
    testUpstream: null,
  });
  writeFileSync(
    site,
    applyReplacements(rendered, [
      {
        why: 'trust the test CA instead of the system CAs',
        from: '    proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n',
        to: `    proxy_ssl_trusted_certificate ${join(dir, 'ca.crt')};\n`,
      },
    ]),
  );
  const hosts = [TEST_HOST, DEMO_HOST]
    .map((host) => `    upstream ${host} { server 127.0.0.1:${address.port}; }\n`)
    .join('');
  const main = join(dir, 'nginx.conf');
  writeFileSync(
    main,
    renderMainConfig({ prefix: dir, site, runningAsRoot: process.getuid?.() === 0, extraHttp: hosts }),
  );
  base = `http://127.0.0.1:${port}`;
  nginx = await startNginx(dir, main, `${base}/`);
});

afterAll(async () => {
  await nginx?.stop();
  upstream?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  seen.length = 0;
});

describe('the nginx relay to an official KSeF host', () => {
  it('verifies the certificate for the official name, sends that name as SNI and Host, and only allowlisted headers', async () => {
    const response = await fetch(`${base}/api/test/v2/auth/challenge`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: 'Bearer t',
        'X-Error-Format': 'problem-details',
        Cookie: 'session=1',
        Origin: base,
        Referer: `${base}/`,
        'User-Agent': 'browser',
        'X-Forwarded-For': '10.0.0.1',
      },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"challenge":"ok"}');
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.servername).toBe(TEST_HOST);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v2/auth/challenge');
    expect(request?.headers.host).toBe(TEST_HOST);
    // Accept-Language is Node's fetch's own (allowlisted); its User-Agent, Accept-Encoding and
    // Sec-Fetch-Mode are dropped like the browser-ish headers above.
    expect(Object.keys(request?.headers ?? {}).sort()).toEqual([
      'accept',
      'accept-language',
      'authorization',
      'content-length',
      'content-type',
      'host',
      'x-error-format',
    ]);
    expect(request?.headers.authorization).toBe('Bearer t');
  });

  it("passes KSeF's answer without its cookies, caching, CORS, HSTS, fingerprints or security headers of its own", async () => {
    const response = await fetch(`${base}/api/test/v2/auth/xades-signature?verifyCertificateChain=false`, {
      method: 'POST',
      body: '<x/>',
    });
    expect(seen[0]?.url).toBe('/v2/auth/xades-signature?verifyCertificateChain=false');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-cdn')).toBeNull();
    expect(response.headers.get('x-azure-ref')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('x-system-warning')).toBe('test warning');
  });

  it('refuses a host whose certificate does not name it: 502 upstream-unreachable', async () => {
    const response = await fetch(`${base}/api/demo/v2/certificates/limits`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: 'upstream-unreachable' });
    expect(seen).toEqual([]);
  });
});
