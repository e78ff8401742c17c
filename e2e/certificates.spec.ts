import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { certificatesPl as c } from '../src/messages/certificates-pl.ts';
import { offlineLinkPl as o } from '../src/messages/offline-link-pl.ts';
import { pl } from '../src/messages/pl.ts';
import { safeFileName } from '../src/state/file-name.ts';
import { replacementName } from '../src/state/replacement.ts';
import { expect, expectAccessible, fileReaderReady, openChecker, test } from './support/app-test.ts';
import {
  control,
  download,
  downloadPairedCertificate,
  generateKey,
  KEY_PASSWORD,
  keyMaterial,
  openssl,
  proveKey,
  randomNip,
  resetSandbox,
  signInAsSeal,
  stepHeading,
} from './support/apply-journey.ts';
import { seedCertificates, type SeedCertificate } from './support/certificates-seed.ts';

/*
 * "My certificates" (`#/certificates`) on the sandbox: 200 certificates of one subject, made through
 * the sandbox's API outside the page, then listed page by page, filtered, downloaded again and paired
 * with a saved `.key` (openssl confirms both files), and revoked: once refused with 25009 (revoked
 * elsewhere while the list showed it active), once for real. axe on every state.
 */

/** The name the seeding seal signs with: its certificates carry it as the owner. */
const OWNER = 'Sp. z o.o. Lista';
const KEYED = 'Para z kluczem';
const STALE = 'Para druga';
const OTHER = 'Inny certyfikat';
/** The FA(3) invoice of the offline codes screen's tests. */
const INVOICE = resolve(import.meta.dirname, '..', 'tests/fixtures/offline-link/invoice-fa3.xml');

/** A sentence's words before its one parameter (a date), to find it whatever the date. */
const textBefore = (sentence: (date: string) => string): string => sentence('\u0000').split('\u0000')[0] ?? '';
const SEEDED = 200;

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
  await control(request, 'PUT', '/limits', { enrollment: 1000, certificate: 1000 });
  await control(request, 'PUT', '/timing', {
    authDelayMs: 0,
    authPendingPolls: 0,
    enrollmentDelayMs: 0,
    enrollmentPendingPolls: 0,
  });
});

test.afterEach(async ({ request }) => {
  await resetSandbox(request);
});

/** axe, and a full-page screenshot into the test output as `certificates-<name>.png`. */
async function checkState(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath(`certificates-${name}.png`), fullPage: true });
}

const rows = (page: Page) => page.locator('tr[data-serial]');
const row = (page: Page, name: string) =>
  page.locator('tr[data-serial]', { has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });

async function showPage(page: Page, next: boolean): Promise<number> {
  const started = Date.now();
  await page.getByRole('button', { name: next ? c.nextPage : c.previousPage }).click();
  await expect(page.locator('[data-list="done"]')).toBeVisible();
  return Date.now() - started;
}

/** Sets every filter (those not given to "any") and shows the list: one load per call. */
async function filter(
  page: Page,
  filters: { status?: string; type?: string; name?: string; expiresBefore?: string },
): Promise<void> {
  await page.getByLabel(c.filters.status).selectOption(filters.status ?? '');
  await page.getByLabel(c.filters.type).selectOption(filters.type ?? '');
  await page.getByLabel(c.filters.name).fill(filters.name ?? '');
  await page.getByLabel(c.filters.expiresBefore).fill(filters.expiresBefore ?? '');
  await page.getByRole('button', { name: c.filters.apply, exact: true }).click();
  await expect(page.locator('[data-list="done"]')).toBeVisible();
}

const isoDay = (yearsAhead: number) => {
  const day = new Date();
  day.setFullYear(day.getFullYear() + yearsAhead);
  return day.toISOString().slice(0, 10);
};

/**
 * Environment and context, then (once `ready`) a test identity of `nip` (the seeded subject): the
 * list's first page. @returns the time from the sign-in button to the first page shown.
 */
