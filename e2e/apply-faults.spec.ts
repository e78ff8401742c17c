import type { Locator, Page } from '@playwright/test';
import { pl } from '../src/messages/pl.ts';
import { APPLICATIONS_KEY, expect, test } from './support/app-test.ts';
import {
  checkStep,
  control,
  downloadPairedCertificate,
  expectPairOnDisk,
  KEY_PASSWORD,
  randomNip,
  resetSandbox,
  signInAsSeal,
  stepHeading,
  type Application,
} from './support/apply-journey.ts';
import {
  applyUntilReview,
  callsTo,
  chooseTestEnvironment,
  recordKsefCalls,
  testEnvironmentUntilReview,
} from './support/apply-through-relay.ts';
import { switchableUpstream } from './support/switchable-upstream.ts';

/*
 * When KSeF or the way to it misbehaves (issue 5, faults), on KSeF TEST: every call crosses the real
 * relay (timeout 3 s here, playwright.config.ts) to a forwarder this file switches off and on, in
 * front of the sandbox, whose faults make KSeF slow or limit requests. Whatever happens, the user's
 * data and key stay, a retry is offered or the app carries on by itself, nothing is sent sooner than
 * KSeF allows, and nothing is applied for twice.
 */

/** As `KSEF_RELAY_TIMEOUT_MS` in playwright.config.ts. */
const RELAY_TIMEOUT_MS = 3_000;
const upstream = switchableUpstream();

test.beforeAll(async () => {
  await upstream.start();
});

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
  await upstream.start();
});

test.afterAll(async () => {
  await upstream.stop();
});

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab until `target` has focus: it is reachable with the keyboard. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reached with Tab').toBeFocused({ timeout: 1 });
}

/** Step 6 still shows the whole application: its summary with the saved key, and the checks. */
async function expectReviewKept(page: Page, application: Application, keyName: string): Promise<void> {
  await expect(stepHeading(page, pl.apply.review.heading)).toBeVisible();
  const summary = page.locator('dl.facts').first();
  await expect(summary).toContainText(application.name);
  await expect(summary).toContainText(pl.apply.environment.names.test);
  await expect(summary).toContainText(keyName);
  await expect(page.locator('[data-check][data-ok="true"]').first()).toBeVisible();
}

test('KSeF unreachable at submission: the specific message, everything kept; once it is back a retry gets a .crt that pairs', async ({
  page,
  secrets,
  expectedConsoleErrors,
}, testInfo) => {
  test.setTimeout(180_000);
  expectedConsoleErrors.push(/status of 502/);
  const calls = recordKsefCalls(page);
  const application: Application = { name: 'Wniosek bez polaczenia', type: 'Authentication', key: 'EC-P256' };
  const key = await testEnvironmentUntilReview(page, testInfo, secrets, randomNip(), application);

  await upstream.stop();
  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  const problem = page.locator('[data-problem="ksef:upstream-unreachable"]');
  await expect(problem).toContainText(pl.ksefErrors['upstream-unreachable']);
  await expectReviewKept(page, application, key.name);
  // Not "KSeF may have it": the relay could not connect at all.
  await expect(page.locator('[data-maybe-received]')).toHaveCount(0);
  expect(
    await page.evaluate((k) => localStorage.getItem(k), APPLICATIONS_KEY),
    'no application recorded as submitted',
  ).toBeNull();
  expect(callsTo(calls, 'POST', /^\/certificates\/enrollments$/).map((c) => c.status)).toEqual([502]);
  await checkStep(page, testInfo, '6-upstream-unreachable');

  await upstream.start();
  await page.getByRole('button', { name: pl.apply.review.retry }).click();
  const crt = await downloadPairedCertificate(page, testInfo, true);
  expectPairOnDisk({ key, crt }, application, KEY_PASSWORD);
  // The retry asked KSeF for this key's certificate first, then applied once.
  expect(callsTo(calls, 'POST', /^\/certificates\/enrollments$/).map((c) => c.status)).toEqual([502, 202]);
  expect(callsTo(calls, 'POST', /^\/certificates\/query$/).map((c) => c.status)).toEqual([200]);
});

