import { pl } from '../src/messages/pl.ts';
import { expect, expectAccessible, test } from './support/app-test.ts';

test('the home page leads to the checker, and focus moves to the new heading', async ({ page, requests }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.home.title);
  await page.waitForLoadState('networkidle');
  // The crypto code (PKI.js) is not part of the first paint: it loads only once the checker is shown.
  const cryptoChunk = /\/assets\/check-files-[^/]+\.js$/;
  expect(requests.filter((url) => cryptoChunk.test(url))).toEqual([]);
  await expect(page).toHaveTitle(pl.app.pageTitle(pl.home.title));
  await expectAccessible(page);

  await page.getByRole('main').getByRole('link', { name: pl.home.checkLink }).click();
  await expect(page).toHaveURL(/#\/check$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(pl.check.title);
  await expect(heading).toBeFocused();
  // Loaded now (the build may split it into a module and a shared chunk), each file once.
  await expect.poll(() => requests.filter((url) => cryptoChunk.test(url)).length).toBeGreaterThanOrEqual(1);
  const crypto = requests.filter((url) => cryptoChunk.test(url));
  expect(new Set(crypto).size).toBe(crypto.length);
  await expect(page.getByRole('navigation').getByRole('link', { name: pl.home.checkLink })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('an unknown address shows a not-found page with a way home', async ({ page }) => {
  await page.goto('./#/nie-ma-takiej');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.notFound.title);
  await expectAccessible(page);
  await page.getByRole('link', { name: pl.notFound.homeLink }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.home.title);
});

test('the skip link is the first stop and jumps to the content without changing the route', async ({ page }) => {
  await page.goto('./#/check');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: pl.app.skipLink });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/check$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.check.title);
});

test('landmarks: one banner, one main, one contentinfo with the privacy note', async ({ page }) => {
  await page.goto('./#/check');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toContainText(pl.app.privacy);
});
