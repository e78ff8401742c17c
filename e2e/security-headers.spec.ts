import { expect, test } from '@playwright/test';
import { rawExchange } from '../tests/support/raw-http.ts';

// Plain Playwright tests, not the guarded ones: the second test provokes a violation on purpose.

test('the app is served with a strict Content-Security-Policy and the other security headers', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
      "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  );
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  const api = await page.request.post('/api/sandbox/v2/auth/challenge');
  expect(api.headers()['content-security-policy']).toContain("default-src 'self'");
});

test('the policy is enforced: requests to other origins are refused', async ({ page }) => {
  await page.goto('/');
  // (Scripts Playwright evaluates are exempt from the page's CSP, so eval cannot be probed from here;
  // the guard of every other journey fails on any violation the app's own code causes.)
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.2:9/');
      return 'allowed';
    } catch {
      return 'blocked';
    }
  });
  expect(outcome).toBe('blocked');
});

test('the server’s own refusals carry the headers too: a malformed request, a foreign Host', async ({ baseURL }) => {
  const port = Number(new URL(baseURL ?? '').port);
  // Raw bytes: no HTTP client would send these.
  const malformed = await rawExchange(port, 'GARBAGE\r\n\r\n');
  const rebinding = await rawExchange(
    port,
    `GET / HTTP/1.1\r\nHost: rebind.example:${port}\r\nOrigin: http://rebind.example:${port}\r\nConnection: close\r\n\r\n`,
  );
  for (const [answer, status, error] of [
    [malformed, 400, 'bad-request'],
    [rebinding, 421, 'host-not-allowed'],
  ] as const) {
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toEqual({ error });
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  }
});
