import type { APIResponse, Page } from '@playwright/test';
import { pl } from '../src/messages/pl.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../server/security-headers.ts';
import { SUB_PATH } from '../scripts/nginx-test-config.ts';
import { expect, fileReaderReady, openChecker, test, withoutRequests } from './support/app-test.ts';
import { fixture, KEY_PASSWORD } from './support/paths.ts';

/*
 * The offline checker and the headers as nginx serves them with deploy/nginx/ksef-cert.conf (the
 * 'nginx' project of playwright.config.ts; scripts/nginx-e2e.ts renders the loopback variant).
 */

/** Opens jan.key and jan.crt, unlocks the key and waits for the verdict, with no request at all. */
async function checkJansPair(page: Page, requests: string[]): Promise<void> {
  await withoutRequests(requests, async () => {
    await page.locator('input[type="file"]').setInputFiles([fixture('jan.key'), fixture('jan.crt')]);
    const password = page.getByLabel(pl.check.password.label('jan.key'), { exact: true });
    await password.fill(KEY_PASSWORD);
    await password.press('Enter');
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pairs');
  });
  await expect(page.locator('[data-verdict]')).toContainText(pl.check.verdict.pairs);
  await expect(page.getByRole('article', { name: 'Certyfikat: Jan Kowalski' })).toContainText(pl.check.pairBadge);
}

/**
 * Every header the shipped config adds, each exactly once and with exactly this value: the same
 * policy and headers as the Node server (server/security-headers.ts), plus HSTS and caching.
 */
function expectNginxHeaders(response: APIResponse, cacheControl: string): void {
  const expected: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Strict-Transport-Security': 'max-age=31536000',
    'Cache-Control': cacheControl,
  };
  for (const [name, value] of Object.entries(expected)) {
    const sent = response.headersArray().filter((h) => h.name.toLowerCase() === name.toLowerCase());
    expect(
      sent.map((h) => h.value),
      `${name} on ${response.url()}`,
    ).toEqual([value]);
  }
  expect(response.headers()['server'], 'no version in Server').toBe('nginx');
}

test('the checker through nginx: an encrypted .key and its certificate pair', async ({ page, requests }) => {
  await openChecker(page);
  await checkJansPair(page, requests);
});

test('the build works from any static host path: the checker under a sub-path', async ({ page, requests, baseURL }) => {
  const subPath = new URL(SUB_PATH, baseURL).href;
  await page.goto(`${subPath}#/check`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await fileReaderReady(page);
  await checkJansPair(page, requests);
  // The page and every script and style came from the sub-path (vite `base: './'`).
  expect(requests.length).toBeGreaterThan(2);
  expect(
    requests.filter((url) => !url.startsWith(subPath)),
    'requests outside the sub-path',
  ).toEqual([]);
});

test('nginx sends the security headers and the policy exactly, on the page, an asset and relay answers', async ({
  request,
}) => {
  const index = await request.get('/');
  expect(index.status()).toBe(200);
  expectNginxHeaders(index, 'no-cache');
  expect(index.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
  if (script === undefined) throw new Error('index.html names no script asset');
  const asset = await request.get(`/${script}`);
  expect(asset.status()).toBe(200);
  expect(asset.headers()['content-type']).toBe('application/javascript');
  expectNginxHeaders(asset, 'public, max-age=31536000, immutable');
  // Compressed on the wire (Playwright decodes the body; the headers say how it travelled).
  expect(asset.headers()['content-encoding']).toBe('gzip');
  expect(asset.headers()['vary']).toBe('Accept-Encoding');

  // An answer of nginx's own (the allowlist refuses) and one relayed from KSeF (here the sandbox,
  // which sends the same headers itself: nginx must not pass them on beside its own).
  const refused = await request.get('/api/test/v2/sessions');
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toEqual({ error: 'not-found' });
  expectNginxHeaders(refused, 'no-store');
  const relayed = await request.post('/api/test/v2/auth/challenge', { data: {} });
  expect(relayed.status()).toBe(200);
  expectNginxHeaders(relayed, 'no-store');

  // Dot-files of the build (Vite's manifest) are never served.
  expect((await request.get('/.vite/manifest.json')).status()).toBe(404);
});