async function signIn(
  page: Page,
  testInfo: TestInfo,
  nip: string,
  check: boolean,
  ready: Promise<unknown> = Promise.resolve(),
): Promise<number> {
  await page.goto('./#/certificates');
  await expect(page.getByRole('heading', { level: 1, name: pl.certificates.title })).toBeVisible();
  await fileReaderReady(page);
  await page.getByLabel(pl.apply.environment.nip).fill(nip);
  if (check) await checkState(page, testInfo, '1-environment');
  await page.getByRole('button', { name: pl.apply.environment.submit }).click();
  await expect(page.getByRole('heading', { level: 2, name: pl.apply.signIn.heading })).toBeVisible();
  await page.getByLabel(pl.apply.signIn.organizationName).fill('Sp. z o.o. Przeglądarka');
  if (check) await checkState(page, testInfo, '2-sign-in');
  // The subject's certificates are made meanwhile, outside the page.
  await ready;
  const started = Date.now();
  await page.getByRole('button', { name: pl.apply.signIn.submitIdentity }).click();
  await expect(page.locator('[data-list="done"]')).toBeVisible({ timeout: 30_000 });
  return Date.now() - started;
}

const serialsShown = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-serial') ?? ''));

test('200 certificates: four pages of 50, newest first, and the filters', async ({ page, baseURL }, testInfo) => {
  const nip = randomNip();
  const certificates: SeedCertificate[] = Array.from({ length: SEEDED }, (_, i) => ({
    name: `Seria ${String(i).padStart(3, '0')}`,
    type: i % 5 === 0 ? ('Offline' as const) : ('Authentication' as const),
  }));
  const seeding = seedCertificates(baseURL ?? '', nip, certificates, KEY_PASSWORD);
  const firstPage = await signIn(page, testInfo, nip, true, seeding);
  const seeded = await seeding;
  expect(seeded.serials.size).toBe(SEEDED);
  await expect(page.locator('[data-limit="enrollment"]')).toHaveText(c.enrollmentLimit(1000 - SEEDED, 1000));
  await expect(page.locator('[data-limit="certificate"]')).toHaveText(c.activeLimit(1000 - SEEDED, 1000));
  await expect(page.getByText(c.ownNone)).toBeVisible();
  await expect(rows(page)).toHaveCount(50);
  await expect(page.getByText(c.pageShown(1, 1, 50))).toBeVisible();
  await expect(page.locator('tr[data-status="Active"]')).toHaveCount(50);
  await checkState(page, testInfo, '3-list');

  // Every serial once over four pages, in KSeF's order (the sandbox lists the newest request first).
  const shown = await serialsShown(page);
  const pageTimes: number[] = [];
  for (let p = 2; p <= 4; p++) {
    pageTimes.push(await showPage(page, true));
    await expect(page.getByText(c.pageShown(p, (p - 1) * 50 + 1, p * 50))).toBeVisible();
    shown.push(...(await serialsShown(page)));
  }
  expect(new Set(shown).size).toBe(SEEDED);
  expect(shown).toEqual(seeded.order);
  await expect(page.getByRole('button', { name: c.nextPage })).toBeDisabled();
  await showPage(page, false);
  await expect(page.getByText(c.pageShown(3, 101, 150))).toBeVisible();
  // Page 1 again (limits and the page, as every load does): with pages 2-4, the whole list of 200.
  const reloadStarted = Date.now();
  await page.getByRole('button', { name: c.filters.reset }).click();
  await expect(page.getByText(c.pageShown(1, 1, 50))).toBeVisible();
  const page1 = Date.now() - reloadStarted;
  const total = page1 + pageTimes.reduce((a, b) => a + b, 0);
  const timing = `sign-in to the first page ${firstPage} ms; page 1 ${page1} ms, pages 2-4 ${pageTimes.join(', ')} ms: 200 certificates in ${total} ms`;
  testInfo.annotations.push({ type: 'timing', description: timing });
  console.warn(`certificates list: ${timing}`);

  // Filters: type and status (KSeF's), "expires before" (this page's rows), name (KSeF's).
  await filter(page, { type: 'Offline' });
  await expect(rows(page)).toHaveCount(40);
  await expect(page.locator('tr[data-serial]', { hasText: c.statusNames.Active })).toHaveCount(40);
  await expect(page.getByRole('button', { name: c.nextPage })).toBeDisabled();
  await filter(page, { status: 'Revoked' });
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText(c.pageEmpty(1))).toBeVisible();
  await checkState(page, testInfo, '4-filtered-empty');
  await filter(page, { expiresBefore: isoDay(1) });
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText(c.hiddenByExpiry(50), { exact: false })).toBeVisible();
  await filter(page, { expiresBefore: isoDay(5) });
  await expect(rows(page)).toHaveCount(50);
  await filter(page, { name: 'seria 19' });
  await expect(rows(page)).toHaveCount(10);
});

