import { en } from '../src/messages/en.ts';
import { pl } from '../src/messages/pl.ts';
import { APPLICATIONS_KEY, expect, expectAccessible, screenshot, test } from './support/app-test.ts';
import {
  checkStep,
  fillDetails,
  generateKey,
  KEY_PASSWORD,
  keyMaterial,
  proveKey,
  resetSandbox,
  signInAsSeal,
  stepHeading,
} from './support/apply-journey.ts';

/*
 * Issue 12's words: NIP messages and the example NIP on step 1, a company seal's review without
 * person attributes, an Offline result that does not promise sign-in, and removing a saved
 * application (a modal confirmation, axe-clean, gone after a reload).
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

const RECORD = {
  environment: 'sandbox',
  contextNip: '5265877635',
  certificateType: 'Authentication',
  keyAlgorithm: 'EC-P256',
  createdAt: '2026-03-02T10:00:00.000Z',
  publicKeyFingerprint: 'A'.repeat(64),
  serialNumber: null,
};
const PENDING = {
  ...RECORD,
  id: 'pending',
  referenceNumber: '20260302-EH-1111111111-AAAAAAAAAA-01',
  certificateName: 'Księgowość Żółw 2026',
  status: 'submitted',
};
const DOWNLOADED = {
  ...RECORD,
  id: 'downloaded',
  referenceNumber: '20260302-EH-2222222222-BBBBBBBBBB-01',
  certificateName: 'Program magazynowy',
  status: 'downloaded',
  serialNumber: '01F20A5D352AE590',
};

test('saved applications: one is removed after a confirmation, and it stays gone after a reload', async ({
  page,
}, testInfo) => {
  // Three axe scans and two reloads: generous on a shared, busy machine.
  test.setTimeout(150_000);
  await page.goto('./#/apply');
  await page.evaluate(([key, records]) => localStorage.setItem(key, JSON.stringify(records)), [
    APPLICATIONS_KEY,
    [PENDING, DOWNLOADED],
  ] as const);
  await page.reload();
  const list = page.getByRole('region', { name: pl.apply.resume.heading });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  // A finished application offers its certificate again; an unfinished one is continued.
  await expect(
    list.getByRole('button', { name: pl.apply.resume.downloadAgain(DOWNLOADED.certificateName) }),
  ).toHaveText(pl.apply.resume.downloadAgainShort);
  await expect(list.getByRole('button', { name: pl.apply.resume.continue(PENDING.certificateName) })).toBeVisible();

  const remove = list.getByRole('button', { name: pl.apply.resume.remove(PENDING.certificateName) });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: pl.apply.resume.removeTitle(PENDING.certificateName) });
  await expect(dialog).toBeVisible();
  // What stays is said, with the file name the wizard saved the key under.
  await expect(dialog).toContainText(pl.apply.resume.removeKeeps('Ksiegowosc-Zolw-2026.key'));
  await expect(dialog.getByRole('button', { name: pl.apply.resume.removeCancel })).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'remove-dialog');

  // Escape keeps it, and the focus goes back to the button that asked.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await remove.click();
  await dialog.getByRole('button', { name: pl.apply.resume.removeConfirm }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('status')).toContainText(pl.apply.resume.removed(PENDING.certificateName));
  await expect(page.getByRole('heading', { level: 2, name: pl.apply.resume.heading })).toBeFocused();
  await checkStep(page, testInfo, 'removed');

  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText(DOWNLOADED.certificateName);
  await expect(list).not.toContainText(PENDING.certificateName);
  const stored = await page.evaluate((key) => localStorage.getItem(key), APPLICATIONS_KEY);
  expect((JSON.parse(stored ?? '[]') as { id: string }[]).map((r) => r.id)).toEqual(['downloaded']);

  // In English too: the dialog's words come from the English catalog.
  await page.getByRole('group', { name: pl.app.languageSwitch }).getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: en.apply.resume.remove(DOWNLOADED.certificateName) }).click();
  await expect(
    page.getByRole('dialog', { name: en.apply.resume.removeTitle(DOWNLOADED.certificateName) }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: en.apply.resume.removeConfirm }).click();
  await expect(page.getByRole('region', { name: en.apply.resume.heading })).toContainText(
    en.apply.resume.removed(DOWNLOADED.certificateName),
  );
});

test('step 1: each NIP mistake has its own words, dashes are fine, and the sandbox offers an example', async ({
  page,
}, testInfo) => {
  await page.goto('./#/apply');
  const nip = page.getByLabel(pl.apply.environment.nip);
  const submit = page.getByRole('button', { name: pl.apply.environment.submit });

  await submit.click();
  await expect(page.getByText(pl.identifiers.nip.empty)).toBeVisible();
  await expect(nip).toHaveAttribute('aria-invalid', 'true');
  await nip.fill('526-587-76');
  await expect(page.getByText(pl.identifiers.nip.length(8))).toBeVisible();
  await nip.fill('526-587-76-36');
  await expect(page.getByText(pl.identifiers.nip.checksum)).toBeVisible();
  await checkStep(page, testInfo, 'nip-checksum');

  await expect(page.getByText(pl.identifiers.nipExampleNote)).toBeVisible();
  await page.getByRole('button', { name: pl.identifiers.exampleNip }).click();
  await expect(nip).toHaveValue(/^\d{10}$/);
  await expect(nip).toHaveAttribute('aria-invalid', 'false');
  // Only where any valid NIP works: not on DEMO or production.
  await page.getByRole('radio', { name: new RegExp(pl.apply.environment.names.demo) }).check();
  await expect(page.getByRole('button', { name: pl.identifiers.exampleNip })).toHaveCount(0);
  await page.getByRole('radio', { name: new RegExp(pl.apply.environment.names.sandbox) }).check();

  await nip.fill('526-587-76-35');
  await submit.click();
  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeFocused();
  // The test identity uses the context NIP as stored: bare digits.
  await expect(page.getByRole('textbox', { name: pl.apply.signIn.identityNip, exact: true })).toHaveValue('5265877635');
});

test('an Offline certificate for a company seal: no person checks at review, no sign-in promise at the result', async ({
  page,
  secrets,
}, testInfo) => {
  test.setTimeout(180_000);
  secrets.push(KEY_PASSWORD);
  await page.goto('./#/apply');
  await page.getByRole('button', { name: pl.identifiers.exampleNip }).click();
  await page.getByRole('button', { name: pl.apply.environment.submit }).click();
  await signInAsSeal(page, null, 'Biuro Słów sp. z o.o.');
  await expect(page.getByText('Zalogowano jako', { exact: false })).toContainText('sp. z o.o.');
  await expect(page.getByText(/o\.o\.\./)).toHaveCount(0);

  // The test identity card: no "this password" before a password field, no two buttons of one name.
  await expect(page.getByText(pl.apply.data.saveIdentityIntro)).toBeVisible();
  await page.getByRole('button', { name: pl.apply.data.saveIdentity }).click();
  await expect(page.getByRole('button', { name: pl.apply.data.saveIdentity })).toHaveCount(1);
  await expect(page.getByRole('button', { name: pl.apply.data.saveIdentitySubmit })).toBeVisible();
  await checkStep(page, testInfo, '3-data');

  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await expect(page.getByRole('group', { name: pl.apply.details.purposeLegend, exact: true })).toBeVisible();
  await fillDetails(page, 'Pieczęć offline', 'Offline', 'EC-P256');
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));
  await proveKey(page, key.path, KEY_PASSWORD);
  await page.getByLabel(pl.apply.key.stored).check();
  await page.getByRole('button', { name: pl.apply.key.next }).click();

  await expect(stepHeading(page, pl.apply.review.heading)).toBeFocused();
  await expect(page.locator('[data-check="attribute"]').first()).toBeVisible();
  await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(0);
  for (const person of [pl.apply.data.attributes.surname, pl.apply.data.attributes.givenName]) {
    await expect(page.getByText(pl.apply.review.checks.attribute(person))).toHaveCount(0);
  }
  await expect(
    page.getByText(pl.apply.review.checks.attribute(pl.apply.data.attributes.organizationName)),
  ).toBeVisible();
  await checkStep(page, testInfo, '6-review');
  await page.getByRole('button', { name: pl.apply.review.submit }).click();

  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs', { timeout: 90_000 });
  await expect(page.getByText(pl.apply.result.pairsDetail.Offline)).toBeVisible();
  await expect(page.getByText(pl.apply.result.pairsDetail.Authentication)).toHaveCount(0);
  await checkStep(page, testInfo, '7-result-offline');
});
