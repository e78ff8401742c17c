import { readFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { pl } from '../src/messages/pl.ts';
import { expect, screenshot, test } from './support/app-test.ts';
import {
  checkStep,
  chooseSandbox,
  control,
  download,
  fillDetails,
  generateKey,
  KEY_PASSWORD,
  keyMaterial,
  nextDownload,
  openssl,
  proveKey,
  randomNip,
  resetSandbox,
  signInAsSeal,
  signOut,
  stepHeading,
  useOlderAnswerShapes,
} from './support/apply-journey.ts';

/*
 * Journey (1) of the application wizard against the local sandbox, and the journeys that end in an
 * error. Some change the sandbox's global behaviour (limits, faults, timing) through its controls: the
 * 'apply' project of playwright.config.ts runs the wizard's journeys one at a time, each from a reset
 * sandbox. The other journeys have a file each (apply-renewal, apply-external-signature, apply-resume,
 * apply-session, apply-keyboard).
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

const JOURNEY_1 =
  'journey 1: test identity (company seal), Authentication, EC: a .crt that pairs, a PFX and a reminder';

test(JOURNEY_1, async ({ page, secrets }, testInfo) => {
  await journeyOne(page, secrets, testInfo);
});

// The same journey against the answers real KSeF TEST sent in January 2026 (docs/ksef-contract.md §14a).
test(`${JOURNEY_1}, against the older KSeF answers`, async ({ page, request, secrets }, testInfo) => {
  const older = await useOlderAnswerShapes(page, request);
  await journeyOne(page, secrets, testInfo);
  await older.expectMet();
  await older.switchOff();
});

async function journeyOne(page: Page, secrets: string[], testInfo: TestInfo): Promise<void> {
  test.setTimeout(180_000);
  const nip = randomNip();
  secrets.push(KEY_PASSWORD);

  await chooseSandbox(page, testInfo, nip);
  await signInAsSeal(page, testInfo, 'Biuro Rachunkowe Próba');
  await expect(page.getByText(pl.apply.data.canRequest)).toBeVisible();
  await expect(page.getByText(`VATPL-${nip}`)).toBeVisible();
  await checkStep(page, testInfo, '3-data');
  await page.getByRole('button', { name: pl.apply.data.next }).click();

  await expect(stepHeading(page, pl.apply.details.heading)).toBeFocused();
  await fillDetails(page, 'Program księgowy 1', 'Authentication', 'EC-P256');
  await checkStep(page, testInfo, '4-details');
  await page.getByRole('button', { name: pl.apply.details.submit }).click();

  await expect(stepHeading(page, pl.apply.key.heading)).toBeFocused();
  await expect(page.getByText(pl.apply.key.warning)).toBeVisible();
  await checkStep(page, testInfo, '5-key');
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  expect(key.name).toMatch(/\.key$/);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));
  // No way forward until the save is proven.
  await expect(page.getByRole('button', { name: pl.apply.key.next })).toHaveCount(0);
  await checkStep(page, testInfo, '5-key-saved');
  await proveKey(page, key.path, KEY_PASSWORD);
  await expect(page.getByText(pl.apply.key.proven(key.name))).toBeVisible();
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expect(page.getByText(pl.apply.key.storedRequired)).toBeVisible();
  await page.getByLabel(pl.apply.key.stored).check();
  await checkStep(page, testInfo, '5-key-proven');
  await page.getByRole('button', { name: pl.apply.key.next }).click();

  await expect(stepHeading(page, pl.apply.review.heading)).toBeFocused();
  const checks = page.locator('[data-check]');
  await expect(checks.first()).toBeVisible();
  await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(0);
  await checkStep(page, testInfo, '6-review');
  await page.getByRole('button', { name: pl.apply.review.submit }).click();

  await expect(stepHeading(page, pl.apply.result.heading)).toBeFocused({ timeout: 60_000 });
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs', { timeout: 30_000 });
  await expect(page.getByText(pl.apply.result.pairs)).toBeVisible();
  // The .crt is on disk without a click, under the name the card gives; it can be saved again.
  const crt = await nextDownload(page, testInfo, '.crt');
  expect(crt.name).toBe(key.name.replace(/\.key$/, '.crt'));
  await expect(page.getByText(pl.apply.result.source.saved(crt.name), { exact: true })).toBeVisible();
  await checkStep(page, testInfo, '7-result');
  const again = await download(page, testInfo, () =>
    page.getByRole('button', { name: pl.apply.result.downloadCertificateAgain(crt.name) }).click(),
  );
  expect(again.name).toBe(crt.name);
  const keyPublic = openssl(['pkey', '-in', key.path, '-passin', `pass:${KEY_PASSWORD}`, '-pubout']);
  const crtPublic = openssl(['x509', '-in', crt.path, '-noout', '-pubkey']);
  expect(crtPublic).toBe(keyPublic);
  expect(openssl(['x509', '-in', crt.path, '-noout', '-ext', 'keyUsage'])).toContain('Digital Signature');
  expect(openssl(['x509', '-in', crt.path, '-noout', '-text'])).toContain('ASN1 OID: prime256v1');

  // The PFX is protected by the key's password (the state layer opens the saved key with it).
  await page.getByLabel(pl.pfx.keyPassword, { exact: true }).fill(KEY_PASSWORD);
  // What the PFX status says in each frame the browser paints (requestAnimationFrame runs just before a
  // paint): the busy text must be painted, not only be in the DOM while the main thread is held.
  await page.evaluate(() => {
    const frames: string[] = [];
    Object.assign(window, { pfxStatusFrames: frames });
    const tick = () => {
      frames.push(document.querySelector('[data-pfx-status]')?.textContent ?? '');
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const pfx = await download(page, testInfo, () => page.getByRole('button', { name: pl.pfx.submit }).click());
  const frames = await page.evaluate(() => (window as unknown as { pfxStatusFrames: string[] }).pfxStatusFrames);
  expect(frames).toContain(pl.pfx.exporting);
  expect(pfx.name).toBe(key.name.replace(/\.key$/, '.pfx'));
  openssl(['pkcs12', '-info', '-in', pfx.path, '-passin', `pass:${KEY_PASSWORD}`, '-noout']);
  const pfxCertificate = openssl(['pkcs12', '-in', pfx.path, '-passin', `pass:${KEY_PASSWORD}`, '-nokeys', '-clcerts']);
  expect(openssl(['x509', '-noout', '-pubkey'], pfxCertificate)).toBe(keyPublic);

  const ics = await download(page, testInfo, () =>
    page.getByRole('button', { name: pl.apply.result.reminder }).click(),
  );
  const calendar = readFileSync(ics.path, 'utf8');
  expect(calendar).toContain('BEGIN:VCALENDAR');
  expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(2);

  const summary = page.getByRole('region', { name: pl.apply.result.summaryHeading });
  await expect(summary).toContainText(crt.name);
  await expect(summary).toContainText(key.name);
  await checkStep(page, testInfo, '7-result-saved');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, testInfo, '7-print');
  await page.emulateMedia({ media: 'screen' });

  // Everything saved: signing out asks nothing.
  await signOut(page, false);
  // Downloaded: the list offers it again rather than "continue".
  await expect(page.getByRole('button', { name: pl.apply.resume.downloadAgain('Program księgowy 1') })).toHaveText(
    pl.apply.resume.downloadAgainShort,
  );
  await checkStep(page, testInfo, '8-resume-list');
}

test('errors: an invalid name and password show why in the checklist, and there is no way forward', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await chooseSandbox(page, null, randomNip());
  await signInAsSeal(page, null, 'Firma Błędów');
  await page.getByRole('button', { name: pl.apply.data.next }).click();

  await page.getByLabel(pl.apply.details.name).fill('Zły/nazwa');
  await expect(page.locator('[data-rule="allowed-characters"]')).toHaveAttribute('data-ok', 'false');
  await expect(page.locator('[data-rule="length"]')).toHaveAttribute('data-ok', 'true');
  // Grey until a submit; then the unmet rule is red with ✗ and the message names the character.
  await expect(page.locator('[data-rule="allowed-characters"]')).not.toHaveClass(/rule-bad/);
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expect(page.locator('[data-rule="allowed-characters"]')).toHaveClass(/rule-bad/);
  await expect(page.locator('[data-rule="allowed-characters"] .rule-icon')).toHaveText('✗');
  await expect(page.getByText(pl.apply.details.nameCharacters('„/”'))).toBeVisible();
  await expect(page.getByLabel(pl.apply.details.name)).toHaveAttribute('aria-invalid', 'true');
  await expect(stepHeading(page, pl.apply.details.heading)).toBeVisible();
  await checkStep(page, testInfo, 'invalid-name');

  await page.getByLabel(pl.apply.details.name).fill('Abc');
  await expect(page.locator('[data-rule="length"]')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByText(pl.apply.details.nameLength(3))).toBeVisible();
  await page.getByLabel(pl.apply.details.name).fill('Nazwa poprawna');
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expect(stepHeading(page, pl.apply.key.heading)).toBeFocused();

  await page.getByLabel(pl.apply.key.password, { exact: true }).fill('krotkie');
  await page.getByLabel(pl.apply.key.confirm, { exact: true }).fill('inne');
  for (const rule of ['length', 'uppercase', 'digit', 'special']) {
    await expect(page.locator(`[data-rule="${rule}"]`)).toHaveAttribute('data-ok', 'false');
  }
  await expect(page.locator('[data-rule="lowercase"]')).toHaveAttribute('data-ok', 'true');
  await page.getByRole('button', { name: pl.apply.key.generate }).click();
  await expect(page.getByText(pl.newPassword.invalid(pl.newPassword.rules.length))).toBeVisible();
  await expect(page.locator('[data-rule="length"]')).toHaveClass(/rule-bad/);
  await expect(page.getByText(pl.newPassword.confirmMismatch)).toBeVisible();
  await expect(page.getByRole('button', { name: pl.apply.key.next })).toHaveCount(0);
  await checkStep(page, testInfo, 'invalid-password');
});

/** The name of the file chosen in the save proof's file field. */
const chosenFileName = (page: Page) =>
  page.getByLabel(pl.apply.key.proveFile).evaluate((input) => (input as HTMLInputElement).files?.[0]?.name ?? null);

/** Whether the focused element is, or holds, the element `selector` finds. */
const focusHolds = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const target = document.querySelector(s);
    return target !== null && document.activeElement?.contains(target) === true;
  }, selector);