test('download again, pair with the saved .key, revoke (25009 for one revoked meanwhile)', async ({
  page,
  baseURL,
  secrets,
  expectedConsoleErrors,
}, testInfo) => {
  // KSeF's refusal of the second revocation (25009) is an HTTP 400, which the browser logs.
  expectedConsoleErrors.push(/status of 400/);
  const nip = randomNip();
  const keyPath = testInfo.outputPath('para.key');
  const seeded = await seedCertificates(
    baseURL ?? '',
    nip,
    [
      { name: KEYED, type: 'Authentication', keyPath },
      { name: STALE, type: 'Offline' },
      { name: OTHER, type: 'Authentication' },
    ],
    KEY_PASSWORD,
  );
  secrets.push(KEY_PASSWORD, ...keyMaterial(keyPath, KEY_PASSWORD));
  await signIn(page, testInfo, nip, false);
  await expect(rows(page)).toHaveCount(3);

  // Download again, named as the wizard names its files; openssl: the .crt is the key's.
  const serial = seeded.serials.get(KEYED) ?? '';
  const crt = await download(page, testInfo, () =>
    row(page, KEYED).getByRole('button', { name: c.downloadOne }).click(),
  );
  expect(crt.name).toBe(`${safeFileName(OWNER, '')}_${serial}.crt`);
  expect(openssl(['x509', '-in', crt.path, '-noout', '-serial']).trim()).toBe(`serial=${serial}`);
  const keyPublic = openssl(['pkey', '-in', keyPath, '-passin', `pass:${KEY_PASSWORD}`, '-pubout']);
  expect(openssl(['x509', '-in', crt.path, '-noout', '-pubkey'])).toBe(keyPublic);

  // Pair with the saved .key: a PFX under the key's password holding that certificate and key.
  await page.getByLabel(c.pair.keyFile).setInputFiles(keyPath);
  await page.getByLabel(c.pair.password).fill(KEY_PASSWORD);
  const pfx = await download(page, testInfo, () => page.getByRole('button', { name: c.pair.submit }).click());
  expect(pfx.name).toBe(`${safeFileName(OWNER, '')}_${serial}.pfx`);
  const pfxCertificate = openssl(['pkcs12', '-in', pfx.path, '-passin', `pass:${KEY_PASSWORD}`, '-nokeys']);
  expect(openssl(['x509', '-noout', '-pubkey'], pfxCertificate)).toBe(keyPublic);
  const pfxKey = openssl(['pkcs12', '-in', pfx.path, '-passin', `pass:${KEY_PASSWORD}`, '-nocerts', '-nodes']);
  expect(openssl(['pkey', '-pubout'], pfxKey)).toBe(keyPublic);
  await checkState(page, testInfo, '5-downloaded-and-paired');

  // Paired, the Authentication certificate can be tried: KSeF names whom it saw, the session is ended.
  const deletes: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'DELETE' && sent.url().endsWith('/auth/sessions/current')) deletes.push(sent.url());
  });
  const authTest = page.getByRole('region', { name: pl.authTest.heading });
  await authTest.getByRole('button', { name: pl.authTest.button }).click();
  const answer = authTest.locator('[data-auth-test-result]');
  await expect(answer).toHaveAttribute('data-auth-test-result', 'signed-in', { timeout: 30_000 });
  await expect(answer).toContainText(`kontekst NIP ${nip}; sesja zakończona.`);
  expect(deletes).toHaveLength(1);

  // Two selected rows: two .crt files.
  const files: string[] = [];
  page.on('download', (file) => files.push(file.suggestedFilename()));
  await row(page, KEYED).getByRole('checkbox').check();
  await row(page, STALE).getByRole('checkbox').check();
  await page.getByRole('button', { name: c.download.selected(2) }).click();
  await expect.poll(() => files.length).toBe(2);
  expect(files.sort()).toEqual(
    [serial, seeded.serials.get(STALE) ?? ''].map((s) => `${safeFileName(OWNER, '')}_${s}.crt`).sort(),
  );

  // Revoked elsewhere while the list still shows it active: KSeF's 25009, in words; the row updates.
  await seeded.client.revokeCertificate(seeded.session.tokens, seeded.serials.get(STALE) ?? '', {
    revocationReason: 'Unspecified',
  });
  await row(page, STALE).getByRole('button', { name: c.revoke.button }).click();
  const dialog = page.getByRole('dialog', { name: c.revoke.title(STALE) });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: c.revoke.confirm }).click();
  await expect(page.locator('[data-problem="ksef:certificate-already-revoked"]')).toContainText(
    pl.ksefErrors['certificate-already-revoked'],
  );
  // KSeF (and the sandbox) show a revoked certificate as Blocked for a while, then Revoked.
  await expect(row(page, STALE)).toHaveAttribute('data-status', 'Blocked');
  await checkState(page, testInfo, '6-revoke-refused');

  // Revoke for real: the dialog names the certificate and the consequences; key compromise points to a new application.
  await row(page, KEYED).getByRole('button', { name: c.revoke.button }).click();
  const keyedDialog = page.getByRole('dialog', { name: c.revoke.title(KEYED) });
  await expect(keyedDialog.getByText(c.revoke.which(KEYED, serial))).toBeVisible();
  await expect(keyedDialog.getByText(c.revoke.final)).toBeVisible();
  await expect(keyedDialog.getByText(c.revoke.systemsStop)).toBeVisible();
  await expect(keyedDialog.getByRole('button', { name: c.revoke.cancel })).toBeFocused();
  await keyedDialog.getByRole('radio', { name: c.revoke.reasons.KeyCompromise }).check();
  await expect(keyedDialog.getByRole('link', { name: c.revoke.applyLink })).toHaveAttribute('href', '#/apply');
  await checkState(page, testInfo, '7-revoke-dialog');
  await keyedDialog.getByRole('button', { name: c.revoke.confirm }).click();
  await expect(page.getByText(c.revoke.done(KEYED))).toBeVisible();
  await expect(row(page, KEYED)).toHaveAttribute('data-status', 'Blocked');
  await expect(row(page, KEYED).getByText(c.statusSentences.Blocked)).toBeVisible();
  await expect(row(page, KEYED).getByRole('button', { name: c.revoke.button })).toHaveCount(0);
  await checkState(page, testInfo, '8-revoked');
  const other = await download(page, testInfo, () =>
    row(page, OTHER).getByRole('button', { name: c.downloadOne }).click(),
  );

  // Sign out: the list and the session are gone.
  await page.getByRole('button', { name: c.signOut }).click();
  await expect(page.getByRole('heading', { level: 2, name: pl.apply.signIn.heading })).toBeVisible();
  expect(readFileSync(pfx.path).length).toBeGreaterThan(0);

  // Without signing in, the checker asks the sandbox's CRL (only when pressed): the revoked one says
  // so, the other one is not on the list.
  for (const [file, words] of [
    [crt.path, textBefore(pl.check.revocation.revoked)],
    [other.path, textBefore(pl.check.revocation.notRevoked)],
  ] as const) {
    await openChecker(page);
    await page.locator('input[type="file"]').setInputFiles(file);
    const card = page.getByRole('article').filter({ hasText: pl.certificate.purposes.Authentication });
    await card.getByRole('button', { name: pl.check.revocation.button }).click();
    await expect(card.getByRole('status')).toContainText(words);
    await expectAccessible(page);
    await page.goto('./#/');
  }
});

