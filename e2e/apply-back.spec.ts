import type { Page } from '@playwright/test';
import type { ApplyStepId } from '../src/state/apply/model.ts';
import { pl } from '../src/messages/pl.ts';
import { expect, expectAccessible, test } from './support/app-test.ts';
import {
  checkStep,
  chooseSandbox,
  control,
  downloadPairedCertificate,
  fillDetails,
  generateKey,
  KEY_PASSWORD,
  keyMaterial,
  proveKey,
  randomNip,
  resetSandbox,
  signInAsSeal,
  stepHeading,
  type Application,
} from './support/apply-journey.ts';

/*
 * Back and forward through the wizard: at every step the Back button and the browser's Back, then
 * forward again (the browser's Forward, or "Next"), with what was entered kept and the application
 * sent to KSeF once. And a reload at the key step: signed in again, the wizard is back on the key
 * step, offering to open the .key saved before the reload.
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

const organizationName = 'Biuro Wstecz i Dalej';
const application: Application = { name: 'Wniosek tam i z powrotem', type: 'Authentication', key: 'EC-P256' };

const HEADINGS: Readonly<Record<ApplyStepId, string>> = {
  environment: pl.apply.environment.heading,
  'sign-in': pl.apply.signIn.heading,
  data: pl.apply.data.heading,
  details: pl.apply.details.heading,
  key: pl.apply.key.heading,
  review: pl.apply.review.heading,
  result: pl.apply.result.heading,
};

/** The wizard shows `step`: its heading has focus, and the address names it. */
async function expectStep(page: Page, step: ApplyStepId): Promise<void> {
  await expect(stepHeading(page, HEADINGS[step])).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/apply/${step}$`));
}

const backButton = (page: Page) => page.getByRole('button', { name: /^Wstecz: / });

/**
 * From `here`: the Back button to `before` (what was entered there still there), the browser's
 * Forward back here; then the browser's Back to `before` and its Forward again.
 */
async function backAndForward(
  page: Page,
  here: ApplyStepId,
  before: ApplyStepId,
  kept: () => Promise<void>,
): Promise<void> {
  await expect(backButton(page)).toHaveText(`← ${pl.apply.backTo(pl.apply.steps[before])}`);
  await backButton(page).click();
  await expectStep(page, before);
  await kept();
  await page.goForward();
  await expectStep(page, here);
  await page.goBack();
  await expectStep(page, before);
  await kept();
  await page.goForward();
  await expectStep(page, here);
}

/** The stepper's steps that are links (may be shown again). */
async function stepperLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: pl.apply.progressLabel }).getByRole('link').allTextContents();
}

test('Back and the browser Back at every step keep what was entered, and the application is sent once', async ({
  page,
  request,
  secrets,
}, testInfo) => {
  test.setTimeout(90_000);
  const enrollments: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/certificates\/enrollments$/.test(new URL(request.url()).pathname))
      enrollments.push(request.url());
  });
  const nip = randomNip();
  secrets.push(KEY_PASSWORD);

  // Step 1 from the home page: no Back button; the browser's Back leaves the wizard as usual.
  await page.goto('./#/');
  await page.getByRole('main').getByRole('link', { name: pl.home.applyLink }).click();
  // A new page (the route's heading has focus, not the step's); its address names step 1.
  await expect(stepHeading(page, HEADINGS.environment)).toBeVisible();
  await expect(page).toHaveURL(/#\/apply\/environment$/);
  await expect(backButton(page)).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: pl.home.title })).toBeVisible();
  await page.goForward();
  await expect(stepHeading(page, HEADINGS.environment)).toBeVisible();

  // Step 2: back to step 1, the NIP is still there.
  await chooseSandbox(page, null, nip);
  await backAndForward(page, 'sign-in', 'environment', () =>
    expect(page.getByLabel(pl.apply.environment.nip)).toHaveValue(nip),
  );

  // Step 3: back to the sign-in, still signed in; "Next" shows the data again without a new sign-in.
  await signInAsSeal(page, null, organizationName);
  const signedIn = page.getByText(pl.apply.signIn.done(organizationName)).first();
  await backAndForward(page, 'data', 'sign-in', () => expect(signedIn).toBeVisible());
  await page.goBack();
  await page.getByRole('button', { name: pl.apply.next, exact: true }).click();
  await expectStep(page, 'data');
  await expect(page.getByText(pl.apply.data.canRequest)).toBeVisible();
  // Step 1 again, "Next" with the same environment and NIP: the application stays signed in.
  await page
    .getByRole('navigation', { name: pl.apply.progressLabel })
    .getByRole('link', { name: pl.apply.steps.environment })
    .click();
  await expectStep(page, 'environment');
  await page.getByRole('button', { name: pl.apply.environment.submit }).click();
  await expectStep(page, 'sign-in');
  await expect(signedIn).toBeVisible();
  await page.getByRole('button', { name: pl.apply.next, exact: true }).click();
  await expectStep(page, 'data');

  // Step 4, then 5: the details are kept going back.
  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await expectStep(page, 'details');
  await backAndForward(page, 'details', 'data', () => expect(page.getByText(pl.apply.data.canRequest)).toBeVisible());
  await fillDetails(page, application.name, application.type, application.key);
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expectStep(page, 'key');
  const detailsKept = () => expect(page.getByLabel(pl.apply.details.name)).toHaveValue(application.name);
  await backAndForward(page, 'key', 'details', detailsKept);

  // Step 5: the key, proven; going back and forward keeps it, and the review is reachable again.
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));
  await proveKey(page, key.path, KEY_PASSWORD);
  await expect(page.getByText(pl.apply.key.proven(key.name))).toBeVisible();
  await page.getByLabel(pl.apply.key.stored).check();
  await backAndForward(page, 'key', 'details', detailsKept);
  await expect(page.getByText(pl.apply.key.proven(key.name))).toBeVisible();
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expectStep(page, 'review');
  const keyKept = async () => {
    await expect(page.getByText(pl.apply.key.proven(key.name))).toBeVisible();
    await expect(page.getByLabel(pl.apply.key.stored)).toBeChecked();
  };
  await backAndForward(page, 'review', 'key', keyKept);
  expect(await stepperLinks(page)).toEqual(
    (['environment', 'sign-in', 'data', 'details', 'key'] as const).map((s) => pl.apply.steps[s]),
  );
  await checkStep(page, testInfo, 'review-stepper-links');

  // Back to the details with the same name and type: the proven key stays (no question asked).
  await page.goBack();
  await backButton(page).click();
  await expectStep(page, 'details');
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expectStep(page, 'key');
  await keyKept();

  // Another name after the key was made: the question says what happens to the saved .key. "No" keeps all.
  await backButton(page).click();
  await expectStep(page, 'details');
  await page.getByLabel(pl.apply.details.name).fill('Wniosek pod inna nazwa');
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  const dialog = page.getByRole('dialog', { name: pl.apply.details.changeTitle });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(pl.apply.details.changeKeeps(key.name));
  await expect(dialog.getByRole('button', { name: pl.apply.details.changeCancel })).toBeFocused();
  await checkStep(page, testInfo, 'details-change-dialog');
  await dialog.getByRole('button', { name: pl.apply.details.changeCancel }).click();
  await expect(dialog).toBeHidden();
  await expect(stepHeading(page, HEADINGS.details)).toBeVisible();
  await page.getByLabel(pl.apply.details.name).fill(application.name);
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expectStep(page, 'key');
  await keyKept();
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expectStep(page, 'review');

  // Submitted, and while KSeF works on it the browser's Back changes nothing: no Back button, no links.
  await control(request, 'PUT', '/timing', { enrollmentDelayMs: 3_000 });
  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  await expect(page.locator('[data-submission="polling"]')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/apply\/review$/);
  await expect(page.locator('[data-submission="polling"]')).toBeVisible();
  await expect(backButton(page)).toHaveCount(0);
  expect(await stepperLinks(page)).toEqual([]);
  // The result, then back to the review, which shows the submission and offers no second "submit".
  await downloadPairedCertificate(page, testInfo, false);
  await expect(page).toHaveURL(/#\/apply\/result$/);
  await backButton(page).click();
  await expectStep(page, 'review');
  await expect(page.locator('[data-submission="issued"]')).toBeVisible();
  await expect(page.getByRole('button', { name: pl.apply.review.submit })).toHaveCount(0);
  // Nothing before the review may be shown again: no Back button, no links before it, and the browser's
  // Back stays on the review.
  await expect(backButton(page)).toHaveCount(0);
  expect(await stepperLinks(page)).toEqual([pl.apply.steps.result]);
  await page.goBack();
  await expect(page).toHaveURL(/#\/apply\/review$/);
  await expect(stepHeading(page, HEADINGS.review)).toBeVisible();
  await expect(page.getByRole('button', { name: pl.apply.review.submit })).toHaveCount(0);
  await page.goto('./#/apply/details');
  await expect(page).toHaveURL(/#\/apply\/review$/);
  await page
    .getByRole('navigation', { name: pl.apply.progressLabel })
    .getByRole('link', { name: pl.apply.steps.result })
    .click();
  await expectStep(page, 'result');
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs');

  expect(enrollments, 'POST /certificates/enrollments').toHaveLength(1);
});

test('a reload at the key step comes back to the key step after signing in, offering the saved .key', async ({
  page,
  secrets,
}, testInfo) => {
  test.setTimeout(60_000);
  secrets.push(KEY_PASSWORD);
  await chooseSandbox(page, null, randomNip());
  await signInAsSeal(page, null, organizationName);
  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await fillDetails(page, application.name, application.type, application.key);
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expectStep(page, 'key');
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));

  await page.reload();
  await expect(stepHeading(page, HEADINGS['sign-in'])).toBeVisible();
  await expect(page).toHaveURL(/#\/apply\/sign-in$/);
  await expect(page.getByText(pl.apply.restored.signInAgain)).toBeVisible();
  await page.getByLabel(pl.apply.signIn.organizationName).fill(organizationName);
  await page.getByRole('button', { name: pl.apply.signIn.submitIdentity }).click();
  await expectStep(page, 'key');
  await expect(page.getByRole('heading', { level: 3, name: pl.apply.restored.keyHeading })).toBeVisible();
  await checkStep(page, testInfo, '5-key-after-reload');
  await page.getByLabel(pl.apply.key.proveFile).setInputFiles(key.path);
  await page.getByLabel(pl.apply.key.provePassword, { exact: true }).fill(KEY_PASSWORD);
  await page.getByRole('button', { name: pl.apply.restored.keyOpen }).click();
  await expect(page.getByText(pl.apply.key.proven(key.name))).toBeVisible();
  // The details before it were kept through the reload.
  await backButton(page).click();
  await expectStep(page, 'details');
  await expect(page.getByLabel(pl.apply.details.name)).toHaveValue(application.name);

  // Another certificate type for this key: asked, and on "yes" a new key is made (the old file stays).
  await page.getByRole('radio', { name: /Offline/ }).check();
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  const dialog = page.getByRole('dialog', { name: pl.apply.details.changeTitle });
  await expect(dialog).toContainText(pl.apply.details.changeBody(key.name));
  await expectAccessible(page);
  await dialog.getByRole('button', { name: pl.apply.details.changeConfirm }).click();
  await expectStep(page, 'key');
  await expect(page.getByLabel(pl.apply.key.password, { exact: true })).toBeVisible();
  await expect(page.getByText(pl.apply.key.proven(key.name))).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: pl.apply.restored.keyHeading })).toHaveCount(0);
});
