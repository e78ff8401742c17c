import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { en } from '../src/messages/en.ts';
import { pl } from '../src/messages/pl.ts';
import { expect, expectAccessible, openChecker, screenshot, test, withoutRequests } from './support/app-test.ts';
import { fixture, KEY_PASSWORD, PFX_PASSWORD, TAXPAYER_KEY_PASSWORD, TAXPAYER_SAMPLE_KEY } from './support/paths.ts';

/** A password that meets the key password rules (15-32 characters, every class). */
const EXPORT_PASSWORD = 'Eksport-PFX-2025!ok';

const verdict = (page: Page) => page.locator('[data-verdict]');
const verdictTitle = (page: Page) => page.locator('[data-verdict] .verdict-title');
const chooseFiles = (page: Page, paths: string[]) => page.locator('input[type="file"]').setInputFiles(paths);

function openssl(args: readonly string[], input?: string): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Opens `key` and `certificate`, enters the password and waits for the verdict, with no request at all. */
async function checkPair(
  page: Page,
  requests: string[],
  files: string[],
  password: { label: string; value: string } | null,
) {
  await withoutRequests(requests, async () => {
    await chooseFiles(page, files);
    if (password !== null) {
      const field = page.getByLabel(pl.check.password.label(password.label), { exact: true });
      await field.fill(password.value);
      await field.press('Enter');
    }
    // Missing input (`incomplete`) is an answer too, but not while a password was just submitted.
    const settled =
      password === null ? /^(pairs|no-pair|partial|failed|incomplete)$/ : /^(pairs|no-pair|partial|failed)$/;
    await expect(verdict(page)).toHaveAttribute('data-verdict', settled);
  });
}

test.beforeEach(async ({ page }) => {
  await openChecker(page);
});

/** Certificates and keys made by openssl under tests/fixtures/certs (tests/fixtures/README.md). */
const certFixture = (name: string): string => resolve(import.meta.dirname, '..', 'tests/fixtures/certs', name);

test('a qualified signature certificate reads as not a KSeF certificate, in Polish and English', async ({
  page,
  requests,
}) => {
  await checkPair(page, requests, [certFixture('qualified-sign.key'), certFixture('qualified-sign.pem')], null);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  const card = page.getByRole('article', { name: 'Certyfikat: Jan Kowalski' });
  await expect(card).toContainText(`${pl.certificate.notKsef}: ${pl.certificate.notKsefKinds['qualified-signature']}`);
  // No KSeF environment beside it, and no "unknown issuer".
  await expect(card).not.toContainText(pl.certificate.environment);
  await expect(card).not.toContainText(pl.certificate.purposes.Offline);
  await expect(card).toContainText('Przykładowe QCA 2026');

  await page.getByRole('group', { name: pl.app.languageSwitch }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('article', { name: 'Certificate: Jan Kowalski' })).toContainText(
    `${en.certificate.notKsef}: ${en.certificate.notKsefKinds['qualified-signature']}`,
  );
});

test('a TEST CCK KSeF certificate without a CRL reads TEST or DEMO, with what to do when signing in', async ({
  page,
  requests,
}) => {
  await checkPair(page, requests, [certFixture('auth-ec.key'), certFixture('auth-ec.pem')], null);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  const card = page.getByRole('article', { name: 'Certyfikat: RÓŻA ŻÓŁTOWSKA-ŚWIĘCKA' });
  await expect(card).toContainText(pl.certificate.purposes.Authentication);
  await expect(card).toContainText(pl.certificate.environments['test-or-demo']);
  await expect(card).toContainText(pl.certificate.testOrDemoHint);
});

test('the empty checker is accessible and explains what to do', async ({ page }, testInfo) => {
  await expect(verdictTitle(page)).toHaveText(pl.check.guidance.empty);
  await expect(page.getByText(pl.app.privacy)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'empty');
});