test('replace: the wizard opens prefilled from a row; once the new one works, the old one is revoked', async ({
  page,
  baseURL,
  secrets,
}, testInfo) => {
  const nip = randomNip();
  const OLD = 'Biuro 2025';
  const seeded = await seedCertificates(baseURL ?? '', nip, [{ name: OLD, type: 'Offline' }], KEY_PASSWORD);
  secrets.push(KEY_PASSWORD);
  await signIn(page, testInfo, nip, false);
  await row(page, OLD).getByRole('button', { name: c.replace.button }).click();

  // The wizard, on its sign-in step for the same environment and NIP, then the details prefilled.
  await expect(page.getByRole('heading', { level: 1, name: pl.apply.title })).toBeVisible();
  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeVisible();
  await signInAsSeal(page, null, 'Sp. z o.o. Nowa');
  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await expect(stepHeading(page, pl.apply.details.heading)).toBeFocused();
  await expect(page.getByLabel(pl.apply.details.name)).toHaveValue(replacementName(OLD, new Date()));
  await expect(
    page.getByRole('radio', { name: new RegExp(pl.apply.details.purposes.Offline.replace(/[()]/g, '\\$&')) }),
  ).toBeChecked();
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));
  await proveKey(page, key.path, KEY_PASSWORD);
  await page.getByLabel(pl.apply.key.stored).check();
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expect(page.locator('[data-check]').first()).toBeVisible();
  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  await downloadPairedCertificate(page, testInfo, false);

  // A plain confirmation that the new one works, then the old one revoked as superseded.
  const revokeOld = page.getByRole('button', { name: c.replace.revoke(OLD) });
  await expect(revokeOld).toBeDisabled();
  await page.getByLabel(c.replace.works).check();
  await checkState(page, testInfo, '9-replace-offer');
  await revokeOld.click();
  await expect(page.getByText(c.replace.done(OLD))).toBeVisible();
  const old = seeded.serials.get(OLD) ?? '';
  const { certificates } = await seeded.client.queryCertificates(seeded.session.tokens, {
    certificateSerialNumber: old,
  });
  // Revoked: KSeF lists it as Blocked for a while first.
  expect(certificates.map((item) => item.status)).toEqual(['Blocked']);
});