test('errors: a wrong file or a wrong password at the save proof, then the right ones', async ({
  page,
  secrets,
}, testInfo) => {
  test.setTimeout(120_000);
  secrets.push(KEY_PASSWORD);
  await chooseSandbox(page, null, randomNip());
  await signInAsSeal(page, null, 'Firma Dowodu');
  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await fillDetails(page, 'Dowod zapisu', 'Authentication', 'EC-P256');
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));

  await proveKey(page, key.path, 'Zle-Haslo-2025!xx');
  await expect(page.locator('[data-problem="crypto:wrong-password"]')).toContainText(pl.cryptoErrors['wrong-password']);
  await expect(page.getByRole('button', { name: pl.apply.key.next })).toHaveCount(0);
  // The chosen file stays, only the password is cleared, and the message has the focus.
  expect(await chosenFileName(page)).toBe(key.name);
  await expect(page.getByLabel(pl.apply.key.provePassword, { exact: true })).toHaveValue('');
  expect(await focusHolds(page, '[data-problem="crypto:wrong-password"]')).toBe(true);
  await checkStep(page, testInfo, 'proof-wrong-password');

  // Another key (an unrelated .key made by openssl with the same password).
  const other = testInfo.outputPath('inny.key');
  openssl([
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-aes-256-cbc',
    '-pass',
    `pass:${KEY_PASSWORD}`,
    '-out',
    other,
  ]);
  await proveKey(page, other, KEY_PASSWORD);
  await expect(page.locator('[data-problem="apply:key-file-mismatch"]')).toContainText(
    pl.applyErrors['key-file-mismatch'],
  );
  await expect(page.getByRole('button', { name: pl.apply.key.next })).toHaveCount(0);
  expect(await chosenFileName(page)).toBe('inny.key');
  expect(await focusHolds(page, '[data-problem="apply:key-file-mismatch"]')).toBe(true);
  await checkStep(page, testInfo, 'proof-wrong-file');

  const again = await download(page, testInfo, () =>
    page.getByRole('button', { name: pl.apply.key.saveAgain }).click(),
  );
  expect(again.name).toBe(key.name);
  await proveKey(page, again.path, KEY_PASSWORD);
  await expect(page.getByText(pl.apply.key.proven(again.name))).toBeVisible();
  await expect(page.getByRole('button', { name: pl.apply.key.next })).toBeVisible();
});

