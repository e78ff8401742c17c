import { pl } from '../src/messages/pl.ts';
import { expect, test } from './support/app-test.ts';
import {
  control,
  downloadPairedCertificate,
  expectPairOnDisk,
  KEY_PASSWORD,
  randomNip,
  resetSandbox,
  stepHeading,
  type Application,
} from './support/apply-journey.ts';
import { callsTo, recordKsefCalls, testEnvironmentUntilReview } from './support/apply-through-relay.ts';
import { switchableUpstream } from './support/switchable-upstream.ts';

/*
 * The access token expires mid-flow (issue 5, faults): while the user works on the key, which needs no
 * KSeF call, the sandbox clock passes the access token's 15 minutes but stays well inside the refresh
 * token's 7 days. The next call is refused with 401; the app refreshes the token once, silently, and
 * the user is never asked to sign in again. On KSeF TEST through the relay (see apply-faults.spec.ts).
 * The sandbox clock never goes back, so this file runs after every other journey (playwright.config.ts).
 */

const TWENTY_MINUTES_MS = 20 * 60_000;
const upstream = switchableUpstream();

test.beforeAll(async () => {
  await upstream.start();
});

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test.afterAll(async () => {
  await upstream.stop();
});

test('an access token that expires between two calls is refreshed once, silently, and the journey ends with a .crt that pairs', async ({
  page,
  request,
  secrets,
  expectedConsoleErrors,
}, testInfo) => {
  test.setTimeout(180_000);
  expectedConsoleErrors.push(/status of 401/);
  const calls = recordKsefCalls(page);
  const application: Application = { name: 'Wniosek po wygasnieciu', type: 'Authentication', key: 'RSA-2048' };
  const key = await testEnvironmentUntilReview(page, testInfo, secrets, randomNip(), application);
  expect(callsTo(calls, 'POST', /^\/auth\/token\/refresh$/)).toEqual([]);

  // Between the data step's calls and the submission: past the access token, far from the refresh token's end.
  await control(request, 'POST', '/clock/advance', { ms: TWENTY_MINUTES_MS });
  await page.getByRole('button', { name: pl.apply.review.submit }).click();

  const crt = await downloadPairedCertificate(page, testInfo, true);
  expectPairOnDisk({ key, crt }, application, KEY_PASSWORD);
  // The submission was refused once (401) and sent again after exactly one refresh.
  expect(callsTo(calls, 'POST', /^\/certificates\/enrollments$/).map((c) => c.status)).toEqual([401, 202]);
  expect(callsTo(calls, 'POST', /^\/auth\/token\/refresh$/).map((c) => c.status)).toEqual([200]);
  // Never sent back to sign in: no second sign-in, no "session expired".
  expect(callsTo(calls, 'POST', /^\/auth\/challenge$/)).toHaveLength(1);
  await expect(page.locator('[data-problem]')).toHaveCount(0);
  await expect(stepHeading(page, pl.apply.signIn.heading)).toHaveCount(0);
});
