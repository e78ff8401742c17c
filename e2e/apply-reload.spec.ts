import type { Page } from '@playwright/test';
import { pl } from '../src/messages/pl.ts';
import { DRAFT_KEY, expect, test } from './support/app-test.ts';
import {
  chooseSandbox,
  checkStep,
  control,
  downloadAndCheckPfx,
  downloadPairedCertificate,
  expectPairOnDisk,
  fillDetails,
  generateKey,
  KEY_PASSWORD,
  keyMaterial,
  randomNip,
  resetSandbox,
  signInAsSeal,
  stepHeading,
  type Application,
} from './support/apply-journey.ts';

/*
 * A browser reload at every step of the wizard. The tab's draft (sessionStorage, non-secret fields
 * only) brings the user back: the environment, the context, the details and the name and fingerprint
 * of the saved `.key` survive; the session and the key in memory do not, so the user signs in again
 * and opens the saved `.key` again. Once submitted, the application record takes over. After every
 * reload the draft is read from the page: only its own fields, no password, no key, no token.
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

const organizationName = 'Firma Przeładowań';
const application: Application = { name: 'Wniosek po przeładowaniu', type: 'Offline', key: 'EC-P256' };

/**
 * Reloads; returns the draft the page had kept for the reload (or `null`), after checking that it and
 * the draft of the reloaded page hold nothing secret.
 */
async function reload(page: Page, secrets: readonly string[]): Promise<Record<string, unknown> | null> {
  const readDraft = async (): Promise<string | null> => {
    const text = await page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY);
    if (text !== null) {
      expect(text).not.toMatch(/-----BEGIN|PRIVATE KEY|accessToken|refreshToken/);
      expect(secrets.filter((s) => text.includes(s))).toEqual([]);
    }
    return text;
  };
  const kept = await readDraft();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: pl.apply.title })).toBeVisible();
  await readDraft();
  return kept === null ? null : (JSON.parse(kept) as Record<string, unknown>);
}

/** After a reload past the data: the notice, sign in again, and the wizard is back on the step it was on. */
async function signInAgainBackTo(page: Page, heading: string): Promise<void> {
  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeVisible();
  await expect(page.getByText(pl.apply.restored.signInAgain)).toBeVisible();
  await page.getByLabel(pl.apply.signIn.organizationName).fill(organizationName);
  await page.getByRole('button', { name: pl.apply.signIn.submitIdentity }).click();
  await expect(stepHeading(page, heading)).toBeFocused({ timeout: 30_000 });
}

/** After a reload at the key step (or the review): signed in again, the key step, the details kept before it. */
async function signInAgainToKeyStep(page: Page): Promise<void> {
  await signInAgainBackTo(page, pl.apply.key.heading);
  await page.getByRole('button', { name: pl.apply.backTo(pl.apply.steps.details) }).click();
  await expect(stepHeading(page, pl.apply.details.heading)).toBeFocused();
  await expect(page.getByLabel(pl.apply.details.name)).toHaveValue(application.name);
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expect(stepHeading(page, pl.apply.key.heading)).toBeFocused();
}

/** The `.key` saved before the reload, opened again with its password. */
async function reopenKey(page: Page, path: string, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 3, name: pl.apply.restored.keyHeading })).toBeVisible();
  await page.getByLabel(pl.apply.key.proveFile).setInputFiles(path);
  await page.getByLabel(pl.apply.key.provePassword, { exact: true }).fill(KEY_PASSWORD);
  await page.getByRole('button', { name: pl.apply.restored.keyOpen }).click();
  await expect(page.getByText(pl.apply.key.proven(name))).toBeVisible();
}

