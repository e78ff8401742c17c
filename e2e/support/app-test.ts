import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Download, type Page, type TestInfo } from '@playwright/test';

/** The only key the app may keep in browser storage (src/state/preferences-store.ts). */
export const PREFERENCES_KEY = 'ksef-cert.preferences';
/** The non-secret records of submitted applications (src/state/apply/records.ts). */
export const APPLICATIONS_KEY = 'ksef-cert.applications';
/** The fields an application record may have: none of them secret. */
const RECORD_FIELDS = [
  'id',
  'environment',
  'contextNip',
  'referenceNumber',
  'certificateName',
  'certificateType',
  'keyAlgorithm',
  'createdAt',
  'publicKeyFingerprint',
  'status',
  'serialNumber',
].sort();
/** Fields a record may lack (records written before they were kept). */
const OPTIONAL_RECORD_FIELDS = ['keyFileName'];
/** The tab's draft of the application in progress (src/state/apply/draft.ts), in sessionStorage. */
export const DRAFT_KEY = 'ksef-cert.draft';
/** The fields a draft has: none of them secret. */
const DRAFT_FIELDS = [
  'step',
  'environment',
  'contextNip',
  'external',
  'details',
  'savedKey',
  'passwordStoredConfirmed',
  'recordId',
].sort();

/** One request as sent: where to, with what body, and whether the app's service worker sent it. */
export interface Exchange {
  readonly url: string;
  readonly postData: string | null;
  readonly fromServiceWorker: boolean;
}

interface AppFixtures {
  /** Every URL the page requested, in order (whether the network or the service worker answered). */
  readonly requests: string[];
  /**
   * Every request of the test's browser context with its body, for the guard's scans: the page's,
   * those of any other page the test opens, and the service worker's own (precaching, and the
   * network fetches behind the requests it answers), which no page sees.
   */
  readonly exchanges: Exchange[];
  /**
   * Secrets the test met (passwords, key material in every encoding, session tokens): after the test
   * none may appear in any request's URL or body, nor in browser storage. KSeF tokens are added here
   * by the guard itself, from the responses that carry them.
   */
  readonly secrets: string[];
  /** Console errors a test provokes on purpose (the browser logs a failed 429 request), as patterns. */
  readonly expectedConsoleErrors: RegExp[];
  /** Checks run after every test: own origin only, no secrets in requests or storage, no console errors. */
  readonly guard: void;
}

/** True for URLs that reach no network (a `data:` URL) or whose origin is `origin`. */
function isOwnOrigin(url: string, origin: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'data:' || parsed.origin === origin;
}

/** True for the relay's and the sandbox's URLs, which the service worker must never touch. */
export function isApiUrl(url: string): boolean {
  return new URL(url).pathname.startsWith('/api/');
}

/** Every download of a page since its test began, so one the app starts on its own is never missed. */
const pageDownloads = new WeakMap<Page, Download[]>();

/** Starts recording `page`'s downloads (every test's page does from its start); returns the list. */
export function recordDownloads(page: Page): Download[] {
  const known = pageDownloads.get(page);
  if (known !== undefined) return known;
  const list: Download[] = [];
  pageDownloads.set(page, list);
  page.on('download', (d) => list.push(d));
  return list;
}

