import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { offlineLinkPl as m } from '../src/messages/offline-link-pl.ts';
import { pl } from '../src/messages/pl.ts';
import { expect, expectAccessible, fileReaderReady, screenshot, test, withoutRequests } from './support/app-test.ts';
import { fixture, OFFLINE_LINK_SERIAL } from './support/paths.ts';

/*
 * KOD I and KOD II for an invoice issued offline, and the KOD II verifier: an Offline certificate made by
 * openssl under a CA named as KSeF's TEST one (global-setup.ts), the FA(3) fixture invoice. Nothing is sent.
 */

const INVOICE = resolve(import.meta.dirname, '..', 'tests/fixtures/offline-link/invoice-fa3.xml');
/** The invoice's SHA-256 in Base64URL, by Node's hash, not the app's. */
const INVOICE_HASH = createHash('sha256').update(readFileSync(INVOICE)).digest('base64url');
const SELLER_NIP = '5260250274';

const region = (page: Page, name: string) => page.getByRole('region', { name });

test('KOD I and KOD II made from an Offline key and an FA(3) invoice, downloaded, and verified', async ({
  page,
  requests,
}, testInfo) => {
  await page.goto('./#/offline-link');
  await expect(page.getByRole('heading', { level: 1, name: pl.offlineLink.title })).toBeVisible();
  await expect(page.getByRole('link', { name: pl.offlineLink.navLink })).toHaveAttribute('aria-current', 'page');
  await fileReaderReady(page);
  // The screen loads its crypto chunk as soon as it shows; after that, nothing more is fetched.
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);

  let made = 0;
  await withoutRequests(requests, async () => {
    await region(page, m.keyHeading)
      .locator('input[type="file"]')
      .setInputFiles([fixture('offline-link.key'), fixture('offline-link.crt')]);
    await expect(page.locator(`[data-ready-serial="${OFFLINE_LINK_SERIAL}"]`)).toBeVisible();

    await region(page, m.invoiceHeading).locator('input[type="file"]').setInputFiles(INVOICE);
    await expect(page.getByLabel(m.sellerNip)).toHaveValue(SELLER_NIP);
    await expect(page.getByLabel(m.hash)).toHaveValue(INVOICE_HASH);
    await expect(page.getByLabel(m.contextValue)).toHaveValue(SELLER_NIP);
    await expect(page.getByLabel(m.issueDate)).toHaveValue('2026-02-02');
    await page.getByRole('button', { name: m.make }).click();
    made = Date.now();
  });

  const kod1 = page.locator(`[data-code="KOD-I-${SELLER_NIP}-2026-02-02"]`);
  const kod2 = page.locator(`[data-code="KOD-II-${OFFLINE_LINK_SERIAL}"]`);
  await expect(kod1.locator('code')).toHaveText(
    `https://qr-test.ksef.mf.gov.pl/invoice/${SELLER_NIP}/02-02-2026/${INVOICE_HASH}`,
  );
  const signedString = `qr-test.ksef.mf.gov.pl/certificate/Nip/${SELLER_NIP}/${SELLER_NIP}/${OFFLINE_LINK_SERIAL}/${INVOICE_HASH}`;
  const link = (await kod2.locator('code').textContent()) ?? '';
  expect(link.startsWith(`https://${signedString}/`)).toBe(true);
  expect(link.slice(`https://${signedString}/`.length)).toMatch(/^[A-Za-z0-9_-]{86}$/);
  await expect(kod2.getByRole('img')).toBeVisible();
  // Reported, not asserted: speed is the benchmarks' business.
  const shown = `"make the codes" to both QR codes shown: ${Date.now() - made} ms`;
  testInfo.annotations.push({ type: 'timing', description: shown });
  console.warn(`offline link: ${shown}`);

  const svgDownload = page.waitForEvent('download');
  await kod2.getByRole('button', { name: m.downloadSvg }).click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toBe(`KOD-II-${OFFLINE_LINK_SERIAL}.svg`);
  const svgPath = testInfo.outputPath(svg.suggestedFilename());
  await svg.saveAs(svgPath);
  // Well-formed XML by xmllint, with the label under the code.
  execFileSync('xmllint', ['--noout', svgPath]);
  expect(readFileSync(svgPath, 'utf8')).toContain('>CERTYFIKAT</text>');

  const pngDownload = page.waitForEvent('download');
  await kod2.getByRole('button', { name: m.downloadPng }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toBe(`KOD-II-${OFFLINE_LINK_SERIAL}.png`);
  const pngPath = testInfo.outputPath(png.suggestedFilename());
  await png.saveAs(pngPath);
  // The PNG, read by pngjs and decoded by jsQR (neither is the app's), holds exactly the link.
  const image = PNG.sync.read(readFileSync(pngPath));
  expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(link);

  await expectAccessible(page);
  await screenshot(page, testInfo, 'offline-link-codes');

  await withoutRequests(requests, async () => {
    const field = page.getByRole('textbox', { name: m.link, exact: true });
    const verify = page.getByRole('button', { name: m.verify, exact: true });
    const verdict = page.locator('[data-verification]');
    await field.fill(link);
    await verify.click();
    await expect(verdict).toHaveAttribute('data-verification', 'valid');
    await expect(verdict).toHaveText(m.valid(OFFLINE_LINK_SERIAL, m.encodings['ecdsa-p1363']));

    // One character of the invoice hash changed: the signature no longer fits that link.
    const changed = link.replace(
      `/${INVOICE_HASH}/`,
      `/${INVOICE_HASH[0] === 'A' ? 'B' : 'A'}${INVOICE_HASH.slice(1)}/`,
    );
    await field.fill(changed);
    await verify.click();
    await expect(verdict).toHaveAttribute('data-problem', 'signature-mismatch');
    await expect(verdict).toHaveText(`${m.invalid} ${m.faults['signature-mismatch']}`);

    // A padded signature is named for what it is.
    await field.fill(`${link}=`);
    await verify.click();
    await expect(verdict).toHaveAttribute('data-problem', 'signature-padded');
  });

  // The downloaded PNG as a photo of the code would be: its link is read into the field, then checked
  // (the decoder's code is fetched from this origin when the first image is chosen; nothing is sent).
  const field = page.getByRole('textbox', { name: m.link, exact: true });
  const verdict = page.locator('[data-verification]');
  await field.fill('');
  await page.getByLabel(m.qrImage).setInputFiles(pngPath);
  await expect(page.locator('[data-qr-image]')).toHaveAttribute('data-qr-image', 'read');
  await expect(field).toHaveValue(link);
  await page.getByRole('button', { name: m.verify, exact: true }).click();
  await expect(verdict).toHaveAttribute('data-verification', 'valid');
  // An image without a code says so.
  await page.getByLabel(m.qrImage).setInputFiles({
    name: 'puste.png',
    mimeType: 'image/png',
    buffer: PNG.sync.write(new PNG({ width: 64, height: 64 })),
  });
  await expect(page.locator('[data-qr-image]')).toHaveText(m.qrImageNone('puste.png'));
  await expectAccessible(page);
  await screenshot(page, testInfo, 'offline-link-verified');
});
