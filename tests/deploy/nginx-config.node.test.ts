import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyReplacements,
  nginxBinary,
  PREFIX_FOLDERS,
  renderLoopbackSite,
  renderMainConfig,
  renderProductionSite,
  SHIPPED_CONFIG,
  SHIPPED_HEADER_SCRIPT,
  SUB_PATH,
} from '../../scripts/nginx-test-config';

const shipped = readFileSync(SHIPPED_CONFIG, 'utf8');
let prefix: string;

beforeAll(() => {
  prefix = mkdtempSync(join(tmpdir(), 'ksef-cert-nginx-test-'));
  for (const folder of PREFIX_FOLDERS) mkdirSync(join(prefix, folder));
});

afterAll(() => {
  rmSync(prefix, { recursive: true, force: true });
});

const loopback = {
  port: 4999,
  prefix: '/tmp/p',
  distDir: '/repo/dist',
  testUpstream: 'http://127.0.0.1:4998/api/sandbox/v2',
};

/** Lines of `a` that `b` lacks, counting repeats, sorted. */
function linesMissing(a: string, b: string): string[] {
  const rest = b.split('\n');
  const missing = a.split('\n').filter((line) => {
    const at = rest.indexOf(line);
    if (at === -1) return true;
    rest.splice(at, 1);
    return false;
  });
  return missing.sort();
}

/** `nginx -t` on `site` wrapped as the e2e suite wraps it; returns nginx's output. */
function nginxTest(site: string): string {
  const sitePath = join(prefix, 'site.conf');
  const main = join(prefix, 'nginx.conf');
  writeFileSync(sitePath, site);
  writeFileSync(main, renderMainConfig({ prefix, site: sitePath, runningAsRoot: process.getuid?.() === 0 }));
  return execFileSync(nginxBinary(), ['-t', '-p', prefix, '-c', main], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('applyReplacements', () => {
  const edit = { why: 'swap b', from: 'b', to: 'B' };

  it('replaces text that occurs exactly once, literally', () => {
    expect(applyReplacements('abc', [edit])).toBe('aBc');
    expect(applyReplacements('a$b', [{ why: 'dollar', from: '$b', to: "$&$'" }])).toBe("a$&$'");
  });

  it.each([
    ['missing', 'ac', 0],
    ['repeated', 'abcb', 2],
  ])('fails loudly when the text is %s, naming the replacement', (_name, text, count) => {
    expect(() => applyReplacements(text, [edit])).toThrow(
      `nginx config replacement "swap b": expected its text exactly once, found it ${count} times`,
    );
  });
});

describe('the loopback variant of deploy/nginx/ksef-cert.conf', () => {
  const rendered = renderLoopbackSite(shipped, loopback);

  it('changes only the lines it names: TLS, redirect, paths, the TEST upstreams (API and CRLs)', () => {
    expect(linesMissing(shipped, rendered)).toEqual(
      [
        'server {',
        '    listen 80;',
        '    listen [::]:80;',
        '    server_name ksef-cert.example;',
        '    access_log /var/log/nginx/ksef-cert.access.log ksef_cert;',
        "    # The configured name, not the client's Host: a forged Host must not pick where browsers go.",
        '    return 301 https://$server_name$request_uri;',
        '}',
        '    test    https://api-test.ksef.mf.gov.pl/v2;',
        '    test    https://ksef-test.mf.gov.pl;',
        '    listen 443 ssl;',
        '    listen [::]:443 ssl;',
        '    ssl_certificate     /etc/letsencrypt/live/ksef-cert.example/fullchain.pem;',
        '    ssl_certificate_key /etc/letsencrypt/live/ksef-cert.example/privkey.pem;',
        '    access_log /var/log/nginx/ksef-cert.access.log ksef_cert;',
        '    error_log /var/log/nginx/ksef-cert.error.log crit;',
        '    root /srv/ksef-cert/dist;',
        '    js_import ksef_cert_headers from /etc/nginx/njs/ksef-cert-headers.js;',
      ].sort(),
    );
    expect(linesMissing(rendered, shipped)).toEqual(
      [
        `    js_import ksef_cert_headers from ${SHIPPED_HEADER_SCRIPT};`,
        '    test    http://127.0.0.1:4998/api/sandbox/v2;',
        '    test    http://127.0.0.1:4998/api/sandbox;',
        '    listen 127.0.0.1:4999;',
        '    access_log /tmp/p/logs/access.log ksef_cert;',
        '    error_log /tmp/p/logs/error.log crit;',
        '    root /repo/dist;',
        '    # Test only (scripts/nginx-test-config.ts): the same build under a sub-path, to prove that it',
        "    # works from any static host path (vite `base: './'`).",
        `    location ${SUB_PATH} {`,
        '        alias /repo/dist/;',
        '    }',
      ].sort(),
    );
  });

  it('keeps the official TEST host when no test upstream is given', () => {
    const official = renderLoopbackSite(shipped, { ...loopback, testUpstream: null });
    expect(official).toContain('    test    https://api-test.ksef.mf.gov.pl/v2;\n');
  });

  it.each([
    ['a path with a space', { distDir: '/repo/my dist' }],
    ['a path with a semicolon', { prefix: '/tmp/p;root /' }],
    ['a relative path', { distDir: 'dist' }],
    ['a path with a variable', { distDir: '/repo/$uri' }],
    ['a non-loopback upstream', { testUpstream: 'http://example.com:80/v2' }],
    ['an upstream that is not plain http', { testUpstream: 'https://127.0.0.1:4998/v2' }],
  ])('refuses %s', (_name, change) => {
    expect(() => renderLoopbackSite(shipped, { ...loopback, ...change })).toThrow();
  });

  it('fails loudly when the shipped file no longer has a line it replaces', () => {
    const changed = shipped.replace('    root /srv/ksef-cert/dist;\n', '    root /var/www/ksef-cert;\n');
    expect(() => renderLoopbackSite(changed, loopback)).toThrow('"the build of this checkout"');
  });

  it('passes nginx -t as the e2e suite runs it', () => {
    const dist = join(prefix, 'dist');
    mkdirSync(dist, { recursive: true });
    const site = renderLoopbackSite(shipped, { ...loopback, prefix, distDir: dist });
    expect(() => nginxTest(site)).not.toThrow();
  });
});

describe('deploy/nginx/ksef-cert.conf as production runs it', () => {
  it('passes nginx -t with TLS, the redirect and the official hosts (a self-made certificate in place of the real one)', () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=ksef-cert.example',
        '-keyout',
        join(prefix, 'server.key'),
        '-out',
        join(prefix, 'server.crt'),
      ],
      { stdio: 'ignore' },
    );
    const site = renderProductionSite(shipped, {
      prefix,
      certificate: join(prefix, 'server.crt'),
      certificateKey: join(prefix, 'server.key'),
    });
    expect(linesMissing(shipped, site)).toHaveLength(6);
    expect(site).toContain('    listen 443 ssl;\n');
    expect(() => nginxTest(site)).not.toThrow();
  });
});
