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
import type { BenchInput, BenchOutput, PfxOperation } from './bench-page.ts';
import { type Measurement, summarize } from './measure.ts';
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
/** The PKCS#12 figures set beside OpenSSL's: the same operation on the same file. */
const PFX_PAIRS: readonly { label: string; operation: PfxOperation; recipe: PfxRecipe; rounds: number }[] = [
  { label: 'build, -iter 100000 -macalg sha256', operation: 'build100k', recipe: PFX_100K, rounds: 9 },
  { label: 'read (-nodes), -iter 100000 -macalg sha256', operation: 'read100k', recipe: PFX_100K, rounds: 9 },
  { label: 'read (-nodes), -iter 600000 -macalg sha512', operation: 'read600k', recipe: PFX_600K_SHA512, rounds: 5 },
];

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
    const { measurements } = await page.evaluate(async (benchInput) => {
      const run = (globalThis as unknown as { runBench?: (i: BenchInput) => Promise<BenchOutput> }).runBench;
      if (run === undefined) throw new Error('The bench page did not load');
      return run(benchInput);
    }, input);
    const ours = (operation: PfxOperation) =>
      page.evaluate(
        async ([benchInput, op]) => {
          const run = (globalThis as unknown as { runPfxOperation?: RunPfxOperation }).runPfxOperation;
          if (run === undefined) throw new Error('The bench page did not load');
          return run(benchInput, op);
        },
        [input, operation] as const,
      );
    const pkcs12 = [];
    for (const pair of PFX_PAIRS) {
      const theirs = () =>
        pair.operation === 'build100k' ? openssl.timeBuild(pair.recipe) : openssl.timeRead(pair.recipe);
      const timings = await inTurn(pair.rounds, () => ours(pair.operation), theirs);
      pkcs12.push({ label: pair.label, ...timings });
    }
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
    console.warn(
      `PKCS#12 beside ${opensslVersion()}, on the same files, one run of each in turn ` +
        "(openssl's times include starting the process; the ratio is the median of the runs' ratios)",
    );
    console.table(
      Object.fromEntries(
        pkcs12.map(({ label, ours: o, theirs: t, ratio }) => [
          label,
          {
            runs: o.runs,
            'ours (Chromium) median ms': o.medianMs.toFixed(1),
            'openssl median ms': t.medianMs.toFixed(1),
            'ours / openssl': ratio.medianMs.toFixed(2),
            'ratio min-max': `${ratio.minMs.toFixed(2)}-${ratio.maxMs.toFixed(2)}`,
          },
        ]),
      ),
    );
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
  await openssl.close();
}

type RunPfxOperation = (input: BenchInput, operation: PfxOperation) => Promise<number>;

/**
 * One warm-up of each side, then `rounds` times ours and theirs in turn: on a shared machine the load
 * changes over seconds, and both sides of a pair see about the same. Times in ms.
 */
async function inTurn(
  rounds: number,
  ours: () => Promise<number>,
  theirs: () => number | Promise<number>,
): Promise<{ ours: Measurement; theirs: Measurement; ratio: Measurement }> {
  await ours();
  await theirs();
  const pairs: [number, number][] = [];
  for (let i = 0; i < rounds; i++) pairs.push([await ours(), await theirs()]);
  return {
    ours: summarize(
      'ours',
      pairs.map(([o]) => o),
    ),
    theirs: summarize(
      'openssl',
      pairs.map(([, t]) => t),
    ),
    ratio: summarize(
      'ratio',
      pairs.map(([o, t]) => o / t),
    ),
  };
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
