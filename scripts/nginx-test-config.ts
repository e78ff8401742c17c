import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The tests run deploy/nginx/ksef-cert.conf itself, not a copy kept by hand: the loopback variant is
 * rendered from the shipped file by a few named replacements, each of which must match exactly once,
 * so a change to the shipped file that a replacement no longer fits fails the tests instead of
 * silently testing something else. Everything not replaced (headers, CSP, allowlist, body cap, error
 * pages, log format, proxy settings) is exercised verbatim.
 */

/** The shipped configuration. */
export const SHIPPED_CONFIG = resolve(import.meta.dirname, '..', 'deploy', 'nginx', 'ksef-cert.conf');
/** The production build the tests serve. */
export const DIST_DIR = resolve(import.meta.dirname, '..', 'dist');
/** The response header allowlist the shipped config imports (njs). */
export const SHIPPED_HEADER_SCRIPT = resolve(import.meta.dirname, '..', 'deploy', 'nginx', 'ksef-cert-headers.js');
/** Debian's njs module (libnginx-mod-http-js); Debian's own nginx.conf loads it, the tests' main file names it. */
const NJS_MODULE = '/usr/lib/nginx/modules/ngx_http_js_module.so';
/** Debian's MIME types (nginx-common). */
export const MIME_TYPES = '/etc/nginx/mime.types';
/** Test only: the sub-path under which the rendered config serves the build a second time. */
export const SUB_PATH = '/some/deep/path/';

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH (scripts/ensure-tools.sh). */
export function nginxBinary(): string {
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

/**
 * The e2e ports, all from `E2E_PORT`: the app's Node server, the Node server nginx relays to, nginx, and
 * the second app server of the 'apply-second' journeys. The switchable upstream takes `E2E_PORT` + 5.
 */
export function e2ePorts(env: NodeJS.ProcessEnv = process.env): {
  app: number;
  upstream: number;
  nginx: number;
  secondApp: number;
} {
  const app = Number(env.E2E_PORT ?? 4173);
  if (!Number.isInteger(app) || app < 1 || app > 65533)
    throw new Error(`E2E_PORT must be a port number, not ${env.E2E_PORT}`);
  return { app, upstream: app + 1, nginx: app + 2, secondApp: app + 3 };
}

/** Where the e2e nginx keeps its rendered config, logs, pid and temp files: one folder per port. */
export function nginxPrefix(nginxPort: number): string {
  return join(tmpdir(), `ksef-cert-e2e-nginx-${nginxPort}`);
}

/** One edit of the shipped text: `from` must occur exactly once. */
export interface Replacement {
  readonly why: string;
  readonly from: string;
  readonly to: string;
}

/** Applies `replacements` in order; throws naming the first whose `from` is missing or not unique. */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  return replacements.reduce((current, { why, from, to }) => {
    const count = current.split(from).length - 1;
    if (count !== 1)
      throw new Error(`nginx config replacement "${why}": expected its text exactly once, found it ${count} times`);
    return current.replace(from, () => to);
  }, text);
}

/**
 * A path written into the config unquoted: no whitespace, quotes, `;`, `$` or braces can change the
 * meaning of the line it goes into.
 */
function configPath(path: string): string {
  if (!/^\/[\w./-]*$/.test(path))
    throw new Error(`not a plain absolute path, refusing to write it into nginx config: ${path}`);
  return path;
}

const REDIRECT_RETURN =
  "    # The configured name, not the client's Host: a forged Host must not pick where browsers go.\n" +
  '    return 301 https://$server_name$request_uri;\n';

/** The redirect server the loopback variant drops (plain HTTP only, no TLS to redirect to). */
const REDIRECT_SERVER = `server {
    listen 80;
    listen [::]:80;
    server_name ksef-cert.example;
    access_log /var/log/nginx/ksef-cert.access.log ksef_cert;
${REDIRECT_RETURN}}

`;

