import { execFileSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
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
import { freePort, startNginx, type RunningNginx } from '../support/nginx-harness';

/*
 * The CRL location of deploy/nginx/ksef-cert.conf over TLS, as in production: njs's ngx.fetch
 * resolves the official CRL host through nginx's `resolver` (here a loopback DNS stand-in that answers
 * 127.0.0.1 for the KSeF hosts), sends that name as SNI and checks the certificate against
 * `js_fetch_trusted_certificate` (here a test CA). Only the port of the CRL hosts, the resolver and
 * the trusted CA are replaced; the server's certificate names ksef-test.mf.gov.pl only.
 */

const TEST_HOST = 'ksef-test.mf.gov.pl';
const DEMO_HOST = 'ksef-demo.mf.gov.pl';
const CRL = '0\x82\x00\x05binary\xff\x00';

interface Seen {
  readonly servername: string | false | null;
  readonly url: string | undefined;
  readonly headers: Record<string, string | string[] | undefined>;
}

let dir: string;
let upstream: Server;
let dns: Socket;
let nginx: RunningNginx;
let base: string;
const seen: Seen[] = [];

function openssl(args: readonly string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A DNS answer (RFC 1035 §4.1): A 127.0.0.1 for the KSeF hosts, no records for anything else. */
function answer(query: Buffer): Buffer {
  let offset = 12;
  const labels: string[] = [];
  while (offset < query.length && query[offset] !== 0) {
    const length = query[offset] ?? 0;
    labels.push(query.subarray(offset + 1, offset + 1 + length).toString('latin1'));
    offset += length + 1;
  }
  const questionEnd = offset + 5;
  const type = query.readUInt16BE(offset + 1);
  const name = labels.join('.').toLowerCase();
  const found = type === 1 && (name === TEST_HOST || name === DEMO_HOST);
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(0x8180, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(found ? 1 : 0, 6);
  const record = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);
  return Buffer.concat([header, query.subarray(12, questionEnd), ...(found ? [record] : [])]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ksef-cert-nginx-crl-'));
  for (const folder of PREFIX_FOLDERS) mkdirSync(join(dir, folder));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2'];
  openssl(['req', '-x509', ...ec, '-subj', '/CN=ksef-cert test CA', '-keyout', 'ca.key', '-out', 'ca.crt']);
  openssl(
    ['req', '-x509', ...ec, '-subj', `/CN=${TEST_HOST}`, '-CA', 'ca.crt', '-CAkey', 'ca.key'].concat([
      '-keyout',
      'crl.key',
      '-out',
      'crl.crt',
      '-addext',
      `subjectAltName=DNS:${TEST_HOST}`,
    ]),
  );

  upstream = createServer(
    { key: readFileSync(join(dir, 'crl.key')), cert: readFileSync(join(dir, 'crl.crt')) },
    (request, response) => {
      seen.push({ servername: (request.socket as TLSSocket).servername, url: request.url, headers: request.headers });
      response.writeHead(200, { 'Content-Type': 'application/pkix-crl', 'Set-Cookie': 'a=b', 'X-CDN': 'x' });
      response.end(Buffer.from(CRL, 'latin1'));
    },
  );
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  const crlPort = (upstream.address() as AddressInfo).port;

  dns = createSocket('udp4');
  dns.on('message', (query, peer) => dns.send(answer(query), peer.port, peer.address));
  dns.bind(0, '127.0.0.1');
  await once(dns, 'listening');
  const dnsPort = dns.address().port;

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
        why: 'the loopback DNS stand-in',
        from: '    resolver 1.1.1.1 9.9.9.9 valid=300s;\n',
        to: `    resolver 127.0.0.1:${dnsPort} ipv6=off valid=300s;\n`,
      },
      {
        why: "TEST's CRL host name, on the test server's port",
        from: `    test    https://${TEST_HOST};\n`,
        to: `    test    https://${TEST_HOST}:${crlPort};\n`,
      },
      {
        why: "DEMO's CRL host name, on the same server, whose certificate does not name it",
        from: `    demo    https://${DEMO_HOST};\n`,
        to: `    demo    https://${DEMO_HOST}:${crlPort};\n`,
      },
      {
        why: 'trust the test CA instead of the system CAs',
        from: '        js_fetch_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n',
        to: `        js_fetch_trusted_certificate ${join(dir, 'ca.crt')};\n`,
      },
    ]),
  );
  const main = join(dir, 'nginx.conf');
  writeFileSync(main, renderMainConfig({ prefix: dir, site, runningAsRoot: process.getuid?.() === 0 }));
  base = `http://127.0.0.1:${port}`;
  nginx = await startNginx(dir, main, `${base}/`);
}, 60_000);

afterAll(async () => {
  await nginx?.stop();
  upstream?.close();
  dns?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  seen.length = 0;
});

describe('the nginx CRL location over TLS', () => {
  it('fetches the CRL from the official name, verified, with SNI and Host, and passes only allowlisted headers', async () => {
    const response = await fetch(`${base}/api/test/security/crl/testmfksef2.crl`, {
      headers: { Authorization: 'Bearer never', Cookie: 'x=1', Accept: 'application/pkix-crl' },
    });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).toString('latin1')).toBe(CRL);
    expect(response.headers.get('content-type')).toBe('application/pkix-crl');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-cdn')).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.servername).toBe(TEST_HOST);
    expect(seen[0]?.url).toBe('/security/crl/testmfksef2.crl');
    expect(String(seen[0]?.headers.host)).toMatch(new RegExp(`^${TEST_HOST.replaceAll('.', '\\.')}(:\\d+)?$`));
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.headers.cookie).toBeUndefined();
  });

  it('refuses a CRL host whose certificate does not name it: 502 upstream-unreachable', async () => {
    const response = await fetch(`${base}/api/demo/security/crl/testmfksef2.crl`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: 'upstream-unreachable' });
    expect(seen).toEqual([]);
  });
});
