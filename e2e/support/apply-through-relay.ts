import type { Page, Request, TestInfo } from '@playwright/test';
import { pl } from '../../src/messages/pl.ts';
import { expect } from './app-test.ts';
import {
  fillDetails,
  generateKey,
  KEY_PASSWORD,
  keyMaterial,
  proveKey,
  signInAsSeal,
  stepHeading,
  type Application,
} from './apply-journey.ts';

/*
 * The wizard on KSeF TEST, which the e2e server's relay sends to a switchable forwarder in front of
 * its own sandbox (`switchable-upstream.ts`): every KSeF call crosses the real relay, its timeout and
 * its error answers.
 */

/** Every request path of the relay's TEST environment, below `/v2`. */
export const TEST_API = '/api/test/v2';

/** Step 1 with KSeF TEST and `nip`. */
export async function chooseTestEnvironment(page: Page, nip: string): Promise<void> {
  await page.goto('./#/apply');
  await expect(page.getByRole('heading', { level: 1, name: pl.apply.title })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByRole('radio', { name: new RegExp(pl.apply.environment.names.test) }).check();
  await page.getByLabel(pl.apply.environment.nip).fill(nip);
  await page.getByRole('button', { name: pl.apply.environment.submit }).click();
  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeFocused();
  await expect(page.getByText(pl.apply.signIn.intro(pl.apply.environment.names.test))).toBeVisible();
}

/**
 * From step 3 (data shown) to step 6, review, with a generated, saved and proven key; nothing is
 * submitted. Records the password and the key material as secrets. @returns the saved `.key`.
 */
export async function applyUntilReview(
  page: Page,
  testInfo: TestInfo,
  secrets: string[],
  application: Application,
): Promise<{ path: string; name: string }> {
  secrets.push(KEY_PASSWORD);
  await expect(page.getByText(pl.apply.data.canRequest)).toBeVisible();
  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await expect(stepHeading(page, pl.apply.details.heading)).toBeFocused();
  await fillDetails(page, application.name, application.type, application.key);
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expect(stepHeading(page, pl.apply.key.heading)).toBeFocused();
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));
  await proveKey(page, key.path, KEY_PASSWORD);
  await expect(page.getByText(pl.apply.key.proven(key.name))).toBeVisible();
  await page.getByLabel(pl.apply.key.stored).check();
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expect(stepHeading(page, pl.apply.review.heading)).toBeFocused();
  await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(0);
  return key;
}

/** Steps 1 to 6 on TEST with a company-seal test identity. */
export async function testEnvironmentUntilReview(
  page: Page,
  testInfo: TestInfo,
  secrets: string[],
  nip: string,
  application: Application,
) {
  await chooseTestEnvironment(page, nip);
  await signInAsSeal(page, null, `Firma ${application.name}`);
  return applyUntilReview(page, testInfo, secrets, application);
}

/** One KSeF call the page made: when it left the browser (ms, browser clock), and its answer. */
export interface KsefCall {
  readonly method: string;
  /** Below `/v2`, e.g. `/certificates/enrollments`. */
  readonly path: string;
  readonly startTime: number;
  readonly status: number | null;
}

/**
 * Records the page's KSeF TEST calls as they finish, with the browser's own send time
 * (`request.timing().startTime`), so intervals are measured where the waiting happens.
 */
export function recordKsefCalls(page: Page): KsefCall[] {
  const calls: KsefCall[] = [];
  const record = (request: Request, status: number | null) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith(`${TEST_API}/`)) return;
    calls.push({
      method: request.method(),
      path: url.pathname.slice(TEST_API.length),
      startTime: request.timing().startTime,
      status,
    });
  };
  page.on('requestfinished', (request) => {
    void request.response().then((response) => record(request, response?.status() ?? null));
  });
  page.on('requestfailed', (request) => record(request, null));
  return calls;
}

/** The calls of one operation (`GET /auth/`, matched on the path's start), in the order they were sent. */
export function callsTo(calls: readonly KsefCall[], method: string, path: RegExp): KsefCall[] {
  return calls.filter((c) => c.method === method && path.test(c.path)).sort((a, b) => a.startTime - b.startTime);
}
