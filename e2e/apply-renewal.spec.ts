import { pl } from '../src/messages/pl.ts';
import { expect, test } from './support/app-test.ts';
import {
  applyForCertificate,
  chooseSandbox,
  downloadAndCheckPfx,
  expectPairOnDisk,
  KEY_PASSWORD,
  randomNip,
  resetSandbox,
  signInAsSeal,
  signInWithCertificate,
  signOut,
  stepHeading,
  type Application,
} from './support/apply-journey.ts';

/*
 * Journey (2), renewal: the company signs in with the Authentication certificate it got in journey (1)
 * (its `.key` and `.crt`, as downloaded) and applies for an Offline certificate with an RSA key.
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('journey 2: renewal with the .key and .crt of journey 1, Offline, RSA 2048: a .crt that pairs and a PFX', async ({
  page,
  secrets,
}, testInfo) => {
  test.setTimeout(240_000);
  const nip = randomNip();
  const first: Application = { name: 'Program księgowy 1', type: 'Authentication', key: 'EC-P256' };
  const renewal: Application = { name: 'Faktury offline 1', type: 'Offline', key: 'RSA-2048' };

  // Journey (1), without its own checks: the certificate to sign in with.
  await chooseSandbox(page, null, nip);
  await signInAsSeal(page, null, 'Biuro Rachunkowe Odnowienie');
  const previous = await applyForCertificate(page, testInfo, secrets, first, false);
  expectPairOnDisk(previous, first, KEY_PASSWORD);
  // No PFX was made: the sign-out asks first.
  await signOut(page, true);

  await page.getByLabel(pl.apply.environment.nip).fill(nip);
  await page.getByRole('button', { name: pl.apply.environment.submit }).click();
  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeFocused();
  await signInWithCertificate(page, testInfo, previous.key.path, previous.crt.path, KEY_PASSWORD);
  await expect(page.getByText(`VATPL-${nip}`)).toBeVisible();

  const files = await applyForCertificate(page, testInfo, secrets, renewal, true);
  expect(files.key.name).not.toBe(previous.key.name);
  expectPairOnDisk(files, renewal, KEY_PASSWORD);
  await downloadAndCheckPfx(page, testInfo, files, KEY_PASSWORD);
});
