import { pl } from '../src/messages/pl.ts';
import { expect, expectAccessible, test } from './support/app-test.ts';
import {
  applyForCertificate,
  checkStep,
  chooseSandbox,
  randomNip,
  resetSandbox,
  signInAsSeal,
} from './support/apply-journey.ts';

/*
 * The result step's sign-in test: after journey (1)'s issuance, the new Authentication certificate
 * signs in to the sandbox with the key still in memory, the answer names whom KSeF saw and the context,
 * and the session it opened is ended (DELETE /auth/sessions/current was sent).
 */

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('the result step signs in with the new certificate, names the subject and ends that session', async ({
  page,
  secrets,
}, testInfo) => {
  test.setTimeout(120_000);
  const nip = randomNip();
  await chooseSandbox(page, null, nip);
  await signInAsSeal(page, null, 'Biuro Rachunkowe Test Logowania');
  await applyForCertificate(
    page,
    testInfo,
    secrets,
    { name: 'Program księgowy logowanie', type: 'Authentication', key: 'EC-P256' },
    false,
  );

  const sent: string[] = [];
  page.on('request', (request) => sent.push(`${request.method()} ${new URL(request.url()).pathname}`));
  const panel = page.getByRole('region', { name: pl.authTest.heading });
  await panel.getByRole('button', { name: pl.authTest.button }).click();
  const answer = panel.locator('[data-auth-test-result]');
  await expect(answer).toHaveAttribute('data-auth-test-result', 'signed-in', { timeout: 30_000 });
  await expect(answer).toContainText('KSeF przyjął logowanie:');
  await expect(answer).toContainText(`VATPL-${nip}`);
  await expect(answer).toContainText(`kontekst NIP ${nip}; sesja zakończona.`);
  await checkStep(page, testInfo, '7-result-auth-test');

  const signIns = sent.filter((line) => line.endsWith('/auth/xades-signature'));
  const deletes = sent.filter((line) => line.startsWith('DELETE ') && line.endsWith('/auth/sessions/current'));
  expect(signIns).toHaveLength(1);
  expect(deletes).toHaveLength(1);
  // The session ended is the one the test opened, after its sign-in.
  expect(sent.indexOf(deletes[0] ?? '')).toBeGreaterThan(sent.indexOf(signIns[0] ?? ''));
});

test('a certificate valid from tomorrow: the test says when it becomes valid, and sends nothing', async ({
  page,
  secrets,
}, testInfo) => {
  test.setTimeout(120_000);
  // Tomorrow in the page's time zone (playwright.config.ts: Europe/Warsaw), as the date field takes it.
  const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(
    new Date(Date.now() + 24 * 3_600_000),
  );
  await chooseSandbox(page, null, randomNip());
  await signInAsSeal(page, null, 'Biuro Rachunkowe Jutro');
  await applyForCertificate(
    page,
    testInfo,
    secrets,
    { name: 'Program od jutra', type: 'Authentication', key: 'EC-P256', validFrom: tomorrow },
    false,
  );

  const sent: string[] = [];
  page.on('request', (request) => sent.push(new URL(request.url()).pathname));
  const panel = page.getByRole('region', { name: pl.authTest.heading });
  await panel.getByRole('button', { name: pl.authTest.button }).click();
  const answer = panel.locator('[data-auth-test-result]');
  await expect(answer).toHaveAttribute('data-auth-test-result', 'not-yet-valid');
  // The sentence up to the moment, which is in this computer's time zone.
  await expect(answer).toContainText(pl.authTest.notYetValid('\u0000').split('\u0000')[0] ?? '');
  await expectAccessible(page);
  expect(sent.filter((path) => path.startsWith('/api/'))).toEqual([]);
});
