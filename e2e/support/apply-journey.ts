import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import type { APIRequestContext, Download, Page, TestInfo } from '@playwright/test';
import type { KsefEnvironment } from '../../src/ksef/environments.ts';
import { pl } from '../../src/messages/pl.ts';
import { expect, expectAccessible, recordDownloads, screenshot } from './app-test.ts';

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
export async function control(
  request: APIRequestContext,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  data?: object,
): Promise<void> {
  const response = await request.fetch(`/api/sandbox/_control${path}`, {
    method,
    ...(data === undefined ? {} : { data }),
  });
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
export async function download(
  page: Page,
  testInfo: TestInfo,
  action: () => Promise<void>,
): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), action()]);
  const name = file.suggestedFilename();
  const path = testInfo.outputPath(name);
  await file.saveAs(path);
  return { path, name };
}

/** Downloads a test has taken already. */
const taken = new WeakSet<Download>();

/**
 * The next download of `page` named `*<suffix>` that no test took yet, started by the app itself (no
 * click here), saved into the test output.
 */
export async function nextDownload(
  page: Page,
  testInfo: TestInfo,
  suffix: string,
  timeout = 90_000,
): Promise<{ path: string; name: string }> {
  const list = recordDownloads(page);
  const pick = () => list.find((d) => !taken.has(d) && d.suggestedFilename().endsWith(suffix));
  await expect.poll(() => pick() !== undefined, { timeout, message: `a ${suffix} download` }).toBe(true);
  const file = pick();
  if (file === undefined) throw new Error(`No ${suffix} download`);
  taken.add(file);
  const name = file.suggestedFilename();
  const path = testInfo.outputPath(name);
  await file.saveAs(path);
  return { path, name };
}

/** Step 1 with the sandbox (the default) and `nip`. */
export async function chooseSandbox(page: Page, testInfo: TestInfo | null, nip: string): Promise<void> {
  await chooseEnvironment(page, testInfo, nip, 'sandbox');
}

/** Step 1 with `environment` and `nip` (the sandbox is checked until another is chosen). */
export async function chooseEnvironment(
  page: Page,
  testInfo: TestInfo | null,
  nip: string,
  environment: KsefEnvironment,
): Promise<void> {
  await page.goto('./#/apply');
  await expect(page.getByRole('heading', { level: 1, name: pl.apply.title })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('radio', { name: new RegExp(pl.apply.environment.names.sandbox) })).toBeChecked();
  if (environment !== 'sandbox')
    await page.getByRole('radio', { name: new RegExp(pl.apply.environment.names[environment]) }).check();
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
export async function fillDetails(
  page: Page,
  name: string,
  type: 'Authentication' | 'Offline',
  key: 'EC-P256' | 'RSA-2048',
): Promise<void> {
  await page.getByLabel(pl.apply.details.name).fill(name);
  await page.getByRole('radio', { name: new RegExp(pl.apply.details.purposes[type].replace(/[()]/g, '\\$&')) }).check();
  await page.getByRole('radio', { name: new RegExp(pl.apply.details.keyTypes[key].replace(/[()]/g, '\\$&')) }).check();
}

/** Step 5 up to the saved `.key`: the password twice, then "Generate"; returns the downloaded file. */
export async function generateKey(
  page: Page,
  testInfo: TestInfo,
  password: string,
): Promise<{ path: string; name: string }> {
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
  const der = execFileSync('openssl', [
    'pkcs8',
    '-topk8',
    '-nocrypt',
    '-in',
    path,
    '-passin',
    `pass:${password}`,
    '-outform',
    'DER',
  ]);
  return [der.toString('base64'), der.toString('base64url'), der.toString('hex'), der.toString('hex').toUpperCase()];
}

/** Every sandbox control back to how the server started (state, limits, faults, timing); the clock stays. */
export async function resetSandbox(request: APIRequestContext): Promise<void> {
  await control(request, 'POST', '/reset');
}

/** What the page received from the sandbox's sign-in answers while the older shape was on. */
interface OlderAnswerShapes {
  /** The page met the older shape and nothing else: every challenge without clientIp, every auth status without authenticationMethodInfo. */
  expectMet(): Promise<void>;
  /** Switches the sandbox back to today's shape (a `resetSandbox` does too). */
  switchOff(): Promise<void>;
}

/**
 * Switches the sandbox to the answers real KSeF TEST sent in January 2026 (docs/ksef-contract.md §14a):
 * no `clientIp` in POST /auth/challenge, no `authenticationMethodInfo` in GET /auth/{referenceNumber},
 * and records those answers as `page` receives them.
 */
export async function useOlderAnswerShapes(page: Page, request: APIRequestContext): Promise<OlderAnswerShapes> {
  await control(request, 'PUT', '/answer-shape', { shape: 'january-2026' });
  const answers: Promise<{ kind: 'challenge' | 'status'; keys: string[] }>[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    const kind =
      path === '/api/sandbox/v2/auth/challenge'
        ? 'challenge'
        : /^\/api\/sandbox\/v2\/auth\/\d{8}-AU-/.test(path)
          ? 'status'
          : null;
    if (kind === null || response.status() !== 200) return;
    answers.push(
      response.json().then((body: unknown) => ({
        kind,
        keys: typeof body === 'object' && body !== null ? Object.keys(body) : [],
      })),
    );
  });
  return {
    expectMet: async () => {
      const met = await Promise.all(answers);
      const challenges = met.filter((a) => a.kind === 'challenge');
      const statuses = met.filter((a) => a.kind === 'status');
      expect(challenges.length).toBeGreaterThan(0);
      expect(statuses.length).toBeGreaterThan(0);
      expect(challenges.filter((a) => a.keys.includes('clientIp'))).toEqual([]);
      expect(statuses.filter((a) => a.keys.includes('authenticationMethodInfo'))).toEqual([]);
    },
    switchOff: () => control(request, 'PUT', '/answer-shape', { shape: 'current' }),
  };
}

