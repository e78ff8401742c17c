import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2ePorts, nginxPrefix } from '../scripts/nginx-test-config.ts';
import { expect, test } from './support/app-test.ts';
import {
  applyForCertificate,
  chooseEnvironment,
  expectPairOnDisk,
  KEY_PASSWORD,
  randomNip,
  signInAsSeal,
  type Application,
} from './support/apply-journey.ts';

/*
 * Journey (1) of the application wizard through nginx with deploy/nginx/ksef-cert.conf: environment
 * TEST, which the loopback variant relays to the local sandbox of a Node server of its own (the
 * sandbox, like TEST, accepts the browser's self-signed test identity). Then the relay's edges,
 * refused by nginx itself.
 */

/** KSeF's 36-character identifiers: reference numbers and challenges (server/sandbox/random.ts). */
const KSEF_IDENTIFIER = /\d{8}-[A-Z]{2}-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}/;

/** One line of the `ksef_cert` log format: time, method, route in quotes, status, duration. */
const LOG_LINE = /^\S+ (GET|HEAD|POST|DELETE) "([^"]*)" \d{3} \d+\.\d{3}$/;

/** nginx's access log, as scripts/nginx-e2e.ts configured it. */
function accessLog(): string[] {
  return readFileSync(join(nginxPrefix(e2ePorts().nginx), 'logs', 'access.log'), 'utf8')
    .trim()
    .split('\n');
}

test('journey 1 through nginx: TEST, test identity (company seal), Authentication, EC: a .crt that pairs', async ({
  page,
  secrets,
  requests,
}, testInfo) => {
  test.setTimeout(180_000);
  const application: Application = { name: 'Program przez nginx', type: 'Authentication', key: 'EC-P256' };
  await chooseEnvironment(page, null, randomNip(), 'test');
  await signInAsSeal(page, null, 'Biuro przez nginx');
  const files = await applyForCertificate(page, testInfo, secrets, application, false);
  expectPairOnDisk(files, application, KEY_PASSWORD);

  // The wizard talked to TEST only, through the relay (the page's origin is nginx: see the guard).
  const api = requests.filter((url) => new URL(url).pathname.startsWith('/api/'));
  expect(api.length).toBeGreaterThan(5);
  expect(
    api.filter((url) => !new URL(url).pathname.startsWith('/api/test/v2/')),
    'calls to other environments',
  ).toEqual([]);
  const identifiers = api.flatMap((url) => KSEF_IDENTIFIER.exec(url)?.[0] ?? []);
  expect(identifiers.length, 'reference numbers in the URLs the wizard called').toBeGreaterThan(0);

  // The access log has route templates, never a reference number, a query or a token.
  const log = accessLog();
  const routes = log.map((line) => {
    const match = LOG_LINE.exec(line);
    expect(match, `log line in the ksef_cert format: ${line}`).not.toBeNull();
    return `${match?.[1]} ${match?.[2]}`;
  });
  for (const route of [
    'POST test /auth/challenge',
    'POST test /auth/xades-signature',
    'GET test /auth/{referenceNumber}',
    'POST test /auth/token/redeem',
    'GET test /certificates/enrollments/data',
    'POST test /certificates/enrollments',
    'GET test /certificates/enrollments/{referenceNumber}',
    'POST test /certificates/retrieve',
  ]) {
    expect(routes, 'routes in the access log').toContain(route);
  }
  const text = log.join('\n');
  expect(text).not.toMatch(KSEF_IDENTIFIER);
  expect(text).not.toContain('?');
  expect(
    secrets.filter((secret) => text.includes(secret)),
    'secrets in the access log',
  ).toEqual([]);
});

test('nginx refuses what the relay refuses: other operations, big bodies, bodies on GET, other sites, queries', async ({
  request,
}) => {
  const json = { 'Content-Type': 'application/json' };
  for (const path of [
    '/api/test/v2/sessions',
    '/api/test/v2/auth/sessions',
    '/api/sandbox/v2/auth/challenge',
    '/api/other/v2/auth/challenge',
  ]) {
    const response = await request.post(path, { headers: json, data: '{}' });
    expect(response.status(), path).toBe(404);
    expect(await response.json(), path).toEqual({ error: 'not-found' });
  }
  const wrongMethod = await request.get('/api/test/v2/auth/challenge');
  expect(wrongMethod.status()).toBe(404);

  const large = await request.post('/api/test/v2/auth/challenge', { headers: json, data: 'x'.repeat(1024 * 1024 + 1) });
  expect(large.status()).toBe(413);
  expect(await large.json()).toEqual({ error: 'body-too-large' });

  // GET routes take no body: nginx refuses one rather than passing it on.
  const getWithBody = await request.fetch('/api/test/v2/certificates/limits', { method: 'GET', data: 'x' });
  expect(getWithBody.status()).toBe(413);
  expect(await getWithBody.json()).toEqual({ error: 'body-not-allowed' });

  const crossSite: Record<string, string>[] = [
    { Origin: 'https://elsewhere.example' },
    { Origin: 'null' },
    { 'Sec-Fetch-Site': 'cross-site' },
  ];
  for (const headers of crossSite) {
    const response = await request.post('/api/test/v2/auth/challenge', {
      headers: { ...json, ...headers },
      data: '{}',
    });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(await response.json()).toEqual({ error: 'cross-origin' });
  }

  const query = await request.post('/api/test/v2/auth/challenge?x=1', { headers: json, data: '{}' });
  expect(query.status()).toBe(400);
  expect(await query.json()).toEqual({ error: 'query-not-allowed' });
});
