import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { pl } from '../src/messages/pl.ts';
import { cacheStorageOf, expect, isApiUrl, openChecker, test, withoutRequests } from './support/app-test.ts';
import { fixture, KEY_PASSWORD } from './support/paths.ts';

/*
 * Issue 5, "works offline once loaded": the checker with the network switched off after the page
 * loaded, and the offline copy (the service worker) that opens it again with no network at all.
 */

const EXPORT_PASSWORD = 'Eksport-Offline-2025!ok';
const verdict = (page: Page) => page.locator('[data-verdict]');

/** Waits until the service worker has precached the build and controls `page`. */
async function offlineCopyReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

function openssl(args: readonly string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('the checker pairs and exports with the network off, and opens again offline from the cache', async ({
  page,
  context,
  requests,
  secrets,
  baseURL,
}, testInfo) => {
  secrets.push(KEY_PASSWORD, EXPORT_PASSWORD);
  await openChecker(page);
  await offlineCopyReady(page);
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await withoutRequests(requests, async () => {
    await page.locator('input[type="file"]').setInputFiles([fixture('jan.key'), fixture('jan.crt')]);
    const field = page.getByLabel(pl.check.password.label('jan.key'), { exact: true });
    await field.fill(KEY_PASSWORD);
    await field.press('Enter');
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
    await expect(verdict(page)).toContainText(pl.check.verdict.pairs);

    await page.getByRole('button', { name: pl.save.exportPfx }).click();
    await page.getByLabel(pl.pfx.newPassword, { exact: true }).fill(EXPORT_PASSWORD);
    await page.getByLabel(pl.pfx.confirm, { exact: true }).fill(EXPORT_PASSWORD);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: pl.pfx.submit }).click();
    const download = await downloading;
    const pfx = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(pfx);
    await expect(page.getByText(pl.pfx.saved(download.suggestedFilename()))).toBeVisible();
    const certificate = openssl(['pkcs12', '-in', pfx, '-nokeys', '-clcerts', '-passin', `pass:${EXPORT_PASSWORD}`]);
    expect(certificate).toContain('BEGIN CERTIFICATE');
  });

  // Still offline: a reload is answered by the service worker, with the page's security headers intact.
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(reloaded?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { level: 1, name: pl.check.title })).toBeVisible();

  // A new tab, still offline: the checker opens from the cache and works, crypto chunks included.
  const second = await context.newPage();
  const opened = await second.goto('./#/check');
  expect(opened?.fromServiceWorker()).toBe(true);
  await expect(second.getByRole('heading', { level: 1, name: pl.check.title })).toBeVisible();
  await second.locator('input[type="file"]').setInputFiles([fixture('anna.key'), fixture('anna.crt')]);
  await expect(verdict(second)).toHaveAttribute('data-verdict', 'pairs');
  await second.close();

  // What the cache holds: the build's own files, on this origin, none under /api/.
  const origin = new URL(baseURL ?? '').origin;
  const cached = await cacheStorageOf(page, []);
  expect(cached.urls).toContain(`${origin}/index.html`);
  expect(cached.urls.filter((url) => !url.startsWith(`${origin}/`) || isApiUrl(url))).toEqual([]);
  expect(cached.urls.filter((url) => url !== `${origin}/index.html` && !url.startsWith(`${origin}/assets/`))).toEqual(
    [],
  );
  await context.setOffline(false);
});

test('the service worker never answers or stores /api/: offline, the relay is simply unreachable', async ({
  page,
  context,
  exchanges,
  expectedConsoleErrors,
}) => {
  // The browser logs the request that fails offline on purpose below.
  expectedConsoleErrors.push(/ERR_INTERNET_DISCONNECTED/);
  await openChecker(page);
  await offlineCopyReady(page);
  const api = '/api/sandbox/_control/clock';
  const call = () =>
    page.evaluate(async (url) => {
      try {
        const response = await fetch(url, { cache: 'no-store' });
        return `HTTP ${response.status}`;
      } catch (error) {
        return error instanceof TypeError ? 'no network' : 'other';
      }
    }, api);

  // Online: the page's request goes to the server itself, the worker sends nothing of its own.
  const answered = page.waitForResponse((r) => r.url().endsWith(api));
  expect(await call()).toBe('HTTP 200');
  expect((await answered).fromServiceWorker()).toBe(false);
  await context.setOffline(true);
  expect(await call()).toBe('no network');
  await context.setOffline(false);

  expect(exchanges.filter((e) => e.fromServiceWorker && isApiUrl(e.url))).toEqual([]);
  expect((await cacheStorageOf(page, [])).urls.filter(isApiUrl)).toEqual([]);
});
