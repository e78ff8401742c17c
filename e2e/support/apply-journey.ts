import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { pl } from '../../src/messages/pl.ts';
import { expect, expectAccessible, screenshot } from './app-test.ts';

/** A password that meets the key password rules (15-32 characters, every class). */
export const KEY_PASSWORD = 'Klucz-Wniosku-2025!ok';

/** A random NIP with a correct check digit, so every journey is its own taxpayer in the sandbox. */
export function randomNip(): string {
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (;;) {
    const digits = [randomInt(1, 10), randomInt(1, 10), ...Array.from({ length: 7 }, () => randomInt(0, 10))];
    const check = digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

/** The sandbox's test controls (served with KSEF_SANDBOX_CONTROL=1), outside the page. */
export async function control(request: APIRequestContext, method: 'POST' | 'PUT' | 'DELETE', path: string, data?: object): Promise<void> {
  const response = await request.fetch(`/api/sandbox/_control${path}`, { method, ...(data === undefined ? {} : { data }) });
  expect(response.status(), `${method} ${path}`).toBeLessThan(300);
}

export function openssl(args: readonly string[], input?: string): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The current step's heading: it must have focus after every step change. */
export const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });

/** axe with no violations, and a full-page screenshot into the test output. */
export async function checkStep(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectAccessible(page);
  await screenshot(page, testInfo, name);
}

/** Runs `action` and saves the download it starts into the test output; returns its path and name. */
export async function download(page: Page, testInfo: TestInfo, action: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), action()]);
  const name = file.suggestedFilename();
  const path = testInfo.outputPath(name);
  await file.saveAs(path);
  return { path, name };
}

/** Step 1 with the sandbox (the default) and `nip`. */
export async function chooseSandbox(page: Page, testInfo: TestInfo | null, nip: string): Promise<void> {
  await page.goto('./#/apply');
  await expect(page.getByRole('heading', { level: 1, name: pl.apply.title })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('radio', { name: new RegExp(pl.apply.environment.names.sandbox) })).toBeChecked();
  await page.getByLabel(pl.apply.environment.nip).fill(nip);
  if (testInfo !== null) await checkStep(page, testInfo, '1-environment');
  await page.getByRole('button', { name: pl.apply.environment.submit }).click();
  await expect(stepHeading(page, pl.apply.signIn.heading)).toBeFocused();
}

/** Step 2 with a test identity (company seal) for the context NIP, then step 3 until the limits show. */
export async function signInAsSeal(page: Page, testInfo: TestInfo | null, organizationName: string): Promise<void> {
  await expect(page.getByRole('radio', { name: new RegExp(pl.apply.signIn.methods['test-identity']) })).toBeChecked();
  await page.getByLabel(pl.apply.signIn.organizationName).fill(organizationName);
  if (testInfo !== null) await checkStep(page, testInfo, '2-sign-in');
  await page.getByRole('button', { name: pl.apply.signIn.submitIdentity }).click();
  await expect(stepHeading(page, pl.apply.data.heading)).toBeFocused({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: pl.apply.data.limitsHeading, exact: true })).toBeVisible();
}

/** Step 4: name, type and key type (start date left at today). */
export async function fillDetails(page: Page, name: string, type: 'Authentication' | 'Offline', key: 'EC-P256' | 'RSA-2048'): Promise<void> {
  await page.getByLabel(pl.apply.details.name).fill(name);
  await page.getByRole('radio', { name: new RegExp(pl.apply.details.purposes[type].replace(/[()]/g, '\\$&')) }).check();
  await page.getByRole('radio', { name: new RegExp(pl.apply.details.keyTypes[key].replace(/[()]/g, '\\$&')) }).check();
}

/** Step 5 up to the saved `.key`: the password twice, then "Generate"; returns the downloaded file. */
export async function generateKey(page: Page, testInfo: TestInfo, password: string): Promise<{ path: string; name: string }> {
  await page.getByLabel(pl.apply.key.password, { exact: true }).fill(password);
  await page.getByLabel(pl.apply.key.confirm, { exact: true }).fill(password);
  const saved = await download(page, testInfo, () => page.getByRole('button', { name: pl.apply.key.generate }).click());
  await expect(page.getByText(pl.apply.key.saved(saved.name))).toBeVisible();
  return saved;
}

/** The save proof: pick `path`, type `password`, "Check the file". */
export async function proveKey(page: Page, path: string, password: string): Promise<void> {
  await page.getByLabel(pl.apply.key.proveFile).setInputFiles(path);
  await page.getByLabel(pl.apply.key.provePassword, { exact: true }).fill(password);
  await page.getByRole('button', { name: pl.apply.key.prove }).click();
}

/** The PKCS#8 DER of a `.key`, decrypted by openssl with `password`, in the encodings a leak could take. */
export function keyMaterial(path: string, password: string): string[] {
  const der = execFileSync('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', path, '-passin', `pass:${password}`, '-outform', 'DER']);
  return [der.toString('base64'), der.toString('base64url'), der.toString('hex'), der.toString('hex').toUpperCase()];
}