test('an encrypted .key and its certificate form a pair', async ({ page, requests }, testInfo) => {
  await checkPair(page, requests, [fixture('jan.key'), fixture('jan.crt')], { label: 'jan.key', value: KEY_PASSWORD });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  await expect(verdict(page)).toContainText(pl.check.verdict.pairs);

  const files = page.getByRole('region', { name: /Otwarte pliki/ });
  await expect(files.getByRole('listitem')).toHaveCount(2);
  await expect(files.getByRole('listitem').filter({ hasText: 'jan.key' })).toContainText('Zaszyfrowany klucz prywatny');
  await expect(files.getByRole('listitem').filter({ hasText: 'jan.crt' })).toContainText('Certyfikat');

  const card = page.getByRole('article', { name: 'Certyfikat: Jan Kowalski' });
  await expect(card).toContainText('Uwierzytelnianie (typ 1)');
  await expect(card).toContainText('01F20A5D352AE590');
  await expect(card).toContainText(pl.certificate.environments.unknown);
  await expect(card).toContainText('EC P-256');
  await expect(card).toContainText(/ważny jeszcze 7(29|30) dni/);
  await expect(card).toContainText(pl.check.pairBadge);
  const fingerprint =
    openssl(['x509', '-in', fixture('jan.crt'), '-noout', '-fingerprint', '-sha256'])
      .trim()
      .split('=')[1] ?? '';
  await expect(card).toContainText(fingerprint);

  // The password was used and dropped: the form is gone and no field holds it.
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'pairs');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, testInfo, 'pairs-narrow');
});

test('a key and a certificate of another key do not pair, and say why', async ({ page, requests }, testInfo) => {
  await checkPair(page, requests, [fixture('anna.key'), fixture('jan.crt')], null);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'no-pair');
  await expect(verdict(page)).toContainText(pl.check.verdict.noPair);
  await expect(verdict(page)).toContainText(pl.check.reasons['different-key']);
  await expect(page.getByRole('article', { name: 'Certyfikat: Jan Kowalski' })).toContainText(pl.check.noPairBadge);
  await expect(page.getByRole('button', { name: pl.save.exportPfx })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'no-pair');
});

test('a wrong password is named, and the right one then opens the key', async ({ page, requests }, testInfo) => {
  await checkPair(page, requests, [fixture('jan.key'), fixture('jan.crt')], {
    label: 'jan.key',
    value: 'Zle-Haslo-2025!',
  });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText(pl.check.verdict.failed);
  await expect(verdict(page)).toContainText(pl.cryptoErrors['wrong-password']);
  const field = page.getByLabel(pl.check.password.label('jan.key'), { exact: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'wrong-password');

  await withoutRequests(requests, async () => {
    await field.fill(KEY_PASSWORD);
    await page.getByRole('button', { name: pl.check.password.submit }).click();
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  });
});

test('the show-password toggle reveals and hides what was typed', async ({ page }) => {
  await chooseFiles(page, [fixture('jan.key')]);
  const field = page.getByLabel(pl.check.password.label('jan.key'), { exact: true });
  const toggle = page.getByRole('button', { name: pl.check.password.show });
  await expect(field).toHaveAttribute('type', 'password');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(field).toHaveAttribute('type', 'text');
  await toggle.click();
  await expect(field).toHaveAttribute('type', 'password');
  await field.press('Enter');
  await expect(page.getByText(pl.check.password.required)).toBeVisible();
});

test('two certificates and no key: the checker asks for the key', async ({ page, requests }, testInfo) => {
  await checkPair(page, requests, [fixture('jan.crt'), fixture('anna.crt')], null);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'incomplete');
  await expect(verdictTitle(page)).toHaveText(pl.check.guidance.needsKey);
  await expect(page.getByRole('article')).toHaveCount(2);
  const anna = page.getByRole('article', { name: 'Certyfikat: Anna Wójcik-Łęcka' });
  await expect(anna).toContainText('Offline (typ 2)');
  await expect(anna).toContainText('4B2D07A1E3C95F10');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'certificates-only');

  // Removing one keeps the other; removing both returns to the start.
  await page.getByRole('button', { name: pl.check.remove('anna.crt') }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('button', { name: pl.check.remove('jan.crt') }).click();
  await expect(verdictTitle(page)).toHaveText(pl.check.guidance.empty);
});