export const test = base.extend<AppFixtures>({
  requests: async ({ page }, use) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await use(requests);
  },
  exchanges: async ({ context }, use) => {
    const exchanges: Exchange[] = [];
    context.on('request', (request) => {
      exchanges.push({
        url: request.url(),
        postData: request.postData(),
        fromServiceWorker: request.serviceWorker() !== null,
      });
    });
    await use(exchanges);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  secrets: async ({}, use) => {
    await use([]);
  },
  // eslint-disable-next-line no-empty-pattern -- as above.
  expectedConsoleErrors: async ({}, use) => {
    await use([]);
  },
  guard: [
    async ({ context, page, exchanges, secrets, expectedConsoleErrors, baseURL }, use) => {
      recordDownloads(page);
      const consoleErrors: string[] = [];
      const tokenReads: Promise<void>[] = [];
      context.on('response', (response) => {
        if (!/\/auth\/(xades-signature|token\/redeem|token\/refresh)/.test(response.url()) || !response.ok()) return;
        tokenReads.push(
          response.json().then(
            (body: unknown) => {
              secrets.push(...tokensIn(body));
            },
            () => undefined,
          ),
        );
      });
      // The context's, so that every page of the test and the service worker are heard.
      context.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      context.on('weberror', (error) => consoleErrors.push(error.error().message));
      // Content-Security-Policy violations, reported from every page load of every page of the context.
      const cspViolations: string[] = [];
      await context.exposeFunction('reportCspViolation', (violation: string) => {
        cspViolations.push(violation);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { reportCspViolation: (v: string) => Promise<void> }).reportCspViolation;
          void report(
            `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });

      await use();
      await Promise.all(tokenReads);
      expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);

      const origin = new URL(baseURL ?? '').origin;
      expect(
        exchanges.filter(({ url }) => !isOwnOrigin(url, origin)).map(({ url }) => url),
        'requests to other origins',
      ).toEqual([]);
      const workerApiCalls = exchanges.filter((e) => e.fromServiceWorker && isApiUrl(e.url)).map(({ url }) => url);
      expect(workerApiCalls, 'requests of the service worker to /api/').toEqual([]);
      expect(
        consoleErrors.filter((e) => !expectedConsoleErrors.some((p) => p.test(e))),
        'console errors',
      ).toEqual([]);
      const forms = secrets.filter((s) => s.length >= 8).flatMap(encodingsOf);
      for (const { url, postData } of exchanges) {
        const leaked = forms.filter((form) => url.includes(form) || (postData?.includes(form) ?? false));
        expect(leaked, `secrets in the request to ${url}`).toEqual([]);
      }
      if (page.url().startsWith(origin)) {
        const storage = await page.evaluate(async () => ({
          local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
          session: Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])),
          indexedDb: (await indexedDB.databases()).map((db) => db.name ?? ''),
        }));
        const { [PREFERENCES_KEY]: preferences, [APPLICATIONS_KEY]: applications, ...otherLocal } = storage.local;
        if (applications !== undefined) {
          const records: unknown = JSON.parse(applications ?? 'null');
          expect(Array.isArray(records), 'the application records are a list').toBe(true);
          for (const record of records as object[])
            expect(
              Object.keys(record)
                .filter((k) => !OPTIONAL_RECORD_FIELDS.includes(k))
                .sort(),
              'fields of an application record',
            ).toEqual(RECORD_FIELDS);
          expect(applications, 'application records hold no PEM').not.toMatch(/-----BEGIN|PRIVATE KEY/);
          const leaked = forms.filter((form) => applications?.includes(form));
          expect(leaked, 'secrets in the application records').toEqual([]);
        }
        expect(otherLocal, 'localStorage beyond the language preference').toEqual({});
        if (preferences !== undefined) {
          expect(JSON.parse(preferences ?? 'null'), 'the stored preference').toEqual({
            language: expect.stringMatching(/^(pl|en)$/),
          });
        }
        const { [DRAFT_KEY]: draft, ...otherSession } = storage.session;
        if (draft !== undefined) {
          expect(Object.keys(JSON.parse(draft ?? '{}') as object).sort(), 'fields of the draft').toEqual(DRAFT_FIELDS);
          expect(draft, 'the draft holds no PEM').not.toMatch(/-----BEGIN|PRIVATE KEY/);
          expect(
            forms.filter((form) => draft?.includes(form)),
            'secrets in the draft',
          ).toEqual([]);
        }
        expect(otherSession, 'sessionStorage beyond the draft').toEqual({});
        expect(storage.indexedDb, 'IndexedDB databases').toEqual([]);
        const cached = await cacheStorageOf(page, forms);
        expect(
          cached.urls.filter((url) => !isOwnOrigin(url, origin) || isApiUrl(url)),
          "Cache Storage beyond the app's own files",
        ).toEqual([]);
        expect(cached.leaked, 'secrets in Cache Storage').toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Opens the checker and waits until the page has loaded everything it loads in the background (the
 * crypto code and the file reader's workers are fetched right after the first paint), so that
 * checking itself must be request-free.
 */
export async function openChecker(page: Page): Promise<void> {
  await page.goto('./#/check');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await fileReaderReady(page);
}

/**
 * Waits until the checker's file reader is ready: its two workers are started with the screen (after
 * its code loads), and once they run, their script is loaded, so reading a file makes no request.
 */
export async function fileReaderReady(page: Page): Promise<void> {
  await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(2);
  await Promise.all(page.workers().map((worker) => worker.evaluate(() => true)));
  await page.waitForLoadState('networkidle');
}

/** Runs `action` and fails if the page made any request meanwhile. */
export async function withoutRequests(requests: readonly string[], action: () => Promise<void>): Promise<void> {
  const before = requests.length;
  await action();
  expect(requests.slice(before), 'requests while checking').toEqual([]);
}

/** axe with every rule it has (WCAG 2.x A/AA and best practices): zero violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(violations, 'axe violations').toEqual([]);
}

/** A full-page screenshot into the test's output folder. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** What Cache Storage holds: every cached URL, and which of `forms` any cached body contains. */
export async function cacheStorageOf(
  page: Page,
  forms: readonly string[],
): Promise<{ urls: string[]; leaked: string[] }> {
  return page.evaluate(async (secretForms) => {
    const urls: string[] = [];
    const leaked = new Set<string>();
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        urls.push(request.url);
        const body = (await (await cache.match(request))?.text()) ?? '';
        for (const form of secretForms) if (request.url.includes(form) || body.includes(form)) leaked.add(form);
      }
    }
    return { urls, leaked: [...leaked] };
  }, forms);
}

/** Every session token in a KSeF response body (`authenticationToken`, `accessToken`, `refreshToken`). */
function tokensIn(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  return ['authenticationToken', 'accessToken', 'refreshToken'].flatMap((field) => {
    const value: unknown = (body as Record<string, unknown>)[field];
    const token: unknown =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>).token : undefined;
    return typeof token === 'string' ? [token] : [];
  });
}

/** A secret as it could appear in a URL or body: as is, URL-encoded, Base64 and Base64url of its UTF-8. */
function encodingsOf(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      base64,
      Buffer.from(secret, 'utf8').toString('base64url'),
      JSON.stringify(secret).slice(1, -1),
    ]),
  ].filter((f) => f.length >= 8);
}
