import { readFileSync, writeFileSync } from 'node:fs';
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { SIGNED_FILE_EDITS } from '../tests/support/signed-file-edits.ts';
import { makeOpensslSigner, signWithXmlsec1 } from '../tests/support/xmlsec1-xades.ts';
import { pl } from '../src/messages/pl.ts';
import { expect, test } from './support/app-test.ts';
import {
  applyForCertificate,
  checkStep,
  chooseSandbox,
  download,
  downloadAndCheckPfx,
  expectPairOnDisk,
  KEY_PASSWORD,
  pemKeyMaterial,
  randomNip,
  resetSandbox,
  sandboxNow,
  stepHeading,
  type Application,
  useOlderAnswerShapes,
} from './support/apply-journey.ts';

/*
 * Journey (3), external signature: the app hands out the unsigned AuthTokenRequest.xml, the user's
 * signing software signs it (here openssl makes the person's key and certificate and xmlsec1 makes an
 * enveloped XAdES-BES signature: none of our code touches that key), and the signed file is uploaded.
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

const JOURNEY_3 = 'journey 3: external signature made by xmlsec1, Authentication, EC: a .crt that pairs and a PFX';

test(JOURNEY_3, async ({ page, request, secrets }, testInfo) => {
  await journeyThree(page, request, secrets, testInfo);
});

// The same journey against the answers real KSeF TEST sent in January 2026 (docs/ksef-contract.md §14a).
test(`${JOURNEY_3}, against the older KSeF answers`, async ({ page, request, secrets }, testInfo) => {
  const older = await useOlderAnswerShapes(page, request);
  await journeyThree(page, request, secrets, testInfo);
  await older.expectMet();
  await older.switchOff();
});

async function journeyThree(
  page: Page,
  request: APIRequestContext,
  secrets: string[],
  testInfo: TestInfo,
): Promise<void> {
  test.setTimeout(180_000);
  const nip = randomNip();
  const application: Application = { name: 'Podpis zewnetrzny 1', type: 'Authentication', key: 'EC-P256' };
  const signer = makeOpensslSigner('EC', nip);
  secrets.push(...pemKeyMaterial(signer.keyPem));

  await chooseSandbox(page, null, nip);
  await page.getByRole('radio', { name: new RegExp(pl.apply.signIn.methods.external) }).check();
  await expect(page.getByRole('heading', { level: 3, name: pl.apply.signIn.externalStep1 })).toBeVisible();
  await checkStep(page, testInfo, '2-sign-in-external');
  const unsigned = await download(page, testInfo, () =>
    page.getByRole('button', { name: pl.apply.signIn.download }).click(),
  );
  expect(unsigned.name).toBe('AuthTokenRequest.xml');
  await expect(page.getByRole('button', { name: pl.apply.signIn.downloadAgain })).toBeVisible();

  // Outside the app: the user's signing software.
  const signedPath = testInfo.outputPath('AuthTokenRequest-podpisany.xml');
  writeFileSync(signedPath, signWithXmlsec1(readFileSync(unsigned.path, 'utf8'), signer, await sandboxNow(request)));

  await page.getByLabel(pl.apply.signIn.signedFile).setInputFiles(signedPath);
  await expect(page.getByText('AuthTokenRequest-podpisany.xml', { exact: true })).toBeVisible();
  await checkStep(page, testInfo, '2-sign-in-external-signed');
  await page.getByRole('button', { name: pl.apply.signIn.submitSigned }).click();
  await expect(stepHeading(page, pl.apply.data.heading)).toBeFocused({ timeout: 30_000 });
  await expect(page.getByText(`TINPL-${nip}`)).toBeVisible();

  const files = await applyForCertificate(page, testInfo, secrets, application, true);
  expectPairOnDisk(files, application, KEY_PASSWORD);
  await downloadAndCheckPfx(page, testInfo, files, KEY_PASSWORD);
}

test('a signed file re-indented after signing is refused before upload; the file as signed then signs in', async ({
  page,
  request,
  requests,
  secrets,
}, testInfo) => {
  test.setTimeout(120_000);
  const nip = randomNip();
  const signer = makeOpensslSigner('EC', nip);
  secrets.push(...pemKeyMaterial(signer.keyPem));
  const reindent = SIGNED_FILE_EDITS.find((row) => row.name === 're-indented');
  if (reindent === undefined) throw new Error('no re-indent edit');

  await chooseSandbox(page, null, nip);
  await page.getByRole('radio', { name: new RegExp(pl.apply.signIn.methods.external) }).check();
  const unsigned = await download(page, testInfo, () =>
    page.getByRole('button', { name: pl.apply.signIn.download }).click(),
  );
  const signed = signWithXmlsec1(readFileSync(unsigned.path, 'utf8'), signer, await sandboxNow(request));
  const reindentedPath = testInfo.outputPath('AuthTokenRequest-sformatowany.xml');
  writeFileSync(reindentedPath, reindent.edit(signed));

  const before = requests.length;
  await page.getByLabel(pl.apply.signIn.signedFile).setInputFiles(reindentedPath);
  await page.getByRole('button', { name: pl.apply.signIn.submitSigned }).click();
  await expect(page.getByText(pl.cryptoErrors['signature-digest-mismatch'])).toBeVisible();
  await checkStep(page, testInfo, '2-sign-in-external-changed');
  expect(requests.slice(before).filter((url) => url.includes('/auth/xades-signature'))).toEqual([]);

  // The same signature, unedited: the refusal cost the user nothing, not even the challenge.
  const signedPath = testInfo.outputPath('AuthTokenRequest-podpisany.xml');
  writeFileSync(signedPath, signed);
  await page.getByLabel(pl.apply.signIn.signedFile).setInputFiles(signedPath);
  await page.getByRole('button', { name: pl.apply.signIn.submitSigned }).click();
  await expect(stepHeading(page, pl.apply.data.heading)).toBeFocused({ timeout: 30_000 });
  expect(requests.slice(before).filter((url) => url.includes('/auth/xades-signature'))).toHaveLength(1);
});