test('a key alone asks for its certificate', async ({ page, requests }) => {
  await checkPair(page, requests, [fixture('anna.key')], null);
  await expect(verdictTitle(page)).toHaveText(pl.check.guidance.needsCertificate);
  await expect(page.getByRole('listitem').filter({ hasText: 'anna.key' })).toContainText(
    pl.check.fileKinds['private-key'],
  );
});

test('an empty file cannot be checked, and the reason is specific', async ({ page, requests }, testInfo) => {
  const empty = testInfo.outputPath('pusty.key');
  writeFileSync(empty, new Uint8Array(0));
  await checkPair(page, requests, [empty, fixture('jan.crt')], null);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText(pl.check.verdict.inFile('pusty.key'));
  await expect(verdict(page)).toContainText(pl.cryptoErrors['empty-file']);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'empty-file');

  await page.getByRole('button', { name: pl.check.remove('pusty.key') }).click();
  await expect(verdictTitle(page)).toHaveText(pl.check.guidance.needsKey);
});

test('a 5 MB random file is recognised as neither key nor certificate', async ({ page, requests }, testInfo) => {
  const noise = randomBytes(5 * 1024 * 1024);
  noise[0] = 0x7f; // not a DER SEQUENCE and not text, whatever the draw
  const path = testInfo.outputPath('losowy.bin');
  writeFileSync(path, noise);
  await checkPair(page, requests, [path], null);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText(pl.cryptoErrors['unrecognized-file']);
  await screenshot(page, testInfo, 'random-file');
});

test('a file over 10 MB is refused without reading it', async ({ page, requests }, testInfo) => {
  const path = testInfo.outputPath('duzy.bin');
  writeFileSync(path, new Uint8Array(10 * 1024 * 1024 + 1));
  await checkPair(page, requests, [path], null);
  await expect(verdict(page)).toContainText(pl.fileErrors['file-too-large']);
});