/** The sandbox's "now" (it runs ahead of real time once a test advanced the clock). */
export async function sandboxNow(request: APIRequestContext): Promise<Date> {
  const response = await request.get('/api/sandbox/_control/clock');
  expect(response.status()).toBe(200);
  const body: unknown = await response.json();
  const now = typeof body === 'object' && body !== null && 'now' in body ? body.now : null;
  if (typeof now !== 'string') throw new Error('The sandbox clock answered without "now"');
  return new Date(now);
}

/** Step 2 with a KSeF certificate: the `.key` and `.crt` files and the key's password; waits for step 3. */
export async function signInWithCertificate(
  page: Page,
  testInfo: TestInfo | null,
  keyPath: string,
  crtPath: string,
  password: string,
): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(pl.apply.signIn.methods['ksef-certificate']) }).check();
  await page.getByLabel(pl.apply.signIn.keyFile).setInputFiles(keyPath);
  await page.getByLabel(pl.apply.signIn.certificateFile).setInputFiles(crtPath);
  await page.getByLabel(pl.apply.signIn.password, { exact: true }).fill(password);
  if (testInfo !== null) await checkStep(page, testInfo, '2-sign-in-certificate');
  await page.getByRole('button', { name: pl.apply.signIn.submitCertificate }).click();
  await expect(stepHeading(page, pl.apply.data.heading)).toBeFocused({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: pl.apply.data.limitsHeading, exact: true })).toBeVisible();
}

/** What an application asks for at step 4. */
export interface Application {
  readonly name: string;
  readonly type: 'Authentication' | 'Offline';
  readonly key: 'EC-P256' | 'RSA-2048';
  /** "Valid from" as the date field takes it (`YYYY-MM-DD`); today when left out. */
  readonly validFrom?: string;
}

/** The files a finished application leaves on disk. */
export interface AppliedFiles {
  readonly key: { path: string; name: string };
  readonly crt: { path: string; name: string };
}

/**
 * Steps 3 to 6 from the limits shown after sign-in: details, key and its save proof, review and
 * submit, up to a certificate that pairs. With `testInfo`, axe and a screenshot on every step.
 */
export async function applyUntilSubmitted(
  page: Page,
  testInfo: TestInfo,
  secrets: string[],
  application: Application,
  shots: boolean,
  hooks: { readonly beforeProof?: (saved: { path: string; name: string }) => Promise<void> } = {},
): Promise<{ path: string; name: string }> {
  const step = async (name: string) => {
    if (shots) await checkStep(page, testInfo, name);
  };
  secrets.push(KEY_PASSWORD);
  await expect(page.getByText(pl.apply.data.canRequest)).toBeVisible();
  await step('3-data');
  await page.getByRole('button', { name: pl.apply.data.next }).click();
  await expect(stepHeading(page, pl.apply.details.heading)).toBeFocused();
  await fillDetails(page, application.name, application.type, application.key);
  if (application.validFrom !== undefined)
    await page.getByLabel(pl.apply.details.validFrom).fill(application.validFrom);
  await step('4-details');
  await page.getByRole('button', { name: pl.apply.details.submit }).click();
  await expect(stepHeading(page, pl.apply.key.heading)).toBeFocused();
  const key = await generateKey(page, testInfo, KEY_PASSWORD);
  secrets.push(...keyMaterial(key.path, KEY_PASSWORD));
  await step('5-key-saved');
  await hooks.beforeProof?.(key);
  await proveKey(page, key.path, KEY_PASSWORD);
  await expect(page.getByText(pl.apply.key.proven(key.name))).toBeVisible();
  await page.getByLabel(pl.apply.key.stored).check();
  await step('5-key-proven');
  await page.getByRole('button', { name: pl.apply.key.next }).click();
  await expect(stepHeading(page, pl.apply.review.heading)).toBeFocused();
  await expect(page.locator('[data-check]').first()).toBeVisible();
  await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(0);
  await step('6-review');
  await page.getByRole('button', { name: pl.apply.review.submit }).click();
  return key;
}

