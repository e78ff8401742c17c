import type { Page } from '@playwright/test';
import { pl } from '../src/messages/pl.ts';
import { expect, openChecker, test } from './support/app-test.ts';
import { startMainThreadTrace } from './support/main-thread.ts';
import { fixture, PFX_PASSWORD } from './support/paths.ts';

/**
 * Files that take a reader long (e2e/support/slow-files.ts) are read in the file reader's Web Worker:
 * the page's main thread is never held for more than 100 ms by one task, measured in Chromium's own
 * trace of the main thread (support/main-thread.ts) from before the file is chosen until its answer
 * is on screen.
 */
const MAX_BLOCK_MS = 100;

/**
 * The coded refusals a slow file may end in: the reader's own length check once it has one
 * (`ec-parameters-too-large`, `iterations-too-many`), else the worker's time limit (`file-read-timed-out`).
 */
const SLOW_FILE_REFUSALS = ['ec-parameters-too-large', 'iterations-too-many', 'file-read-timed-out'];

/** True once the iteration cap below OpenSSL's 1 000 000 exists: the catalogs word every code. */
const hasIterationCap = Object.hasOwn(pl.cryptoErrors, 'iterations-too-many');

/** The `crypto:<code>` of the first file item with a problem, once there is one. */
async function refusalOf(page: Page, timeout: number): Promise<string> {
  const item = page.locator('.file-item[data-problem]').first();
  await expect(item).toHaveAttribute('data-problem', /^crypto:/, { timeout });
  return (await item.getAttribute('data-problem')) ?? '';
}

test.beforeEach(async ({ page }) => {
  await openChecker(page);
});

test('a 267 KB EC key with a 192 KiB curve coefficient ends in a coded refusal, the page never blocked', async ({
  page,
}) => {
  const trace = await startMainThreadTrace(page);
  await page.locator('input[type="file"]').setInputFiles(fixture('ec-huge-parameters.key'));
  const refusal = await refusalOf(page, 30_000);
  expect(SLOW_FILE_REFUSALS.map((code) => `crypto:${code}`)).toContain(refusal);
  await expect(page.getByText(pl.check.verdict.unexpected)).toHaveCount(0);
  const longest = await trace.stop();
  test.info().annotations.push({
    type: 'longest main-thread task',
    description: `${longest.cpuMs.toFixed(1)} ms CPU, ${longest.wallMs.toFixed(1)} ms wall`,
  });
  expect(longest.cpuMs).toBeLessThanOrEqual(MAX_BLOCK_MS);
});

test('a PFX with 1 000 000 iterations: refused by the cap, or opened, the page never blocked', async ({ page }) => {
  const trace = await startMainThreadTrace(page);
  await page.locator('input[type="file"]').setInputFiles([fixture('slow.pfx'), fixture('slow.crt')]);
  const password = page.getByLabel(pl.check.password.label('slow.pfx'), { exact: true });
  const refusedAtOnce = page.locator('.file-item[data-problem]');
  await expect(password.or(refusedAtOnce).first()).toBeVisible();
  if (await password.isVisible()) {
    await password.fill(PFX_PASSWORD);
    await password.press('Enter');
  }
  if (hasIterationCap) {
    // The cap refuses it, at reading or at opening: on the file or in the verdict.
    await expect(page.locator('[data-problem="crypto:iterations-too-many"]').first()).toBeVisible({ timeout: 30_000 });
  } else {
    // Without a cap below 1 000 000 the PFX opens, a few seconds of key derivation in the worker.
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs', { timeout: 30_000 });
  }
  await expect(page.getByText(pl.check.verdict.unexpected)).toHaveCount(0);
  const longest = await trace.stop();
  test.info().annotations.push({
    type: 'longest main-thread task',
    description: `${longest.cpuMs.toFixed(1)} ms CPU, ${longest.wallMs.toFixed(1)} ms wall`,
  });
  expect(longest.cpuMs).toBeLessThanOrEqual(MAX_BLOCK_MS);
});

test('Stop ends a slow read at once: the file stays, not read, and reads again on request', async ({
  page,
  exchanges,
}) => {
  await page.locator('input[type="file"]').setInputFiles(fixture('ec-huge-parameters.key'));
  const item = page.locator('.file-item', { hasText: 'ec-huge-parameters.key' });
  const stop = item.getByRole('button', { name: pl.fileReading.stop('ec-huge-parameters.key') });
  // Shown once the read takes over 300 ms, with a progress bar and words in a status region.
  await expect(item.getByRole('status')).toHaveText(pl.fileReading.progress('ec-huge-parameters.key'));
  await expect(item.locator('progress')).toBeVisible();
  await stop.click();
  await expect(item).toHaveAttribute('data-file-state', 'not-read');
  await expect(item).not.toHaveAttribute('data-problem');
  await expect(page.locator('[data-verdict]')).toContainText(pl.check.guidance.notRead('ec-huge-parameters.key'));

  await item.getByRole('button', { name: pl.fileReading.readAgain('ec-huge-parameters.key') }).click();
  await expect(item).toHaveAttribute('data-file-state', 'reading');
  await item.getByRole('button', { name: pl.fileReading.stop('ec-huge-parameters.key') }).click();
  await expect(item).toHaveAttribute('data-file-state', 'not-read');

  // The guard sees the workers' own requests: their script, fetched through the browser context.
  expect(exchanges.some(({ url }) => /\/assets\/file-reader\.worker-[^/]+\.js$/.test(url))).toBe(true);
});
