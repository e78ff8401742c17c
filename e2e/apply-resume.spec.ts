import { pl } from '../src/messages/pl.ts';
import { expect, test } from './support/app-test.ts';
import {
  applyUntilSubmitted,
  checkStep,
  chooseSandbox,
  control,
  downloadAndCheckPfx,
  downloadPairedCertificate,
  expectPairOnDisk,
  KEY_PASSWORD,
  randomNip,
  resetSandbox,
  signInAsSeal,
  stepHeading,
  type Application,
} from './support/apply-journey.ts';

/*
 * Journey (4), resume: the tab is closed while the application is being processed, and the app is
 * opened again in a new tab (the same origin's localStorage, an empty sessionStorage: no draft; a
 * reload is e2e/apply-reload.spec.ts). The start page lists the application; the user signs in again, the app finds its status and certificate, the user
 * opens the saved `.key` with its password, and the pair is checked before the `.crt` downloads.
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('journey 4: the tab closed while polling, then resume in a new tab: sign in again, open the saved .key, a .crt that pairs', async ({
  page,
  request,
  secrets,
}, testInfo) => {
  test.setTimeout(240_000);
  const nip = randomNip();
  const organizationName = 'Firma Wznowienia';
  const application: Application = { name: 'Wniosek wznowiony', type: 'Authentication', key: 'EC-P256' };

  await chooseSandbox(page, null, nip);
  await signInAsSeal(page, null, organizationName);
  // KSeF keeps the enrollment "in progress" for 20 s of sandbox time: long enough to close the tab.
  await control(request, 'PUT', '/timing', { enrollmentDelayMs: 20_000 });
  const key = await applyUntilSubmitted(page, testInfo, secrets, application, false);
  await expect(page.locator('[data-submission="polling"]')).toContainText(pl.apply.review.polling(1), {
    timeout: 30_000,
  });
  await checkStep(page, testInfo, '6-polling');

  // A new tab: what a closed tab leaves behind is localStorage; its sessionStorage ends with it. (The
  // script runs before the app on every later load of this page; this test loads it once more.)
  await page.addInitScript(() => sessionStorage.clear());
  await page.reload();
  await expect(stepHeading(page, pl.apply.environment.heading)).toBeVisible();
  const continueButton = page.getByRole('button', { name: pl.apply.resume.continue(application.name) });
  await expect(continueButton).toBeVisible();
  await expect(page.getByRole('region', { name: pl.apply.resume.heading })).toContainText(
    pl.apply.resume.statuses.submitted,
  );
  await checkStep(page, testInfo, '1-resume-list');
  await continueButton.click();

  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeFocused();
  await expect(page.getByText(pl.apply.resume.continuing(application.name))).toBeVisible();
  await expect(page.getByRole('textbox', { name: pl.apply.signIn.identityNip, exact: true })).toHaveValue(nip);
  await page.getByLabel(pl.apply.signIn.organizationName).fill(organizationName);
  await checkStep(page, testInfo, '2-sign-in-again');
  await page.getByRole('button', { name: pl.apply.signIn.submitIdentity }).click();

  await expect(stepHeading(page, pl.apply.result.heading)).toBeFocused({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 3, name: pl.apply.resume.keyHeading })).toBeVisible({
    timeout: 60_000,
  });
  await checkStep(page, testInfo, '7-open-saved-key');
  await page.getByLabel(pl.apply.key.proveFile).setInputFiles(key.path);
  await page.getByLabel(pl.apply.key.provePassword, { exact: true }).fill(KEY_PASSWORD);
  await page.getByRole('button', { name: pl.apply.resume.open }).click();

  const crt = await downloadPairedCertificate(page, testInfo, true, false);
  const files = { key, crt };
  expect(crt.name).toBe(key.name.replace(/\.key$/, '.crt'));
  expectPairOnDisk(files, application, KEY_PASSWORD);
  await downloadAndCheckPfx(page, testInfo, files, KEY_PASSWORD);
});
