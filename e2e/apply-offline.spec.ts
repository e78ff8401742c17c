import { pl } from '../src/messages/pl.ts';
import { expect, test } from './support/app-test.ts';
import {
  checkStep,
  chooseSandbox,
  downloadPairedCertificate,
  expectPairOnDisk,
  fillDetails,
  generateKey,
  KEY_PASSWORD,
  keyMaterial,
  openssl,
  proveKey,
  randomNip,
  resetSandbox,
  signInAsSeal,
  stepHeading,
  type Application,
} from './support/apply-journey.ts';

/*
 * Issue 5, "works offline once loaded", in the wizard: the key is made, saved and proven with the
 * network switched off; the submission then fails with a message that says nothing was sent, keeps
 * everything, and succeeds once the network is back.
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('offline: the key is generated, saved and proven; submitting says nothing was sent; back online it finishes', async ({
  page,
  context,
  requests,
  secrets,
}, testInfo) => {
  test.setTimeout(180_000);
  const application: Application = { name: 'Klucz bez sieci', type: 'Authentication', key: 'EC-P256' };
  secrets.push(KEY_PASSWORD);

  await chooseSandbox(page, null, randomNip());
  await signInAsSeal(page, null, 'Biuro Bez Sieci');
  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await expect(stepHeading(page, pl.apply.details.heading)).toBeFocused();
  await fillDetails(page, application.name, application.type, application.key);
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expect(stepHeading(page, pl.apply.key.heading)).toBeFocused();

  await context.setOffline(true);
  const offlineFrom = requests.length;
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));
  // openssl opens the saved file with the password, and only with it.
  expect(openssl(['pkey', '-in', key.path, '-passin', `pass:${KEY_PASSWORD}`, '-noout', '-text'])).toContain(
    'prime256v1',
  );
  expect(() => openssl(['pkey', '-in', key.path, '-passin', 'pass:Inne-Haslo-2025!ok', '-noout'])).toThrow();
  await proveKey(page, key.path, KEY_PASSWORD);
  await expect(page.getByText(pl.apply.key.proven(key.name))).toBeVisible();
  await page.getByLabel(pl.apply.key.stored).check();
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expect(stepHeading(page, pl.apply.review.heading)).toBeFocused();
  await expect(page.locator('[data-check]').first()).toBeVisible();
  await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(0);

  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  const problem = page.locator('[data-problem="ksef:offline"]');
  await expect(problem).toContainText(pl.apply.review.notSent);
  await expect(problem).toContainText(pl.ksefErrors.offline);
  // Nothing left the page while offline: the key step and the submission made no request at all.
  expect(requests.slice(offlineFrom)).toEqual([]);
  // The progress is kept: still the review step, the application's data, the proven key behind it.
  await expect(stepHeading(page, pl.apply.review.heading)).toBeVisible();
  await expect(page.getByText(application.name, { exact: true })).toBeVisible();
  await expect(page.locator('.apply-step-current')).toContainText(pl.apply.steps.review);
  await expect(page.locator('.apply-step-done').filter({ hasText: pl.apply.steps.key })).toHaveCount(1);
  await checkStep(page, testInfo, '6-offline');

  await context.setOffline(false);
  await page.getByRole('button', { name: pl.apply.review.retry }).click();
  const crt = await downloadPairedCertificate(page, testInfo, false);
  expect(crt.name).toBe(key.name.replace(/\.key$/, '.crt'));
  expectPairOnDisk({ key, crt }, application, KEY_PASSWORD);
});