test('KSeF slow at submission: the timeout message after the relay’s 3 s, and a keyboard retry finds what KSeF made meanwhile, without applying twice', async ({
  page,
  request,
  secrets,
  expectedConsoleErrors,
}, testInfo) => {
  test.setTimeout(180_000);
  expectedConsoleErrors.push(/status of 504/);
  const calls = recordKsefCalls(page);
  const application: Application = { name: 'Wniosek powolny', type: 'Offline', key: 'EC-P256' };
  const key = await testEnvironmentUntilReview(page, testInfo, secrets, randomNip(), application);

  // KSeF takes 8 s over the enrollment (and makes it), the relay gives up after 3 s.
  const latencyMs = 8_000;
  await control(request, 'POST', '/faults', { operation: 'POST /certificates/enrollments', latencyMs });
  const clicked = Date.now();
  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  const problem = page.locator('[data-problem="ksef:upstream-timeout"]');
  await expect(problem).toContainText(pl.ksefErrors['upstream-timeout'], { timeout: 20_000 });
  const waitedMs = Date.now() - clicked;
  testInfo.annotations.push({ type: 'waited before the timeout message', description: `${waitedMs} ms` });
  expect(waitedMs).toBeGreaterThanOrEqual(RELAY_TIMEOUT_MS);
  expect(waitedMs, 'the relay answers long before the browser’s own 30 s').toBeLessThan(RELAY_TIMEOUT_MS + 4_000);
  await expect(page.getByText(pl.apply.review.maybeReceived)).toBeVisible();
  await expectReviewKept(page, application, key.name);
  await checkStep(page, testInfo, '6-upstream-timeout');

  // KSeF finishes what it never answered: 8 s after the request, plus the sandbox's 1 s to issue.
  // Nothing on the page can see that happen, so the test waits it out.
  await page.waitForTimeout(Math.max(0, clicked + latencyMs + 2_500 - Date.now()));
  const retry = page.getByRole('button', { name: pl.apply.review.retry });
  await tabTo(page, retry);
  await page.keyboard.press('Enter');
  const crt = await downloadPairedCertificate(page, testInfo, true);
  expectPairOnDisk({ key, crt }, application, KEY_PASSWORD);
  // One enrollment only: the one that timed out; the retry found its certificate by the key.
  expect(callsTo(calls, 'POST', /^\/certificates\/enrollments$/).map((c) => c.status)).toEqual([504]);
  expect(callsTo(calls, 'POST', /^\/certificates\/query$/).map((c) => c.status)).toEqual([200]);
});

test('a 429 storm on sign-in and on enrollment polling: never sooner than Retry-After, the wait is shown, and it finishes on its own', async ({
  page,
  request,
  secrets,
  expectedConsoleErrors,
}, testInfo) => {
  test.setTimeout(240_000);
  expectedConsoleErrors.push(/status of 429/);
  const calls = recordKsefCalls(page);
  const application: Application = { name: 'Wniosek w burzy', type: 'Authentication', key: 'EC-P256' };
  const retryAfterSeconds = 2;
  const storm = { status: 429, times: 6, retryAfterSeconds };
  await control(request, 'POST', '/faults', { operation: 'GET /auth/{referenceNumber}', ...storm });
  await control(request, 'POST', '/faults', { operation: 'GET /certificates/enrollments/{referenceNumber}', ...storm });
  await control(request, 'POST', '/faults', { operation: 'GET /certificates/limits', ...storm, times: 2 });

  await chooseTestEnvironment(page, randomNip());
  const notice = page.locator('[data-ksef-wait]');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toHaveAttribute('aria-live', 'polite');
  await expect(notice).toBeEmpty();
  const signingIn = signInAsSeal(page, null, 'Firma Burzy');
  await expect(notice).toContainText(pl.apply.rateLimitWait(retryAfterSeconds));
  await checkStep(page, testInfo, '2-waiting-for-ksef');
  await signingIn;
  const key = await applyUntilReview(page, testInfo, secrets, application);

  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  await expect(notice).toContainText(pl.apply.rateLimitWait(retryAfterSeconds), { timeout: 30_000 });
  await checkStep(page, testInfo, '6-waiting-for-ksef');
  const crt = await downloadPairedCertificate(page, testInfo, true);
  expectPairOnDisk({ key, crt }, application, KEY_PASSWORD);
  await expect(notice).toBeEmpty();

  // Every request after a 429 left at least Retry-After later (10 ms for the two clocks' rounding).
  const intervals: string[] = [];
  for (const [method, path, refused] of [
    ['GET', /^\/auth\/[^/]+$/, 6],
    ['GET', /^\/certificates\/enrollments\/(?!data$)[^/]+$/, 6],
    ['GET', /^\/certificates\/limits$/, 2],
  ] as const) {
    const sent = callsTo(calls, method, path);
    expect(
      sent.filter((c) => c.status === 429),
      `${path} refused`,
    ).toHaveLength(refused);
    for (let i = 1; i < sent.length; i++) {
      const previous = sent[i - 1];
      const next = sent[i];
      if (previous?.status !== 429 || next === undefined) continue;
      const gap = Math.round(next.startTime - previous.startTime);
      intervals.push(`${method} ${path.source}: ${gap} ms`);
      expect(gap, `${path} after a 429`).toBeGreaterThanOrEqual(retryAfterSeconds * 1000 - 10);
    }
  }
  testInfo.annotations.push({ type: 'intervals after 429', description: intervals.join('; ') });
  // Bounded: the storm's 14 refusals, and the journey's own calls (at most three status reads each).
  expect(callsTo(calls, 'GET', /^\/auth\/[^/]+$/).length).toBeLessThanOrEqual(6 + 3);
  expect(callsTo(calls, 'GET', /^\/certificates\/enrollments\/(?!data$)[^/]+$/).length).toBeLessThanOrEqual(6 + 3);
  testInfo.annotations.push({ type: 'KSeF requests', description: String(calls.length) });
  expect(calls.length).toBeLessThanOrEqual(35);
});