const TLS_LISTEN = '    listen 443 ssl;\n    listen [::]:443 ssl;\n';
const TLS_CERTIFICATE =
  '    ssl_certificate     /etc/letsencrypt/live/ksef-cert.example/fullchain.pem;\n' +
  '    ssl_certificate_key /etc/letsencrypt/live/ksef-cert.example/privkey.pem;\n';
const ACCESS_LOG = '    access_log /var/log/nginx/ksef-cert.access.log ksef_cert;\n';
const ERROR_LOG = '    error_log /var/log/nginx/ksef-cert.error.log crit;\n';
const ROOT = '    root /srv/ksef-cert/dist;\n';
const TEST_UPSTREAM = '    test    https://api-test.ksef.mf.gov.pl/v2;\n';
const TEST_CRL_UPSTREAM = '    test    https://ksef-test.mf.gov.pl;\n';
const ROOT_LOCATION = '    location / {\n';
const JS_IMPORT = '    js_import ksef_cert_headers from /etc/nginx/njs/ksef-cert-headers.js;\n';
const REDIRECT_LISTEN = '    listen 80;\n    listen [::]:80;\n';

/** The shipped header script itself, from this checkout. */
function scriptReplacement(): Replacement {
  return {
    why: 'the response header allowlist of this checkout',
    from: JS_IMPORT,
    to: `    js_import ksef_cert_headers from ${configPath(SHIPPED_HEADER_SCRIPT)};\n`,
  };
}

/** Where the shipped file's logs go under a prefix. */
function logReplacements(prefix: string): Replacement[] {
  return [
    {
      why: 'access log into the prefix',
      from: ACCESS_LOG,
      to: `    access_log ${configPath(join(prefix, 'logs', 'access.log'))} ksef_cert;\n`,
    },
    {
      why: 'error log into the prefix',
      from: ERROR_LOG,
      to: `    error_log ${configPath(join(prefix, 'logs', 'error.log'))} crit;\n`,
    },
  ];
}

export interface LoopbackOptions {
  /** nginx listens on 127.0.0.1:`port`, plain HTTP. */
  readonly port: number;
  /** Logs go to `<prefix>/logs`. */
  readonly prefix: string;
  /** The build nginx serves, at `/` and at `SUB_PATH`. */
  readonly distDir: string;
  /**
   * Where the `test` environment is relayed: the Node server's sandbox,
   * `http://127.0.0.1:<port>/api/sandbox/v2`; `null` keeps the official host.
   */
  readonly testUpstream: string | null;
}

/** The replacements that turn the shipped file into the loopback variant the e2e suite runs. */
export function loopbackReplacements({ port, prefix, distDir, testUpstream }: LoopbackOptions): Replacement[] {
  if (testUpstream !== null && !/^http:\/\/127\.0\.0\.1:\d{1,5}\/[\w/-]+$/.test(testUpstream)) {
    throw new Error(`the test upstream must be a loopback http URL: ${testUpstream}`);
  }
  const dist = configPath(distDir.replace(/\/+$/, ''));
  return [
    { why: 'no HTTP-to-HTTPS redirect server', from: REDIRECT_SERVER, to: '' },
    { why: 'plain HTTP on loopback instead of TLS', from: TLS_LISTEN, to: `    listen 127.0.0.1:${port};\n` },
    { why: 'no server certificate', from: TLS_CERTIFICATE, to: '' },
    ...logReplacements(prefix),
    scriptReplacement(),
    { why: 'the build of this checkout', from: ROOT, to: `    root ${dist};\n` },
    ...(testUpstream === null
      ? []
      : [
          { why: 'TEST relayed to the local sandbox', from: TEST_UPSTREAM, to: `    test    ${testUpstream};\n` },
          {
            // As the Node relay derives it (server/relay/upstreams.ts resolveCrlBases): the base without `/v2`.
            why: "TEST's CRLs from the local sandbox",
            from: TEST_CRL_UPSTREAM,
            to: `    test    ${testUpstream.replace(/\/v2$/, '')};\n`,
          },
        ]),
    {
      why: 'the build again under a sub-path',
      from: ROOT_LOCATION,
      to:
        '    # Test only (scripts/nginx-test-config.ts): the same build under a sub-path, to prove that it\n' +
        "    # works from any static host path (vite `base: './'`).\n" +
        `    location ${SUB_PATH} {\n        alias ${dist}/;\n    }\n\n` +
        ROOT_LOCATION,
    },
  ];
}