/** A submitted application after a reload: sign in again, then open its `.key` for the certificate. */
async function resumeWithSavedKey(page: Page, keyPath: string): Promise<void> {
  await page.getByLabel(pl.apply.signIn.organizationName).fill(organizationName);
  await page.getByRole('button', { name: pl.apply.signIn.submitIdentity }).click();
  await expect(page.getByRole('heading', { level: 3, name: pl.apply.resume.keyHeading })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByLabel(pl.apply.key.proveFile).setInputFiles(keyPath);
  await page.getByLabel(pl.apply.key.provePassword, { exact: true }).fill(KEY_PASSWORD);
  await page.getByRole('button', { name: pl.apply.resume.open }).click();
}

test('a reload at every step brings the user back to the application, and the draft holds nothing secret', async ({
  page,
  request,
  secrets,
}, testInfo) => {
  test.setTimeout(300_000);
  const nip = randomNip();
  secrets.push(KEY_PASSWORD);

  // Step 1: nothing chosen yet, nothing kept.
  await page.goto('./#/apply');
  expect(await reload(page, secrets)).toBeNull();
  await expect(stepHeading(page, pl.apply.environment.heading)).toBeVisible();
  await chooseSandbox(page, null, nip);

  // Step 2: back on the sign-in step, with the environment and the context NIP.
  expect(await reload(page, secrets)).toMatchObject({ step: 'sign-in', environment: 'sandbox', contextNip: nip });
  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeVisible();
  await expect(page.getByText(pl.apply.restored.signInAgain)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: pl.apply.signIn.identityNip, exact: true })).toHaveValue(nip);
  await signInAsSeal(page, null, organizationName);

  // Step 3, the data: the session went with the page; sign in again.
  expect(await reload(page, secrets)).toMatchObject({ step: 'data' });
  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeVisible();
  await expect(page.getByText(pl.apply.restored.signInAgain)).toBeVisible();
  await checkStep(page, testInfo, '2-after-reload');
  await signInAsSeal(page, null, organizationName);
  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await expect(stepHeading(page, pl.apply.details.heading)).toBeFocused();

  // Step 4, the details: what was not yet confirmed is typed again; confirmed details are kept from here on.
  expect(await reload(page, secrets)).toMatchObject({ step: 'details', details: null });
  await signInAgainBackTo(page, pl.apply.details.heading);
  await fillDetails(page, application.name, application.type, application.key);
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expect(stepHeading(page, pl.apply.key.heading)).toBeFocused();

  // Step 5 before the key: the details come back filled in.
  expect(await reload(page, secrets)).toMatchObject({
    step: 'key',
    details: { certificateName: application.name, certificateType: 'Offline' },
    savedKey: null,
  });
  await signInAgainToKeyStep(page);
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));

  // Step 5 with the key saved, not yet proven: opening the saved file again brings the key back.
  const draft = await reload(page, secrets);
  expect(draft).toMatchObject({
    step: 'key',
    savedKey: { fileName: key.name, publicKeyFingerprint: expect.stringMatching(/^[0-9A-F]{64}$/) },
  });
  await signInAgainToKeyStep(page);
  await checkStep(page, testInfo, '5-reopen-key');
  await reopenKey(page, key.path, key.name);
  await page.getByLabel(pl.apply.key.stored).check();
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expect(stepHeading(page, pl.apply.review.heading)).toBeFocused();

  // Step 6, the review: the same key again, and the password confirmation is remembered.
  expect(await reload(page, secrets)).toMatchObject({
    step: 'review',
    passwordStoredConfirmed: true,
    savedKey: draft?.savedKey,
  });
  await signInAgainToKeyStep(page);
  await reopenKey(page, key.path, key.name);
  await expect(page.getByLabel(pl.apply.key.stored)).toBeChecked();
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expect(stepHeading(page, pl.apply.review.heading)).toBeFocused();
  await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(0);
  // KSeF keeps the enrollment "in progress" long enough to reload while waiting.
  await control(request, 'PUT', '/timing', { enrollmentDelayMs: 15_000 });
  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  await expect(page.locator('[data-submission="polling"]')).toContainText(pl.apply.review.polling(1), {
    timeout: 30_000,
  });

  // Step 6 while waiting: the application record takes over; sign in, open the .key, get the certificate.
  expect(await reload(page, secrets)).toMatchObject({ recordId: expect.any(String) });
  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeVisible();
  await expect(page.getByText(pl.apply.resume.continuing(application.name))).toBeVisible();
  await resumeWithSavedKey(page, key.path);
  const crt = await downloadPairedCertificate(page, testInfo, false, false);
  expectPairOnDisk({ key, crt }, application, KEY_PASSWORD);

  // Step 7, the result: the same way back to the certificate, which still pairs.
  expect(await reload(page, secrets)).toMatchObject({ recordId: expect.any(String) });
  await resumeWithSavedKey(page, key.path);
  const again = await downloadPairedCertificate(page, testInfo, true, false);
  await downloadAndCheckPfx(page, testInfo, { key, crt: again }, KEY_PASSWORD);
});
