import type { Locator, Page } from '@playwright/test';
import { pl } from '../src/messages/pl.ts';
import { expect, test } from './support/app-test.ts';
import {
  checkStep,
  download,
  expectPairOnDisk,
  KEY_PASSWORD,
  keyMaterial,
  nextDownload,
  randomNip,
  resetSandbox,
  stepHeading,
  type Application,
} from './support/apply-journey.ts';

/*
 * Journey (1) again with the keyboard only: Tab and Shift+Tab to move, arrow keys in radio groups,
 * Space for check boxes, Enter for buttons. The operating system's file dialog is out of reach, so a
 * file input is focused with the keyboard and then given its file. After every step change focus
 * must be on the new step's heading.
 */

const MAX_TABS = 80;

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reached with ${key}`).toBeFocused({ timeout: 1 });
}

/** Types into a field reached with Tab. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** Enter on a button reached with Tab. */
async function press(page: Page, button: Locator): Promise<void> {
  await tabTo(page, button);
  await page.keyboard.press('Enter');
}

/** The step changed: its h2 has focus, as `document.activeElement`. */
async function expectStep(page: Page, heading: string): Promise<void> {
  await expect(stepHeading(page, heading)).toBeFocused({ timeout: 60_000 });
  const active = await page.evaluate(() => ({
    tag: document.activeElement?.tagName,
    text: document.activeElement?.textContent,
  }));
  expect(active).toEqual({ tag: 'H2', text: heading });
}

const radio = (page: Page, name: string) =>
  page.getByRole('radio', { name: new RegExp(name.replace(/[()]/g, '\\$&')) });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('journey 1 with the keyboard only: focus on every step heading, a .crt that pairs', async ({
  page,
  secrets,
}, testInfo) => {
  test.setTimeout(180_000);
  const nip = randomNip();
  const application: Application = { name: 'Program klawiatura 1', type: 'Authentication', key: 'EC-P256' };
  secrets.push(KEY_PASSWORD);

  await page.goto('./#/apply');
  await expect(page.getByRole('heading', { level: 1, name: pl.apply.title })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // 1. Environment: the sandbox is chosen already.
  await expect(radio(page, pl.apply.environment.names.sandbox)).toBeChecked();
  await typeInto(page, page.getByLabel(pl.apply.environment.nip), nip);
  await checkStep(page, testInfo, '1-environment');
  await press(page, page.getByRole('button', { name: pl.apply.environment.submit }));

  // 2. Sign in with a test identity (company seal).
  await expectStep(page, pl.apply.signIn.heading);
  await expect(radio(page, pl.apply.signIn.methods['test-identity'])).toBeChecked();
  await typeInto(page, page.getByLabel(pl.apply.signIn.organizationName), 'Biuro Klawiatury');
  await checkStep(page, testInfo, '2-sign-in');
  await press(page, page.getByRole('button', { name: pl.apply.signIn.submitIdentity }));

  // 3. Data and limits.
  await expectStep(page, pl.apply.data.heading);
  await expect(page.getByText(pl.apply.data.canRequest)).toBeVisible({ timeout: 30_000 });
  await checkStep(page, testInfo, '3-data');
  await press(page, page.getByRole('button', { name: pl.apply.data.next }));

  // 4. Details: the purpose group is walked with the arrow keys, then back to Authentication.
  await expectStep(page, pl.apply.details.heading);
  await typeInto(page, page.getByLabel(pl.apply.details.name), application.name);
  const authentication = radio(page, pl.apply.details.purposes.Authentication);
  const offline = radio(page, pl.apply.details.purposes.Offline);
  await tabTo(page, authentication);
  await page.keyboard.press('ArrowDown');
  await expect(offline).toBeChecked();
  await expect(offline).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(authentication).toBeChecked();
  await expect(radio(page, pl.apply.details.keyTypes['EC-P256'])).toBeChecked();
  // Shift+Tab goes back to the name, Tab forward again to the purpose.
  await tabTo(page, page.getByLabel(pl.apply.details.name), 'Shift+Tab');
  await tabTo(page, authentication);
  await checkStep(page, testInfo, '4-details');
  await press(page, page.getByRole('button', { name: pl.apply.details.submit }));

  // 5. Key and password, the save proof, the confirmation.
  await expectStep(page, pl.apply.key.heading);
  await typeInto(page, page.getByLabel(pl.apply.key.password, { exact: true }), KEY_PASSWORD);
  await typeInto(page, page.getByLabel(pl.apply.key.confirm, { exact: true }), KEY_PASSWORD);
  await checkStep(page, testInfo, '5-key');
  const generate = page.getByRole('button', { name: pl.apply.key.generate });
  await tabTo(page, generate);
  const key = await download(page, testInfo, () => page.keyboard.press('Enter'));
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));
  await expect(page.getByText(pl.apply.key.saved(key.name))).toBeVisible();
  const keyFile = page.getByLabel(pl.apply.key.proveFile);
  await tabTo(page, keyFile);
  await keyFile.setInputFiles(key.path);
  await expect(page.getByText(key.name, { exact: true })).toBeVisible();
  await typeInto(page, page.getByLabel(pl.apply.key.provePassword, { exact: true }), KEY_PASSWORD);
  await checkStep(page, testInfo, '5-key-saved');
  await press(page, page.getByRole('button', { name: pl.apply.key.prove }));
  await expect(page.getByText(pl.apply.key.proven(key.name))).toBeVisible();
  const stored = page.getByLabel(pl.apply.key.stored);
  await tabTo(page, stored, 'Shift+Tab');
  await page.keyboard.press('Space');
  await expect(stored).toBeChecked();
  await checkStep(page, testInfo, '5-key-proven');
  await press(page, page.getByRole('button', { name: pl.apply.key.next }));

  // 6. Review and submit.
  await expectStep(page, pl.apply.review.heading);
  await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(0);
  await checkStep(page, testInfo, '6-review');
  await press(page, page.getByRole('button', { name: pl.apply.review.submit }));

  // 7. The certificate.
  await expectStep(page, pl.apply.result.heading);
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs', { timeout: 30_000 });
  const crt = await nextDownload(page, testInfo, '.crt');
  expect(crt.name).toBe(key.name.replace(/\.key$/, '.crt'));
  await checkStep(page, testInfo, '7-result');
  const again = await download(page, testInfo, async () => {
    await tabTo(page, page.getByRole('button', { name: pl.apply.result.downloadCertificateAgain(crt.name) }));
    await page.keyboard.press('Enter');
  });
  expect(again.name).toBe(crt.name);
  expectPairOnDisk({ key, crt }, application, KEY_PASSWORD);

  // No PFX was made: the question comes first, its cancelling answer focused; Tab, Enter signs out.
  await press(page, page.getByRole('button', { name: pl.apply.result.signOut }));
  const dialog = page.getByRole('dialog', { name: pl.apply.result.unsaved.title });
  await expect(dialog.getByRole('button', { name: pl.apply.result.unsaved.cancel })).toBeFocused();
  await press(page, dialog.getByRole('button', { name: pl.apply.result.unsaved.confirm }));
  await expectStep(page, pl.apply.environment.heading);
  await checkStep(page, testInfo, '8-resume-list');
});
