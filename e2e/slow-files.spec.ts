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

/** Stops `trace`, records its longest main-thread task, and holds it to `MAX_BLOCK_MS` of CPU. */
async function expectPageNeverBlocked(trace: Awaited<ReturnType<typeof startMainThreadTrace>>): Promise<void> {
  const longest = await trace.stop();
  test.info().annotations.push({
    type: 'longest main-thread task',
    description: `${longest.cpuMs.toFixed(1)} ms CPU, ${longest.wallMs.toFixed(1)} ms wall`,
  });
  expect(longest.cpuMs).toBeLessThanOrEqual(MAX_BLOCK_MS);
}

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
  // The length check refuses it before any arithmetic on the 192 KiB coefficient.
  expect(await refusalOf(page, 30_000)).toBe('crypto:ec-parameters-too-large');
  await expect(page.getByText(pl.check.verdict.unexpected)).toHaveCount(0);
  await expectPageNeverBlocked(trace);
});

test('a PFX with 1 000 000 iterations: refused by the cap, the page never blocked', async ({ page }) => {
  const trace = await startMainThreadTrace(page);
  await page.locator('input[type="file"]').setInputFiles([fixture('slow.pfx'), fixture('slow.crt')]);
  const password = page.getByLabel(pl.check.password.label('slow.pfx'), { exact: true });
  const refusedAtOnce = page.locator('.file-item[data-problem]');
  await expect(password.or(refusedAtOnce).first()).toBeVisible();
  if (await password.isVisible()) {
    await password.fill(PFX_PASSWORD);
    await password.press('Enter');
  }
  // The cap (600 000) refuses it before any derivation, at reading or at opening: on the file or in the verdict.
  await expect(page.locator('[data-problem="crypto:iterations-too-many"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(pl.check.verdict.unexpected)).toHaveCount(0);
  await expectPageNeverBlocked(trace);
});

test('Stop ends a slow read at once: the file stays, not read, and reads again on request', async ({
  page,
  exchanges,
}) => {
  await page.locator('input[type="file"]').setInputFiles(fixture('many-certificates.pem'));
  const item = page.locator('.file-item', { hasText: 'many-certificates.pem' });
  const stop = item.getByRole('button', { name: pl.fileReading.stop('many-certificates.pem') });
  // Shown once the read takes over 300 ms, with a progress bar and words in a status region.
  await expect(item.getByRole('status')).toHaveText(pl.fileReading.progress('many-certificates.pem'));
  await expect(item.locator('progress')).toBeVisible();
  await stop.click();
  await expect(item).toHaveAttribute('data-file-state', 'not-read');
  await expect(item).not.toHaveAttribute('data-problem');
  await expect(page.locator('[data-verdict]')).toContainText(pl.check.guidance.notRead('many-certificates.pem'));

  await item.getByRole('button', { name: pl.fileReading.readAgain('many-certificates.pem') }).click();
  await expect(item).toHaveAttribute('data-file-state', 'reading');
  await item.getByRole('button', { name: pl.fileReading.stop('many-certificates.pem') }).click();
  await expect(item).toHaveAttribute('data-file-state', 'not-read');

  // The guard sees the workers' own requests: their script, fetched through the browser context.
  expect(exchanges.some(({ url }) => /\/assets\/file-reader\.worker-[^/]+\.js$/.test(url))).toBe(true);
});
