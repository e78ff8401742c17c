import { serve } from '@hono/node-server';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, generateReport, type Result } from 'lighthouse';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { build } from 'vite';
import { createAppHandler } from '../server/app-handler.ts';
import { decideSandbox, withSandboxDecision } from '../server/config.ts';
import { buildIsStale } from '../server/build-if-needed.ts';
import type { Messages } from '../src/messages/catalogs.ts';
import { en } from '../src/messages/en.ts';
import { pl } from '../src/messages/pl.ts';
import {
  CATEGORY_IDS,
  failureList,
  meetsTarget,
  scoreTable,
  summarize,
  TARGETS,
  type PageSummary,
} from './audit-summary.ts';
import { chromiumLaunchOptions, chromiumPath } from './chromium.ts';

/**
 * `npm run audit`: Lighthouse (performance, accessibility, best practices) on the home page, the
 * checker and the application wizard of the production build, served in-process exactly as
 * `npm start` serves it (same handler, same security headers), in Debian's Chromium. Prints the
 * scores and key metrics per page, saves the reports in `audit-results/<preset>/`, and exits 1 when a
 * page is below `TARGETS` (the failing audits are listed) or did not show its own screen.
 *
 * The default is Lighthouse's mobile preset: simulated slow 4G and a CPU slowed down four times, the
 * closest stand-in for someone on a slow laptop and a so-so connection, and what the scores are
 * calibrated for. `--desktop` runs the desktop preset (fast connection, no CPU slowdown, wide screen).
 */
const PAGES: readonly { readonly name: string; readonly hash: string; readonly title: (t: Messages) => string }[] = [
  { name: 'home', hash: '#/', title: (t) => t.home.title },
  { name: 'check', hash: '#/check', title: (t) => t.check.title },
  { name: 'apply', hash: '#/apply', title: (t) => t.apply.title },
];

const { values: args } = parseArgs({ options: { desktop: { type: 'boolean', default: false } } });
const preset = args.desktop ? 'desktop' : 'mobile';
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(projectRoot, 'audit-results', preset);

/** Undo steps for everything started, run in reverse on every way out (end, error, Ctrl-C). */
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) {
    await Promise.resolve(step()).catch((error: unknown) => console.error('Cleanup failed:', error));
  }
}
let interrupted = false;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    interrupted = true;
    void cleanUp().finally(() => process.exit(code));
  });
}

/** The production build served as `npm start` serves it, on a free loopback port. */
async function startServer(): Promise<string> {
  if (await buildIsStale(projectRoot)) {
    console.warn('Building the app (sources changed since the last build)...');
    await build({ root: projectRoot, logLevel: 'warn' });
  }
  const host = '127.0.0.1';
  const env = withSandboxDecision(process.env, decideSandbox(process.env, host));
  const handler = createAppHandler(join(projectRoot, 'dist'), env);
  const server = serve({ fetch: handler, hostname: host, port: 0 });
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/`;
}

/** Debian's Chromium, headless, with the flags the tests use; puppeteer hands Lighthouse a tab of it. */
async function startChromium(): Promise<Browser> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    // --no-sandbox as Playwright launches it for the tests (its default, chromiumSandbox: false): the
    // sandbox cannot start when run as root, and the only page opened is our own on loopback.
    chromeFlags: ['--headless=new', '--no-sandbox', ...chromiumLaunchOptions().args],
    handleSIGINT: false,
  });
  cleanups.push(() => chrome.kill());
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  cleanups.push(() => browser.disconnect());
  return browser;
}

/**
 * Audits one page; a run Lighthouse itself reports as broken (e.g. NO_NAVSTART, a trace it could not
 * record, which happens on a busy machine) is run once more before giving up.
 */
async function audit(browser: Browser, url: string): Promise<{ lhr: Result; heading: string | null }> {
  try {
    return await auditOnce(browser, url);
  } catch (error) {
    if (!(error instanceof LighthouseRunError)) throw error;
    console.warn(`${error.message}; running it again`);
    return auditOnce(browser, url);
  }
}

class LighthouseRunError extends Error {}

/** Audits one page once; returns its report and the text of its `h1` once Lighthouse is done. */
async function auditOnce(browser: Browser, url: string): Promise<{ lhr: Result; heading: string | null }> {
  const tab = await browser.newPage();
  try {
    const result = await lighthouse(
      url,
      { logLevel: 'error', onlyCategories: [...CATEGORY_IDS] },
      args.desktop ? desktopConfig : undefined,
      tab,
    );
    if (result === undefined) throw new Error(`Lighthouse returned no result for ${url}`);
    if (result.lhr.runtimeError !== undefined)
      throw new LighthouseRunError(`Lighthouse failed on ${url}: ${result.lhr.runtimeError.message}`);
    const heading = await tab.evaluate(() => document.querySelector('main h1')?.textContent ?? null);
    return { lhr: result.lhr, heading };
  } finally {
    await tab.close();
  }
}

/** Audits every page and prints the results; true when all of them meet `TARGETS`. */
async function main(): Promise<boolean> {
  let passed = true;
  const origin = await startServer();
  const browser = await startChromium();
  await mkdir(resultsDir, { recursive: true });
  const summaries: PageSummary[] = [];
  let lighthouseVersion = '';
  for (const page of PAGES) {
    console.warn(`Auditing ${page.hash} (${preset})...`);
    const { lhr, heading } = await audit(browser, `${origin}${page.hash}`);
    await writeFile(join(resultsDir, `${page.name}.html`), generateReport(lhr, 'html'));
    await writeFile(join(resultsDir, `${page.name}.json`), JSON.stringify(lhr, null, 2));
    // Lighthouse navigates to the URL and the app routes on the hash: make sure the report is about
    // the screen it is named after, not the home page or a loading placeholder.
    const expected = [pl, en].map(page.title);
    if (heading === null || !expected.includes(heading)) {
      passed = false;
      console.error(
        `${page.hash} did not show its screen: its h1 is ${JSON.stringify(heading)}, expected one of ${JSON.stringify(expected)}`,
      );
    }
    summaries.push(summarize(page.hash, lhr));
    lighthouseVersion = lhr.lighthouseVersion;
  }

  const targets = CATEGORY_IDS.map((id) => `${id} >= ${TARGETS[id]}`).join(', ');
  console.log(
    `\nLighthouse ${lighthouseVersion}, ${preset} preset, ${await browser.version()} (${chromiumPath()}); targets: ${targets}\n`,
  );
  console.log(scoreTable(summaries));
  for (const s of summaries) for (const warning of s.warnings) console.log(`${s.page}: warning: ${warning}`);
  if (summaries.some((s) => CATEGORY_IDS.some((id) => !meetsTarget(id, s.scores[id])))) {
    passed = false;
    console.log(`\nBelow target:\n${failureList(summaries)}`);
  }
  console.log(`\nReports: ${relative(process.cwd(), resultsDir) || '.'}/<page>.html and .json`);
  return passed;
}

try {
  process.exitCode = (await main()) ? 0 : 1;
} catch (error) {
  // After Ctrl-C the cleanup closes Chromium under a running audit; that failure is expected, and
  // the signal handler sets the exit code.
  if (!interrupted) throw error;
} finally {
  await cleanUp();
}