test('a PFX opened alone: its own key and certificate pair', async ({ page, requests }, testInfo) => {
  // The verdict in each painted frame (requestAnimationFrame runs just before a paint): "checking" must
  // be painted before the PFX's key derivation holds the main thread, not only be in the DOM meanwhile.
  await page.evaluate(() => {
    const frames: string[] = [];
    Object.assign(window, { verdictFrames: frames });
    const tick = () => {
      frames.push(document.querySelector('[data-verdict]')?.getAttribute('data-verdict') ?? '');
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await checkPair(page, requests, [fixture('jan.pfx')], { label: 'jan.pfx', value: PFX_PASSWORD });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  expect(await page.evaluate(() => (window as unknown as { verdictFrames: string[] }).verdictFrames)).toContain(
    'checking',
  );
  await expect(page.getByRole('listitem').filter({ hasText: 'jan.pfx' })).toContainText(pl.check.fileKinds.pkcs12);
  await expect(page.getByRole('article', { name: 'Certyfikat: Jan Kowalski' })).toContainText('01F20A5D352AE590');
  await screenshot(page, testInfo, 'pfx-pairs');
});

test('a PFX with 3DES encryption, as .NET and Windows write it, opens with its password and pairs', async ({
  page,
  requests,
}) => {
  await checkPair(page, requests, [fixture('jan-legacy.pfx')], { label: 'jan-legacy.pfx', value: PFX_PASSWORD });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
});

test('an openssl -legacy PFX saved with an empty password opens with "no password" and pairs', async ({
  page,
  requests,
}, testInfo) => {
  await checkPair(page, requests, [fixture('jan-legacy-no-password.pfx')], null);
  await expect(page.getByLabel(pl.check.password.label('jan-legacy-no-password.pfx'), { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'no-password-offered');
  await withoutRequests(requests, async () => {
    await page.getByRole('button', { name: pl.check.password.noPassword }).click();
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  });
  await expect(page.getByRole('article', { name: 'Certyfikat: Jan Kowalski' })).toBeVisible();
});

test('the Taxpayer Application sample key opens with its password and pairs', async ({ page, requests }) => {
  await checkPair(page, requests, [TAXPAYER_SAMPLE_KEY, fixture('taxpayer.crt')], {
    label: 'taxpayer-app-ec-p256.key',
    value: TAXPAYER_KEY_PASSWORD,
  });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  await expect(page.getByRole('article', { name: 'Certyfikat: Próbny Podatnik' })).toContainText('EC P-256');
});

test('a matching pair exports as a PFX that openssl opens, with the same key', async ({ page, requests }, testInfo) => {
  await checkPair(page, requests, [fixture('jan.key'), fixture('jan.crt')], { label: 'jan.key', value: KEY_PASSWORD });
  await page.getByRole('button', { name: pl.save.exportPfx }).click();

  const password = page.getByLabel(pl.pfx.newPassword, { exact: true });
  const confirm = page.getByLabel(pl.pfx.confirm, { exact: true });
  const rules = page.locator('.rule');
  await password.fill('krotkie');
  await expect(rules.filter({ hasText: pl.newPassword.rules.length })).toContainText(pl.rules.unmet);
  await expect(rules.filter({ hasText: pl.newPassword.rules.lowercase })).toContainText(pl.rules.met);
  await password.fill(EXPORT_PASSWORD);
  await expect(rules.filter({ hasText: pl.rules.unmet })).toHaveCount(0);
  await confirm.fill(`${EXPORT_PASSWORD}x`);
  await page.getByRole('button', { name: pl.pfx.submit }).click();
  await expect(page.getByText(pl.newPassword.confirmMismatch)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'export-form');

  await confirm.fill(EXPORT_PASSWORD);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: pl.pfx.submit }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Jan-Kowalski_01F20A5D352AE590.pfx');
  const pfx = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(pfx);
  await expect(page.getByText(pl.pfx.saved('Jan-Kowalski_01F20A5D352AE590.pfx'))).toBeVisible();
  await expect(password).toHaveValue('');

  const pass = `pass:${EXPORT_PASSWORD}`;
  openssl(['pkcs12', '-in', pfx, '-info', '-noout', '-passin', pass]);
  const keyPem = openssl(['pkcs12', '-in', pfx, '-nodes', '-nocerts', '-passin', pass]);
  const certPem = openssl(['pkcs12', '-in', pfx, '-nokeys', '-passin', pass]);
  const publicOfKey = openssl(['pkey', '-pubout'], keyPem);
  const publicOfCert = openssl(['x509', '-pubkey', '-noout', '-in', fixture('jan.crt')]);
  expect(publicOfKey).toBe(publicOfCert);
  const fingerprint = (pem: string) => openssl(['x509', '-noout', '-fingerprint', '-sha256'], pem);
  expect(fingerprint(certPem)).toBe(openssl(['x509', '-noout', '-fingerprint', '-sha256', '-in', fixture('jan.crt')]));
});

test('a matching pair downloads its certificate as PEM that openssl reads', async ({ page, requests }, testInfo) => {
  await checkPair(page, requests, [fixture('jan.key'), fixture('jan.crt')], { label: 'jan.key', value: KEY_PASSWORD });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: pl.save.downloadCertificate }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Jan-Kowalski_01F20A5D352AE590.crt');
  const crt = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(crt);
  openssl(['x509', '-in', crt, '-noout']);
  const fingerprintOf = (path: string) => openssl(['x509', '-in', path, '-noout', '-fingerprint', '-sha256']);
  expect(fingerprintOf(crt)).toBe(fingerprintOf(fixture('jan.crt')));
});

test('keyboard only: choose files, type the password, get the verdict', async ({ page, requests }) => {
  const input = page.locator('input[type="file"]');
  for (let i = 0; i < 20 && !(await input.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(input).toBeFocused();
  await withoutRequests(requests, async () => {
    const choosing = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await choosing).setFiles([fixture('jan.key'), fixture('jan.crt')]);
    const field = page.getByLabel(pl.check.password.label('jan.key'), { exact: true });
    await expect(field).toBeVisible();
    for (let i = 0; i < 20 && !(await field.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(field).toBeFocused();
    await page.keyboard.type(KEY_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  });
});

test('files dropped on the drop zone are opened like chosen ones', async ({ page, requests }) => {
  const files = [
    { name: 'anna.key', text: readFileSync(fixture('anna.key'), 'utf8') },
    { name: 'anna.crt', text: readFileSync(fixture('anna.crt'), 'utf8') },
  ];
  await withoutRequests(requests, async () => {
    await page.locator('.drop-zone').evaluate((zone, dropped) => {
      const transfer = new DataTransfer();
      for (const { name, text } of dropped) transfer.items.add(new File([text], name));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  });
  await expect(page.getByRole('article', { name: 'Certyfikat: Anna Wójcik-Łęcka' })).toContainText(pl.check.pairBadge);
});

test('leaving the checker forgets the opened files', async ({ page }) => {
  await chooseFiles(page, [fixture('anna.key'), fixture('anna.crt')]);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  await page.getByRole('link', { name: pl.app.name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.home.title);
  await page.getByRole('main').getByRole('link', { name: pl.home.checkLink }).click();
  await expect(verdictTitle(page)).toHaveText(pl.check.guidance.empty);
  await expect(page.getByRole('article')).toHaveCount(0);
});

/** Keys made by openssl, ssh-keygen and keytool under tests/fixtures/keys (tests/fixtures/README.md). */
const keyFixture = (name: string): string => resolve(import.meta.dirname, '..', 'tests/fixtures/keys', name);

test('a PFX carrying its CA pairs, and the CA certificate is counted, not compared', async ({ page, requests }) => {
  await checkPair(page, requests, [keyFixture('rsa-2048.chain.p12')], {
    label: 'rsa-2048.chain.p12',
    value: 'Test-Password-123!',
  });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  await expect(verdict(page)).toContainText(pl.check.verdict.caIncluded(1));
  await expect(page.getByText(pl.check.noPairBadge)).toHaveCount(0);
  await expect(page.getByText(pl.check.caBadge)).toHaveCount(1);
});

test('a .p7b bundle and the leaf key pair; an OpenSSH key is named with its conversion', async ({ page, requests }) => {
  await checkPair(page, requests, [keyFixture('rsa-2048.pkcs8.pem'), keyFixture('rsa-2048.chain.p7b.der')], null);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'pairs');
  await expect(verdict(page)).toContainText(pl.check.verdict.caIncluded(1));

  await page.getByRole('button', { name: pl.check.removeAll }).click();
  await checkPair(page, requests, [keyFixture('ec-p256.openssh.key')], null);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText(pl.cryptoErrors['openssh-private-key']);
});

test('"check with KSeF whether it is revoked" asks only for the CRL, and only when pressed', async ({
  page,
  requests,
  expectedConsoleErrors,
}) => {
  // The way to KSeF TEST in this run is a forwarder the wizard's fault journeys switch on and off
  // while this runs; so that the answer does not depend on them, the connection is refused here (the
  // relay's own CRL route is held to its rules by the relay probes, in Node and nginx alike).
  await page.route('**/api/test/security/crl/**', (route) => route.abort('connectionrefused'));
  expectedConsoleErrors.push(/ERR_CONNECTION_REFUSED/);
  await checkPair(page, requests, [certFixture('ksef-test-auth.pem')], null);
  const card = page.getByRole('article').filter({ hasText: pl.certificate.purposes.Authentication });
  const button = card.getByRole('button', { name: pl.check.revocation.button });
  await expect(button).toBeVisible();
  await expect(card).toContainText(pl.check.revocation.sends);
  await expectAccessible(page);

  const before = requests.length;
  await button.click();
  const result = card.getByRole('status');
  await expect(result).toContainText(pl.check.revocation.failed);
  await expect(result).toContainText(pl.check.revocation.failures.offline);
  expect(requests.slice(before).filter((url) => new URL(url).pathname.startsWith('/api/'))).toEqual([
    new URL('/api/test/security/crl/testmfksef1.crl', page.url()).href,
  ]);
  await expect(card.getByRole('button', { name: pl.check.revocation.again })).toBeVisible();
  await expectAccessible(page);
});
