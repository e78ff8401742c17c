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
 * An expired session: while the application waits, the sandbox clock jumps past the access and the
 * refresh token's lifetimes (15 minutes, 7 days). The next call explains that the user must sign in
 * again; after signing in the application carries on where it stopped. The sandbox clock never goes
 * back, so this file runs after every other journey (playwright.config.ts).
 */

const EIGHT_DAYS_MS = 8 * 24 * 60 * 60 * 1000;

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('errors: an expired session asks to sign in again, then the application carries on to a .crt that pairs', async ({
  page,
  request,
  secrets,
  expectedConsoleErrors,
}, testInfo) => {
  test.setTimeout(180_000);
  expectedConsoleErrors.push(/status of 401/);
  const nip = randomNip();
  const organizationName = 'Firma Sesji';
  const application: Application = { name: 'Wniosek po sesji', type: 'Authentication', key: 'EC-P256' };

  await chooseSandbox(page, null, nip);
  await signInAsSeal(page, null, organizationName);
  // The enrollment stays "in progress" for an hour of sandbox time, so it is still waiting when the clock jumps.
  await control(request, 'PUT', '/timing', { enrollmentDelayMs: 60 * 60_000 });
  const key = await applyUntilSubmitted(page, testInfo, secrets, application, false);
  await expect(page.locator('[data-submission="polling"]')).toContainText(pl.apply.review.polling(1), {
    timeout: 30_000,
  });

  await control(request, 'POST', '/clock/advance', { ms: EIGHT_DAYS_MS });
  const problem = page.locator('[data-problem="apply:session-expired"]');
  await expect(problem).toContainText(pl.applyErrors['session-expired'], { timeout: 30_000 });
  await expect(stepHeading(page, pl.apply.review.heading)).toBeVisible();
  await checkStep(page, testInfo, '6-session-expired');
  await problem.getByRole('button', { name: pl.apply.signInAgain }).click();

  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeFocused();
  await page.getByLabel(pl.apply.signIn.organizationName).fill(organizationName);
  await checkStep(page, testInfo, '2-sign-in-again');
  await page.getByRole('button', { name: pl.apply.signIn.submitIdentity }).click();

  const crt = await downloadPairedCertificate(page, testInfo, true);
  const files = { key, crt };
  expect(crt.name).toBe(key.name.replace(/\.key$/, '.crt'));
  expectPairOnDisk(files, application, KEY_PASSWORD);
  await downloadAndCheckPfx(page, testInfo, files, KEY_PASSWORD);
});
