import { serve } from '@hono/node-server';
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../scripts/chromium.ts';
import { createApiHandler, isApiPath } from '../server/api.ts';
import { staticFiles } from '../server/static-files.ts';
import type { Measurement } from './measure.ts';
import { relayLoad } from './relay-load.ts';

/**
 * `npm run bench`: builds bench/index.html with the production settings, serves it on loopback and
 * runs the crypto benchmarks inside Debian's Chromium, where users' keys are really made.
 */
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'ksef-cert-bench-'));

try {
  await build({
    root: projectRoot,
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      manifest: false,
      rollupOptions: { input: join(projectRoot, 'bench', 'index.html') },
    },
  });
  // The bench page is served with the local sandbox beside it, as `npm start` serves the app.
  const files = staticFiles(outDir);
  const api = createApiHandler({});
  const handler = (request: Request) => (isApiPath(new URL(request.url).pathname) ? api(request) : files(request));
  const server = serve({ fetch: handler, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(error));
    await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
    const version = browser.version();
    const results = await page.evaluate(async () => {
      const run = (globalThis as unknown as { runBench?: () => Promise<Measurement[]> }).runBench;
      if (run === undefined) throw new Error('The bench page did not load');
      return run();
    });
    console.warn(`Chromium ${version}, ${new Date().toISOString()}`);
    console.table(
      results.map((r) => ({
        benchmark: r.name,
        runs: `${r.runs} x ${r.batch}`,
        'median ms': r.medianMs.toFixed(2),
        'min ms': r.minMs.toFixed(2),
        'max ms': r.maxMs.toFixed(2),
      })),
    );
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}

const load = await relayLoad();
console.warn(
  `Relay under load: ${load.connections} connections for ${load.durationSeconds} s, relay -> sandbox on loopback`,
);
console.table({
  requests: load.requests,
  'requests/s': Math.round(load.requestsPerSecond),
  'latency p50 ms': load.latencyP50Ms,
  'latency p99 ms': load.latencyP99Ms,
  'errors + timeouts': load.errors,
  'non-2xx': load.non2xx,
  'relay RSS before MB': load.relayRssBeforeMb.toFixed(1),
  'relay RSS after MB': load.relayRssAfterMb.toFixed(1),
});
if (load.errors > 0 || load.non2xx > 0) process.exitCode = 1;