/** The loopback variant of the shipped config (see `loopbackReplacements`). */
export function renderLoopbackSite(shipped: string, options: LoopbackOptions): string {
  return applyReplacements(shipped, loopbackReplacements(options));
}

/**
 * The shipped config as production runs it (TLS server, redirect, official hosts), with only the
 * certificate, log and script paths moved, so `nginx -t` can check it without Let's Encrypt or
 * /var/log; with `loopback`, its two servers listen on 127.0.0.1 at those ports instead of 80 and 443.
 */
export function renderProductionSite(
  shipped: string,
  options: {
    prefix: string;
    certificate: string;
    certificateKey: string;
    loopback?: { readonly http: number; readonly https: number };
  },
): string {
  const { loopback } = options;
  return applyReplacements(shipped, [
    ...(loopback === undefined
      ? []
      : [
          {
            why: 'the redirect server on loopback',
            from: REDIRECT_LISTEN,
            to: `    listen 127.0.0.1:${loopback.http};\n`,
          },
          { why: 'the TLS server on loopback', from: TLS_LISTEN, to: `    listen 127.0.0.1:${loopback.https} ssl;\n` },
        ]),
    scriptReplacement(),
    {
      why: "the redirect server's access log into the prefix",
      from: `${ACCESS_LOG}${REDIRECT_RETURN}`,
      to: `    access_log ${configPath(join(options.prefix, 'logs', 'access.log'))} ksef_cert;\n${REDIRECT_RETURN}`,
    },
    ...logReplacements(options.prefix),
    {
      why: 'a self-made server certificate',
      from: TLS_CERTIFICATE,
      to: `    ssl_certificate     ${configPath(options.certificate)};\n    ssl_certificate_key ${configPath(options.certificateKey)};\n`,
    },
  ]);
}

/**
 * The main file around a rendered site: nginx as the current user (`-p prefix`), pid, temp files and
 * startup errors in the prefix, Debian's MIME types, then the site in the `http` context where the
 * shipped file belongs. `extraHttp` goes into the `http` block before the site (tests add upstreams).
 */
export function renderMainConfig(options: {
  prefix: string;
  site: string;
  runningAsRoot: boolean;
  extraHttp?: string;
}): string {
  const prefix = configPath(options.prefix);
  const temp = (name: string) => `    ${name}_temp_path ${join(prefix, 'temp', name)};\n`;
  return (
    '# Made by scripts/nginx-test-config.ts for the tests; not for production.\n' +
    // As root nginx's workers would drop to `nobody`, which cannot write the temp folders made here.
    (options.runningAsRoot ? 'user root;\n' : '') +
    `load_module ${NJS_MODULE};\n` +
    'worker_processes 1;\n' +
    `pid ${join(prefix, 'nginx.pid')};\n` +
    `error_log ${join(prefix, 'logs', 'nginx.log')} warn;\n` +
    'events {\n    worker_connections 256;\n}\n' +
    'http {\n' +
    `    include ${MIME_TYPES};\n` +
    '    default_type application/octet-stream;\n' +
    '    types_hash_max_size 2048;\n' +
    '    access_log off;\n' +
    ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('') +
    (options.extraHttp ?? '') +
    `    include ${configPath(options.site)};\n` +
    '}\n'
  );
}

/** The folders nginx expects under a prefix before it starts. */
export const PREFIX_FOLDERS = ['logs', 'temp'] as const;
