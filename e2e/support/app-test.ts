import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

/** The only key the app may keep in browser storage (src/state/preferences-store.ts). */
export const PREFERENCES_KEY = 'ksef-cert.preferences';

interface AppFixtures {
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  /** Checks run after every test: own origin only, no secrets in storage, no console errors. */
  readonly guard: void;
}

/** True for URLs that reach no network (a `data:` URL) or whose origin is `origin`. */
function isOwnOrigin(url: string, origin: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'data:' || parsed.origin === origin;
}

export const test = base.extend<AppFixtures>({
  requests: async ({ page }, use) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await use(requests);
  },
  guard: [
    async ({ page, requests, baseURL }, use) => {
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));

      await use();

      const origin = new URL(baseURL ?? '').origin;
      expect(requests.filter((url) => !isOwnOrigin(url, origin)), 'requests to other origins').toEqual([]);
      expect(consoleErrors, 'console errors').toEqual([]);
      if (page.url().startsWith(origin)) {
        const storage = await page.evaluate(async () => ({
          local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
          session: Object.keys(sessionStorage),
          indexedDb: (await indexedDB.databases()).map((db) => db.name ?? ''),
        }));
        const { [PREFERENCES_KEY]: preferences, ...otherLocal } = storage.local;
        expect(otherLocal, 'localStorage beyond the language preference').toEqual({});
        if (preferences !== undefined) {
          expect(JSON.parse(preferences ?? 'null'), 'the stored preference').toEqual({ language: expect.stringMatching(/^(pl|en)$/) });
        }
        expect(storage.session, 'sessionStorage').toEqual([]);
        expect(storage.indexedDb, 'IndexedDB databases').toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Opens the checker and waits until the page has loaded everything it loads in the background (the
 * crypto code is fetched right after the first paint), so that checking itself must be request-free.
 */
export async function openChecker(page: Page): Promise<void> {
  await page.goto('./#/check');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
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
  const violations = results.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  expect(violations, 'axe violations').toEqual([]);
}

/** A full-page screenshot into the test's output folder. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}
