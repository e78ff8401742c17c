import { en } from '../src/messages/en.ts';
import { pl } from '../src/messages/pl.ts';
import {
  expect,
  expectAccessible,
  openChecker,
  screenshot,
  test,
  withoutRequests,
  PREFERENCES_KEY,
} from './support/app-test.ts';
import { fixture, KEY_PASSWORD } from './support/paths.ts';

test('English on request, remembered after a reload, and Polish again', async ({ page, requests }, testInfo) => {
  await openChecker(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.check.title);

  const switcher = page.getByRole('group', { name: pl.app.languageSwitch });
  await switcher.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.check.title);
  await expect(page).toHaveTitle(en.app.pageTitle(en.check.title));
  await expect(
    page.getByRole('group', { name: en.app.languageSwitch }).getByRole('button', { name: 'English' }),
  ).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate((key) => localStorage.getItem(key), PREFERENCES_KEY)).toBe('{"language":"en"}');

  await page.reload();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.check.title);
  await expect(page.getByText(en.app.privacy)).toBeVisible();
  await expectAccessible(page);

  // A verdict in English, and its certificate card.
  await withoutRequests(requests, async () => {
    await page.locator('input[type="file"]').setInputFiles([fixture('jan.key'), fixture('jan.crt')]);
    const field = page.getByLabel(en.check.password.label('jan.key'), { exact: true });
    await field.fill(KEY_PASSWORD);
    await field.press('Enter');
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs');
  });
  await expect(page.locator('[data-verdict]')).toContainText(en.check.verdict.pairs);
  await expect(page.getByRole('article', { name: 'Certificate: Jan Kowalski' })).toContainText(
    'Authentication (type 1)',
  );
  await expectAccessible(page);
  await screenshot(page, testInfo, 'pairs-en');

  await page.getByRole('group', { name: en.app.languageSwitch }).getByRole('button', { name: 'Polski' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.locator('[data-verdict]')).toContainText(pl.check.verdict.pairs);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.check.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
});