test('errors: a reached limit stops the wizard at the limits and says why', async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  await control(request, 'PUT', '/limits', { enrollment: 0, certificate: 0 });
  await chooseSandbox(page, null, randomNip());
  await signInAsSeal(page, null, 'Firma Limitu');
  await expect(page.getByText(pl.apply.data.cannotRequest)).toBeVisible();
  await expect(page.getByRole('button', { name: pl.apply.data.next })).toHaveCount(0);
  await expect(page.getByRole('button', { name: pl.apply.startOver })).toBeVisible();
  await checkStep(page, testInfo, 'limit-reached');
});

/** Journey up to the review step, for the submission errors. */
async function untilReview(page: Page, testInfo: TestInfo, secrets: string[], name: string) {
  secrets.push(KEY_PASSWORD);
  await chooseSandbox(page, null, randomNip());
  await signInAsSeal(page, null, `Firma ${name}`);
  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await fillDetails(page, name, 'Authentication', 'EC-P256');
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));
  await proveKey(page, key.path, KEY_PASSWORD);
  await page.getByLabel(pl.apply.key.stored).check();
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expect(stepHeading(page, pl.apply.review.heading)).toBeFocused();
}

test('errors: status 550 is explained and a retry gets the certificate', async ({
  page,
  request,
  secrets,
}, testInfo) => {
  test.setTimeout(180_000);
  await untilReview(page, testInfo, secrets, 'Wniosek anulowany');
  await control(request, 'PUT', '/next-enrollment-status', { code: 550 });
  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  await expect(page.locator('[data-problem="ksef:enrollment-cancelled"]')).toContainText(
    pl.ksefErrors['enrollment-cancelled'],
    { timeout: 60_000 },
  );
  await checkStep(page, testInfo, 'status-550');
  await page.getByRole('button', { name: pl.apply.review.retry }).click();
  await expect(stepHeading(page, pl.apply.result.heading)).toBeFocused({ timeout: 60_000 });
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs', { timeout: 30_000 });
});

test('errors: 429 while polling is waited out, and the certificate still comes', async ({
  page,
  request,
  secrets,
  expectedConsoleErrors,
}, testInfo) => {
  test.setTimeout(180_000);
  expectedConsoleErrors.push(/status of 429/);
  await untilReview(page, testInfo, secrets, 'Wniosek spowolniony');
  await control(request, 'PUT', '/timing', { enrollmentPendingPolls: 2 });
  await control(request, 'POST', '/faults', {
    path: '^/certificates/enrollments/[^/]+$',
    status: 429,
    times: 2,
    retryAfterSeconds: 1,
  });
  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  await expect(stepHeading(page, pl.apply.result.heading)).toBeFocused({ timeout: 90_000 });
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs', { timeout: 30_000 });
  await checkStep(page, testInfo, 'after-429');
});
