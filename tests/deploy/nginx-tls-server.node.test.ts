import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PREFIX_FOLDERS,
  renderMainConfig,
  renderProductionSite,
  SHIPPED_CONFIG,
} from '../../scripts/nginx-test-config';
import { freePort, startNginx, type RunningNginx } from '../support/nginx-harness';
import { sendProbe } from '../support/relay-probes/client';

/*
 * deploy/nginx/ksef-cert.conf's own TLS server and its port-80 redirect, as production runs them, on
 * loopback ports with a self-made certificate. The certificate is RSA so that the suites without
 * forward secrecy (RSA key exchange) are possible at all: refusing them is the config's doing, not
 * the certificate's. openssl s_client, a client we did not write, does the handshakes.
 */

const SERVER_NAME = 'ksef-cert.example';
let dir: string;
let ports: { http: number; https: number };
let nginx: RunningNginx;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ksef-cert-nginx-tls-server-'));
  for (const folder of PREFIX_FOLDERS) mkdirSync(join(dir, folder));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${SERVER_NAME}`].concat([
      '-addext',
      `subjectAltName=DNS:${SERVER_NAME}`,
      '-keyout',
      'server.key',
      '-out',
      'server.crt',
    ]),
    { cwd: dir, stdio: 'ignore' },
  );
  ports = { http: await freePort(), https: await freePort() };
  const site = join(dir, 'ksef-cert.conf');
  writeFileSync(
    site,
    renderProductionSite(readFileSync(SHIPPED_CONFIG, 'utf8'), {
      prefix: dir,
      certificate: join(dir, 'server.crt'),
      certificateKey: join(dir, 'server.key'),
      loopback: ports,
    }),
  );
  const main = join(dir, 'nginx.conf');
  writeFileSync(main, renderMainConfig({ prefix: dir, site, runningAsRoot: process.getuid?.() === 0 }));
  nginx = await startNginx(dir, main, `http://127.0.0.1:${ports.http}/`);
});

afterAll(async () => {
  await nginx?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** One handshake with `openssl s_client`; stdin is closed, so it ends right after. */
function handshake(options: readonly string[]): { ok: boolean; output: string } {
  const result = spawnSync(
    'openssl',
    ['s_client', '-connect', `127.0.0.1:${ports.https}`, '-servername', SERVER_NAME, ...options],
    { input: '', encoding: 'utf8', timeout: 20_000 },
  );
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

describe('the TLS server of deploy/nginx/ksef-cert.conf (Mozilla intermediate)', () => {
  it.each([
    ['AES128-SHA256', 'RSA key exchange'],
    ['AES256-GCM-SHA384', 'RSA key exchange, even with AES-GCM'],
    ['AES128-SHA', 'RSA key exchange, CBC'],
    ['ECDHE-RSA-AES128-SHA', 'forward-secret but CBC, not in the profile'],
  ])('refuses %s in TLS 1.2 (%s)', (cipher) => {
    const { ok, output } = handshake(['-tls1_2', '-cipher', cipher]);
    expect(ok, output).toBe(false);
    expect(output).toMatch(/handshake failure|no cipher/i);
  });

  it.each(['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-CHACHA20-POLY1305'])(
    'accepts %s in TLS 1.2',
    (cipher) => {
      const { ok, output } = handshake(['-tls1_2', '-cipher', cipher]);
      expect(ok, output).toBe(true);
      expect(output).toContain(`Cipher is ${cipher}`);
    },
  );

  it('speaks TLS 1.3', () => {
    const { ok, output } = handshake(['-tls1_3']);
    expect(ok, output).toBe(true);
    expect(output).toContain('TLSv1.3');
  });

  it('refuses TLS 1.1 even to a client that would take it', () => {
    const { ok, output } = handshake(['-tls1_1', '-cipher', 'DEFAULT@SECLEVEL=0']);
    expect(ok, output).toBe(false);
  });

  it('issues no session tickets (their key would undo forward secrecy while nginx runs)', () => {
    const { ok, output } = handshake(['-tls1_2']);
    expect(ok, output).toBe(true);
    expect(output).not.toContain('TLS session ticket:');
  });
});

describe('the port-80 server of deploy/nginx/ksef-cert.conf', () => {
  it.each(['evil.example', SERVER_NAME, 'localhost'])(
    'redirects a request with Host %s to the configured name, path and query kept',
    async (host) => {
      const answer = await sendProbe(`http://127.0.0.1:${ports.http}`, {
        method: 'GET',
        path: '/some/path?x=1',
        headers: { Host: host },
      });
      expect(answer.status).toBe(301);
      expect(answer.headers.filter(([name]) => name === 'location')).toEqual([
        ['location', `https://${SERVER_NAME}/some/path?x=1`],
      ]);
    },
  );
});
