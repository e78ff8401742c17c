import type { Page } from '@playwright/test';
import { pl } from '../src/messages/pl.ts';
import { expect, expectAccessible, test } from './support/app-test.ts';
import {
  applyUntilSubmitted,
  checkStep,
  chooseSandbox,
  download,
  KEY_PASSWORD,
  nextDownload,
  randomNip,
  resetSandbox,
  signInAsSeal,
  signOut,
  stepHeading,
  type Application,
} from './support/apply-journey.ts';

/*
 * Files never lost (issue 12): one name per file from the certificate name, on every screen and on
 * disk; the .crt saved the moment it arrives; a question before a sign-out that would leave a file
 * unsaved; the browser's own question while a key exists only in memory.
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

const ORGANIZATION = 'Biuro Rachunkowe Żółw';
const APPLICATION: Application = { name: 'Księgowość Żółw 2026', type: 'Authentication', key: 'EC-P256' };
const BASE = 'Ksiegowosc-Zolw-2026';

/** Closing the tab asks first: the browser's `beforeunload` question, answered "stay". */
async function expectLeaveAsked(page: Page): Promise<void> {
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    });
  });
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
}

/** Whether the page would cancel an unload now (its `beforeunload` listeners, without closing it). */
const leaveCancelled = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

test('a certificate name with Polish letters and spaces: every file on disk has the name every screen shows', async ({
  page,
  secrets,
  expectedConsoleErrors,
}, testInfo) => {
  test.setTimeout(120_000);
  await chooseSandbox(page, null, randomNip());
  await signInAsSeal(page, null, ORGANIZATION);
  expect(await leaveCancelled(page)).toBe(false);

  // Up to the saved .key: the key exists only in memory until the file is proven, so leaving asks.
  const key = await applyUntilSubmitted(page, testInfo, secrets, APPLICATION, false, {
    beforeProof: async (saved) => {
      expect(saved.name).toBe(`${BASE}.key`);
      await expect(page.getByText(pl.apply.key.proveIntro(saved.name))).toBeVisible();
      await expectLeaveAsked(page);
    },
  });

  // The .crt arrives without a click, named after the same base; the card and the summary say so.
  const crt = await nextDownload(page, testInfo, '.crt');
  expect(crt.name).toBe(`${BASE}.crt`);
  await expect(stepHeading(page, pl.apply.result.heading)).toBeVisible();
  await expect(page.getByText(pl.apply.result.source.saved(crt.name), { exact: true })).toBeVisible();
  await expect(page.getByText(pl.apply.result.certificateSaved(crt.name))).toBeVisible();
  expect(await leaveCancelled(page)).toBe(false);
  const ics = await download(page, testInfo, () =>
    page.getByRole('button', { name: pl.apply.result.reminder }).click(),
  );
  expect(ics.name).toBe(`${BASE}.ics`);
  const summary = page.getByRole('region', { name: pl.apply.result.summaryHeading });
  await expect(summary).toContainText(`${key.name}, ${crt.name}, ${ics.name}`);
  await checkStep(page, testInfo, '7-result-saved');

  // No PFX yet: the sign-out asks, and "stay" keeps everything.
  await page.getByRole('button', { name: pl.apply.result.signOut }).click();
  const dialog = page.getByRole('dialog', { name: pl.apply.result.unsaved.title });
  await expect(dialog.locator('[data-unsaved-file]')).toHaveText([pl.apply.result.unsaved.pfx(`${BASE}.pfx`)]);
  await dialog.getByRole('button', { name: pl.apply.result.unsaved.cancel }).click();
  await expect(dialog).toBeHidden();
  await expect(stepHeading(page, pl.apply.result.heading)).toBeVisible();
  await signOut(page, true);

  // The list names the .key as it was saved: in the removal question, and when continuing.
  await page.getByRole('button', { name: pl.apply.resume.remove(APPLICATION.name) }).click();
  const removal = page.getByRole('dialog', { name: pl.apply.resume.removeTitle(APPLICATION.name) });
  await expect(removal.getByText(pl.apply.resume.removeKeeps(key.name))).toBeVisible();
  await removal.getByRole('button', { name: pl.apply.resume.removeCancel }).click();
  await page.getByRole('button', { name: pl.apply.resume.downloadAgain(APPLICATION.name) }).click();
  await page.getByLabel(pl.apply.signIn.organizationName).fill(ORGANIZATION);
  await page.getByRole('button', { name: pl.apply.signIn.submitIdentity }).click();
  await expect(page.getByText(pl.apply.resume.keyIntro(key.name))).toBeVisible({ timeout: 60_000 });

  // This time the browser refuses the file (creating it fails): the certificate is not saved, and the
  // page says so.
  expectedConsoleErrors.push(/the certificate could not be saved/);
  await page.evaluate(() => {
    const original = URL.createObjectURL.bind(URL);
    Object.assign(window, { restoreDownloads: () => Object.assign(URL, { createObjectURL: original }) });
    URL.createObjectURL = () => {
      throw new DOMException('Downloads refused', 'SecurityError');
    };
  });
  await page.getByLabel(pl.apply.key.proveFile).setInputFiles(key.path);
  await page.getByLabel(pl.apply.key.provePassword, { exact: true }).fill(KEY_PASSWORD);
  await page.getByRole('button', { name: pl.apply.resume.open }).click();
  await expect(page.getByText(pl.apply.result.certificateNotSaved(crt.name))).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(pl.apply.result.source.notSaved, { exact: true })).toBeVisible();
  await expectLeaveAsked(page);

  // Signing out with the .crt unsaved asks first, naming the file; the dialog passes axe.
  await page.getByRole('button', { name: pl.apply.result.signOut }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: pl.apply.result.unsaved.cancel })).toBeFocused();
  await expect(dialog.locator('[data-unsaved-file="certificate"]')).toHaveText(
    pl.apply.result.unsaved.certificate(crt.name),
  );
  await expectAccessible(page);
  await checkStep(page, testInfo, '7-sign-out-unsaved');
  await dialog.getByRole('button', { name: pl.apply.result.unsaved.cancel }).click();
  await expect(dialog).toBeHidden();

  // Saved with the button once the browser allows it: the same name.
  await page.evaluate(() => (window as unknown as { restoreDownloads: () => void }).restoreDownloads());
  const saved = await download(page, testInfo, () =>
    page.getByRole('button', { name: pl.apply.result.downloadCertificate(crt.name) }).click(),
  );
  expect(saved.name).toBe(crt.name);
  await expect(page.getByText(pl.apply.result.source.saved(crt.name), { exact: true })).toBeVisible();
  expect(await leaveCancelled(page)).toBe(false);

  // A PFX with a wrong key password: the password is cleared and the message has the focus.
  await page.getByLabel(pl.pfx.keyPassword, { exact: true }).fill('Zle-Haslo-2025!xx');
  await page.getByRole('button', { name: pl.pfx.submit }).click();
  const failure = page.locator('[data-pfx-status="failed"] [data-problem="crypto:wrong-password"]');
  await expect(failure).toContainText(pl.cryptoErrors['wrong-password']);
  await expect(failure).toBeFocused();
  await expect(page.getByLabel(pl.pfx.keyPassword, { exact: true })).toHaveValue('');
  await expectAccessible(page);
  await signOut(page, true);
});
