import { serve } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
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
import type { BenchInput, BenchOutput } from './bench-page.ts';
import type { Measurement } from './measure.ts';
import { type PfxRecipe, opensslPkcs12 } from './openssl-pkcs12.ts';
import { relayLoad } from './relay-load.ts';

/**
 * `npm run bench`: builds bench/index.html with the production settings, serves it on loopback and
 * runs the crypto benchmarks inside Debian's Chromium, where users' keys are really made, with
 * `openssl pkcs12` on the same files beside the PFX figures. `npm run bench -- --crypto` runs the
 * crypto benchmarks only (no wizard journeys, no 30-second relay load test).
 */
const cryptoOnly = process.argv.includes('--crypto');
const PFX_100K: PfxRecipe = { iterations: 100_000, macAlgorithm: 'sha256' };
const PFX_600K_SHA512: PfxRecipe = { iterations: 600_000, macAlgorithm: 'sha512' };
const openssl = await opensslPkcs12();
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
  const api = createApiHandler({ KSEF_SANDBOX: '1' });
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
    const input: BenchInput = {
      cryptoOnly,
      pfxPassword: openssl.password,
      pfx100k: Buffer.from(await openssl.file(PFX_100K)).toString('base64'),
      pfx600kSha512: Buffer.from(await openssl.file(PFX_600K_SHA512)).toString('base64'),
    };
    const { measurements, pkcs12 } = await page.evaluate(async (benchInput) => {
      const run = (globalThis as unknown as { runBench?: (i: BenchInput) => Promise<BenchOutput> }).runBench;
      if (run === undefined) throw new Error('The bench page did not load');
      return run(benchInput);
    }, input);
    console.warn(`Chromium ${version}, ${new Date().toISOString()}`);
    console.table(
      measurements.map((r) => ({
        benchmark: r.name,
        runs: `${r.runs} x ${r.batch}`,
        'median ms': r.medianMs.toFixed(2),
        'min ms': r.minMs.toFixed(2),
        'max ms': r.maxMs.toFixed(2),
      })),
    );
    const versus = (ours: Measurement, theirs: Measurement) => ({
      'ours (Chromium) ms': ours.medianMs.toFixed(1),
      'openssl ms': theirs.medianMs.toFixed(1),
      'ours / openssl': (ours.medianMs / theirs.medianMs).toFixed(2),
    });
    const [build, read, read600k] = [
      openssl.measureBuild('build', PFX_100K, 5),
      await openssl.measureRead('read', PFX_100K, 5),
      await openssl.measureRead('read 600k', PFX_600K_SHA512, 3),
    ];
    console.warn(`PKCS#12 beside ${opensslVersion()} (medians; openssl's include starting the process)`);
    console.table({
      'build, -iter 100000 -macalg sha256': versus(pkcs12.build100k, build),
      'read (-nodes), -iter 100000 -macalg sha256': versus(pkcs12.read100k, read),
      'read (-nodes), -iter 600000 -macalg sha512': versus(pkcs12.read600k, read600k),
    });
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
  await openssl.close();
}

function opensslVersion(): string {
  return spawnSync('openssl', ['version']).stdout.toString('utf8').trim();
}

if (!cryptoOnly) await relayBench();

async function relayBench(): Promise<void> {
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
}
