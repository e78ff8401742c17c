import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DIST_DIR,
  e2ePorts,
  nginxBinary,
  nginxPrefix,
  PREFIX_FOLDERS,
  renderLoopbackSite,
  renderMainConfig,
  SHIPPED_CONFIG,
} from './nginx-test-config.ts';

/**
 * The e2e suite's nginx (a webServer of playwright.config.ts): renders deploy/nginx/ksef-cert.conf
 * for loopback into a fresh prefix folder, runs nginx in the foreground on E2E_PORT+2, relaying TEST
 * to the sandbox of the Node server on E2E_PORT+1, and removes the folder when nginx stops. The specs
 * read the access log from the same folder (`nginxPrefix`).
 */
const ports = e2ePorts();
const prefix = nginxPrefix(ports.nginx);

if (!existsSync(join(DIST_DIR, 'index.html'))) {
  console.error(`nginx-e2e: no build in ${DIST_DIR}; the Node server started before this one builds it`);
  process.exit(1);
}

rmSync(prefix, { recursive: true, force: true });
for (const folder of PREFIX_FOLDERS) mkdirSync(join(prefix, folder), { recursive: true });
const site = join(prefix, 'ksef-cert.conf');
writeFileSync(
  site,
  renderLoopbackSite(readFileSync(SHIPPED_CONFIG, 'utf8'), {
    port: ports.nginx,
    prefix,
    distDir: DIST_DIR,
    testUpstream: `http://127.0.0.1:${ports.upstream}/api/sandbox/v2`,
  }),
);
const main = join(prefix, 'nginx.conf');
writeFileSync(main, renderMainConfig({ prefix, site, runningAsRoot: process.getuid?.() === 0 }));

const nginx = spawn(nginxBinary(), ['-p', prefix, '-c', main, '-g', 'daemon off;'], { stdio: 'inherit' });
console.log(
  `nginx-e2e: nginx on http://127.0.0.1:${ports.nginx}/, TEST relayed to 127.0.0.1:${ports.upstream}, files in ${prefix}`,
);

// Playwright stops its web servers by signalling the process group; nginx may get the signal too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => nginx.kill(signal));
}
nginx.on('error', (error) => {
  console.error(`nginx-e2e: could not run ${nginxBinary()}: ${error.message}`);
  rmSync(prefix, { recursive: true, force: true });
  process.exit(1);
});
nginx.on('exit', (code, signal) => {
  rmSync(prefix, { recursive: true, force: true });
  process.exit(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1));
});