/**
 * Step 7 once the certificate is there: it pairs, and the `.crt` arrived on disk without a click; the
 * card names that file. `arrived`: the step was entered just now (its heading has focus), not already
 * shown (a resumed application's open key form).
 */
export async function downloadPairedCertificate(
  page: Page,
  testInfo: TestInfo,
  shots: boolean,
  arrived = true,
): Promise<{ path: string; name: string }> {
  const heading = stepHeading(page, pl.apply.result.heading);
  if (arrived) await expect(heading).toBeFocused({ timeout: 90_000 });
  else await expect(heading).toBeVisible();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs', { timeout: 30_000 });
  const crt = await nextDownload(page, testInfo, '.crt', 30_000);
  await expect(page.getByText(pl.apply.result.source.saved(crt.name), { exact: true })).toBeVisible();
  if (shots) await checkStep(page, testInfo, '7-result');
  return crt;
}

/**
 * Step 7's "sign out and forget the key"; `asked`: the question about unsaved files comes first, and
 * is answered "sign out anyway". Ends on step 1 with its heading focused (a question not answered
 * here would keep the page on step 7).
 */
export async function signOut(page: Page, asked: boolean): Promise<void> {
  await page.getByRole('button', { name: pl.apply.result.signOut }).click();
  const dialog = page.getByRole('dialog', { name: pl.apply.result.unsaved.title });
  if (asked) await dialog.getByRole('button', { name: pl.apply.result.unsaved.confirm }).click();
  await expect(stepHeading(page, pl.apply.environment.heading)).toBeFocused();
  await expect(dialog).toBeHidden();
}

/** Steps 3 to 7: a certificate that pairs, its `.key` and `.crt` on disk. */
export async function applyForCertificate(
  page: Page,
  testInfo: TestInfo,
  secrets: string[],
  application: Application,
  shots: boolean,
): Promise<AppliedFiles> {
  const key = await applyUntilSubmitted(page, testInfo, secrets, application, shots);
  const crt = await downloadPairedCertificate(page, testInfo, shots);
  expect(crt.name).toBe(key.name.replace(/\.key$/, '.crt'));
  return { key, crt };
}

/**
 * The checks of every journey, by openssl: the `.key` opens with the password, its public key is the
 * `.crt`'s, the `.crt` carries the purpose's key usage and the chosen key type.
 */
export function expectPairOnDisk(files: AppliedFiles, application: Application, password: string): void {
  const keyPublic = openssl(['pkey', '-in', files.key.path, '-passin', `pass:${password}`, '-pubout']);
  expect(openssl(['x509', '-in', files.crt.path, '-noout', '-pubkey'])).toBe(keyPublic);
  const keyUsage = openssl(['x509', '-in', files.crt.path, '-noout', '-ext', 'keyUsage']);
  expect(keyUsage).toContain(application.type === 'Authentication' ? 'Digital Signature' : 'Non Repudiation');
  expect(keyUsage).not.toContain(application.type === 'Authentication' ? 'Non Repudiation' : 'Digital Signature');
  const text = openssl(['x509', '-in', files.crt.path, '-noout', '-text']);
  if (application.key === 'EC-P256') expect(text).toContain('ASN1 OID: prime256v1');
  else expect(text).toMatch(/rsaEncryption[\s\S]*Public-Key: \(2048 bit\)/);
}

/** Step 7: the PFX with the key's password; openssl opens it and finds the `.key`'s certificate in it. */
export async function downloadAndCheckPfx(
  page: Page,
  testInfo: TestInfo,
  files: AppliedFiles,
  password: string,
): Promise<void> {
  await page.getByLabel(pl.pfx.keyPassword, { exact: true }).fill(password);
  const pfx = await download(page, testInfo, () => page.getByRole('button', { name: pl.pfx.submit }).click());
  expect(pfx.name).toBe(files.key.name.replace(/\.key$/, '.pfx'));
  openssl(['pkcs12', '-info', '-in', pfx.path, '-passin', `pass:${password}`, '-noout']);
  const certificate = openssl(['pkcs12', '-in', pfx.path, '-passin', `pass:${password}`, '-nokeys', '-clcerts']);
  const keyPublic = openssl(['pkey', '-in', files.key.path, '-passin', `pass:${password}`, '-pubout']);
  expect(openssl(['x509', '-noout', '-pubkey'], certificate)).toBe(keyPublic);
}

/** The DER of an unencrypted PEM private key, in the encodings a leak could take. */
export function pemKeyMaterial(pem: string): string[] {
  const der = execFileSync('openssl', ['pkey', '-outform', 'DER'], { input: pem });
  return [der.toString('base64'), der.toString('base64url'), der.toString('hex'), der.toString('hex').toUpperCase()];
}