test('an Offline certificate from the sandbox: its KOD II is valid at the sandbox’s verification, then refused once revoked', async ({
  page,
  baseURL,
  request,
  secrets,
}, testInfo) => {
  const nip = randomNip();
  const keyPath = testInfo.outputPath('offline.key');
  const seeded = await seedCertificates(
    baseURL ?? '',
    nip,
    [{ name: 'Offline do faktur', type: 'Offline', keyPath }],
    KEY_PASSWORD,
  );
  secrets.push(KEY_PASSWORD, ...keyMaterial(keyPath, KEY_PASSWORD));
  const serial = seeded.serials.get('Offline do faktur') ?? '';
  const { certificates } = await seeded.client.retrieveCertificates(seeded.session.tokens, {
    certificateSerialNumbers: [serial],
  });
  const crtPath = testInfo.outputPath('offline.crt');
  writeFileSync(crtPath, Buffer.from(certificates[0]?.certificate ?? '', 'base64'));

  // The codes screen: the key (its password asked), the certificate, the invoice; KOD II for the sandbox.
  await page.goto('./#/offline-link');
  await fileReaderReady(page);
  await page
    .getByRole('region', { name: o.keyHeading })
    .locator('input[type="file"]')
    .setInputFiles([keyPath, crtPath]);
  await page.getByLabel(o.password, { exact: true }).fill(KEY_PASSWORD);
  await page.getByRole('button', { name: o.open }).click();
  await expect(page.locator(`[data-ready-serial="${serial}"]`)).toBeVisible();
  await page.getByRole('region', { name: o.invoiceHeading }).locator('input[type="file"]').setInputFiles(INVOICE);
  await page.getByLabel(o.environment).selectOption({ label: o.environments.sandbox });
  await page.getByRole('button', { name: o.make }).click();
  const link = (await page.locator(`[data-code="KOD-II-${serial}"] code`).textContent()) ?? '';
  expect(link.startsWith('https://qr-sandbox.localhost/certificate/Nip/')).toBe(true);

  // The sandbox checks it as KSeF's verification page does: valid; Blocked once revoked.
  const verification = `/api/sandbox/qr${new URL(link).pathname}`;
  expect(await (await request.get(verification)).json()).toEqual({ valid: true });
  await seeded.client.revokeCertificate(seeded.session.tokens, serial, { revocationReason: 'KeyCompromise' });
  expect(await (await request.get(verification)).json()).toEqual({ valid: false, reason: 'certificate-blocked' });
  await expectAccessible(page);
});
