import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCertificate } from '../../src/crypto/certificate-reader';
import { checkRevocation, readCrl, verifyCrlSignature } from '../../src/crypto/crl';
import { buildCsr, csrToBase64 } from '../../src/crypto/csr';
import { generateKeyPair } from '../../src/crypto/keys';
import { fromBase64 } from '../../src/lib/bytes';
import type { KsefCertificateType } from '../../src/ksef/common-schemas';
import { isKsefError } from '../../src/ksef/errors';
import { pollEnrollmentStatus } from '../../src/ksef/polling';
import type { SignedInSession } from '../../src/ksef/sign-in';
import { signInWithKsefCertificate, signInWithTestIdentity } from '../../src/sign-in/sign-in';
import { REVOCATION_BLOCKED_MS } from '../../server/sandbox/core/state';
import { loadedKey } from '../support/certificates';
import { openssl, withTempDir } from '../support/openssl';
import { type RelayStack, expectNoSecretRelayed, secretForms, startRelayStack } from '../support/relay-stack';
import { NIP, PERSON } from '../support/sandbox-harness';

/**
 * "My certificates" against the sandbox through the relay (docs/ksef-contract.md §5.5-§5.8): query with
 * every filter and paging, retrieve, revoke with each reason (Blocked, then Revoked as the clock
 * moves), lastUseDate after a sign-in, TEST's validTo helper making a certificate Expired, and the
 * sandbox CA's CRL fetched through the relay. Every sandbox exchange below `/v2` is checked against
 * `open-api.json` (ajv) when the file ends.
 */

const MINUTE = 60_000;

interface Issued {
  readonly serial: string;
  readonly name: string;
  readonly type: KsefCertificateType;
  readonly der: Uint8Array;
  readonly keyPair: CryptoKeyPair;
}

let stack: RelayStack;
let session: SignedInSession;
const secrets: string[] = [];
const issued: Issued[] = [];
const byName = (name: string): Issued => {
  const found = issued.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no certificate named ${name}`);
  return found;
};
const poll = () => ({ sleep: stack.sleep, now: stack.now });

beforeAll(async () => {
  stack = await startRelayStack();
  const signedIn = await signInWithTestIdentity(stack.client, 'test', PERSON, { now: stack.now, pollOptions: poll() });
  session = signedIn.session;
  secrets.push(...(await secretForms(signedIn.identity.keyPair.privateKey)));
});

afterAll(async () => {
  stack.expectContract();
  expectNoSecretRelayed(stack.relayed, secrets);
  await stack.close();
});

async function obtain(name: string, type: KsefCertificateType): Promise<Issued> {
  const { client } = stack;
  const data = await client.getEnrollmentData(session.tokens);
  const keyPair = await generateKeyPair('EC-P256');
  secrets.push(...(await secretForms(keyPair.privateKey)));
  const csr = await buildCsr(data, keyPair);
  const { referenceNumber } = await client.enrollCertificate(session.tokens, {
    certificateName: name,
    certificateType: type,
    csr: csrToBase64(csr),
  });
  const status = await pollEnrollmentStatus(client, session.tokens, referenceNumber, poll());
  const { certificates } = await client.retrieveCertificates(session.tokens, {
    certificateSerialNumbers: [status.certificateSerialNumber],
  });
  const der = fromBase64(certificates[0]?.certificate ?? '');
  if (der === null) throw new Error('not base64');
  const certificate = { serial: status.certificateSerialNumber, name, type, der, keyPair };
  issued.push(certificate);
  return certificate;
}

const query = (
  ...args: Parameters<RelayStack['client']['queryCertificates']> extends [unknown, ...infer R] ? R : never
) => stack.client.queryCertificates(session.tokens, ...args);
const serials = (list: { certificates: readonly { certificateSerialNumber: string }[] }) =>
  list.certificates.map((c) => c.certificateSerialNumber);
const wholeSeconds = (dateTime: string) => Math.floor(new Date(dateTime).getTime() / 1000) * 1000;
const lastQuery = () => stack.exchanges.filter((e) => e.path === '/certificates/query').at(-1);

async function expectKsefCode(work: Promise<unknown>, code: number): Promise<void> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isKsefError(error) ? error.exceptions.map((e) => e.code) : error).toEqual([code]);
}

describe('two certificates of each type', () => {
  it('are listed newest first by a query with an empty body, each with the contract’s fields', async () => {
    await obtain('Logowanie pierwszy', 'Authentication');
    await obtain('Offline pierwszy', 'Offline');
    await obtain('Logowanie drugi', 'Authentication');
    await obtain('Offline drugi', 'Offline');
    const all = await query();
    expect(lastQuery()?.requestBody ?? '').toMatch(/^(\{\})?$/);
    expect(all.hasMore).toBe(false);
    expect(all.certificates.map((c) => [c.name, c.type, c.status])).toEqual([
      ['Offline drugi', 'Offline', 'Active'],
      ['Logowanie drugi', 'Authentication', 'Active'],
      ['Offline pierwszy', 'Offline', 'Active'],
      ['Logowanie pierwszy', 'Authentication', 'Active'],
    ]);
    for (const item of all.certificates) {
      expect(item.subjectIdentifier).toEqual({ type: 'Nip', value: NIP });
      expect(item.commonName).toBe('Zażółć Gęślą-Jaźń');
      expect(item.lastUseDate ?? null).toBeNull();
      const summary = await readCertificate(byName(item.name ?? '').der, stack.now());
      // The certificate holds whole seconds (RFC 5280 §4.1.2.5), KSeF's record milliseconds.
      expect(wholeSeconds(item.validTo ?? '')).toBe(summary.notAfter.getTime());
      expect(wholeSeconds(item.validFrom ?? '')).toBe(summary.notBefore.getTime());
    }
  });

  it('are found by each filter: serial, name (contains, any case), type, status and expiresAfter', async () => {
    const second = byName('Logowanie drugi');
    expect(serials(await query({ certificateSerialNumber: second.serial }))).toEqual([second.serial]);
    expect(serials(await query({ certificateSerialNumber: '0123456789ABCDEF' }))).toEqual([]);
    expect((await query({ name: 'OFFLINE' })).certificates.map((c) => c.name)).toEqual([
      'Offline drugi',
      'Offline pierwszy',
    ]);
    expect((await query({ type: 'Authentication' })).certificates.map((c) => c.name)).toEqual([
      'Logowanie drugi',
      'Logowanie pierwszy',
    ]);
    expect((await query({ type: 'Offline', name: 'pierwszy' })).certificates.map((c) => c.name)).toEqual([
      'Offline pierwszy',
    ]);
    expect(await query({ status: 'Active' })).toMatchObject({ certificates: { length: 4 } });
    expect(await query({ status: 'Revoked' })).toMatchObject({ certificates: [] });
    const inAYear = new Date(stack.now().getTime() + 365 * 24 * 60 * MINUTE).toISOString();
    const inThreeYears = new Date(stack.now().getTime() + 3 * 365 * 24 * 60 * MINUTE).toISOString();
    expect(await query({ expiresAfter: inAYear })).toMatchObject({ certificates: { length: 4 } });
    expect(await query({ expiresAfter: inThreeYears })).toMatchObject({ certificates: [] });
    expect(lastQuery()?.requestBody).toContain('expiresAfter');
  });

  it('are retrieved as the DER the enrollment gave, with name and type', async () => {
    const { certificates } = await stack.client.retrieveCertificates(session.tokens, {
      certificateSerialNumbers: issued.map((c) => c.serial),
    });
    expect(certificates).toHaveLength(4);
    for (const certificate of certificates) {
      const mine = issued.find((c) => c.serial === certificate.certificateSerialNumber);
      expect(fromBase64(certificate.certificate)).toEqual(mine?.der);
      expect([certificate.certificateName, certificate.certificateType]).toEqual([mine?.name, mine?.type]);
    }
  });

  it('page by pageSize and pageOffset in the query string, never in the body', async () => {
    for (let i = 1; i <= 8; i++) await obtain(`Zapasowy ${i}`, i % 2 === 0 ? 'Authentication' : 'Offline');
    const first = await query({}, { pageSize: 10, pageOffset: 0 });
    expect(lastQuery()?.query.toString()).toBe('pageSize=10&pageOffset=0');
    expect(lastQuery()?.requestBody ?? '').not.toContain('page');
    expect([first.certificates.length, first.hasMore]).toEqual([10, true]);
    expect(first.certificates[0]?.name).toBe('Zapasowy 8');
    const second = await query({}, { pageSize: 10, pageOffset: 1 });
    expect(second.certificates.map((c) => c.name)).toEqual(['Offline pierwszy', 'Logowanie pierwszy']);
    expect(second.hasMore).toBe(false);
    expect(new Set([...serials(first), ...serials(second)]).size).toBe(12);
    expect((await query({}, { pageSize: 50 })).certificates).toHaveLength(12);
    expect(await query({}, { pageSize: 10, pageOffset: 2 })).toEqual({ certificates: [], hasMore: false });
    const authenticationPage = await query({ type: 'Authentication' }, { pageSize: 10 });
    expect([authenticationPage.certificates.length, authenticationPage.hasMore]).toEqual([6, false]);
  });
});

describe('lastUseDate', () => {
  it('is set on the certificate that signed in, at the sign-in, and on no other', async () => {
    const first = byName('Logowanie pierwszy');
    const signedInAt = stack.now();
    await signInWithKsefCertificate(
      stack.client,
      { key: await loadedKey(crypto, first.keyPair), certificate: first.der, context: { type: 'Nip', value: NIP } },
      { now: stack.now, pollOptions: poll() },
    );
    const listed = await query({}, { pageSize: 50 });
    const used = listed.certificates.filter((c) => c.lastUseDate !== undefined && c.lastUseDate !== null);
    expect(used.map((c) => c.certificateSerialNumber)).toEqual([first.serial]);
    const lastUse = new Date(used[0]?.lastUseDate ?? '').getTime();
    expect(lastUse).toBeGreaterThanOrEqual(signedInAt.getTime());
    expect(lastUse).toBeLessThanOrEqual(stack.now().getTime());
  });
});

describe('revoke', () => {
  const REASONS = [
    ['Logowanie drugi', 'Unspecified', null],
    ['Offline pierwszy', 'Superseded', 'superseded'],
    ['Offline drugi', 'KeyCompromise', 'keyCompromise'],
  ] as const;
  let revokedAt: Date;

  it('with each of the three reasons: Blocked at once, and a second revoke is 25009', async () => {
    revokedAt = stack.now();
    for (const [name, revocationReason] of REASONS) {
      const { serial } = byName(name);
      await stack.client.revokeCertificate(session.tokens, serial, { revocationReason });
      expect((await query({ certificateSerialNumber: serial })).certificates[0]?.status).toBe('Blocked');
      await expectKsefCode(stack.client.revokeCertificate(session.tokens, serial, { revocationReason }), 25009);
    }
    await expectKsefCode(stack.client.revokeCertificate(session.tokens, '0123456789ABCDEF'), 25008);
    const blocked = await query({ status: 'Blocked' });
    expect(blocked.certificates.map((c) => c.name).sort()).toEqual(REASONS.map(([name]) => name).sort());
    expect(await query({ status: 'Revoked' })).toMatchObject({ certificates: [] });
  });

  it('then Revoked once the clock has moved past the blocked while', async () => {
    stack.clock.advance(REVOCATION_BLOCKED_MS);
    expect(await query({ status: 'Blocked' })).toMatchObject({ certificates: [] });
    const revoked = await query({ status: 'Revoked' });
    expect(revoked.certificates.map((c) => c.name).sort()).toEqual(REASONS.map(([name]) => name).sort());
    await expectKsefCode(stack.client.revokeCertificate(session.tokens, byName('Offline drugi').serial), 25009);
    expect(await query({ status: 'Active' }, { pageSize: 50 })).toMatchObject({ certificates: { length: 9 } });
  });

  it('the sandbox CA’s CRL, fetched through the relay, lists each with its date and reason, and openssl agrees', async () => {
    const summary = await readCertificate(byName('Logowanie pierwszy').der, stack.now());
    expect(summary.crlDistributionPoints).toEqual([`${stack.sandboxOrigin}/api/sandbox/security/crl/sandboxksef1.crl`]);
    const crlUrl = `${stack.baseUrl.replace(/\/v2$/, '')}/security/crl/sandboxksef1.crl`;
    const answer = await fetch(crlUrl);
    expect([answer.status, answer.headers.get('Content-Type')]).toEqual([200, 'application/pkix-crl']);
    const crlDer = new Uint8Array(await answer.arrayBuffer());
    const caDer = await stack.sandbox.control.caCertificate();
    const crl = readCrl(crlDer);
    expect(await verifyCrlSignature(crl, caDer)).toBe('valid');
    for (const [name, , reason] of REASONS) {
      const check = await checkRevocation(crlDer, byName(name).serial, { issuerCertificate: caDer, now: stack.now() });
      expect(check).toMatchObject({ signature: 'valid', freshness: 'current', revoked: { reason } });
      expect(Math.abs((check.revoked?.revocationDate.getTime() ?? 0) - revokedAt.getTime())).toBeLessThan(1000);
    }
    const notRevoked = await checkRevocation(crlDer, byName('Logowanie pierwszy').serial, {
      issuerCertificate: caDer,
      now: stack.now(),
    });
    expect(notRevoked.revoked).toBeNull();
    expect(crl.entries).toHaveLength(3);

    await withTempDir((dir) => {
      dir.write('crl.der', crlDer);
      dir.write('ca.der', caDer);
      openssl(['x509', '-inform', 'DER', '-in', 'ca.der', '-out', 'ca.pem'], { cwd: dir.path });
      const text = openssl(['crl', '-inform', 'DER', '-in', 'crl.der', '-CAfile', 'ca.pem', '-text', '-noout'], {
        cwd: dir.path,
      });
      expect(text.stderr).toContain('verify OK');
      const out = text.stdout.toString('utf8');
      expect(out).toContain('Issuer: C = PL, O = ksef-cert, CN = SANDBOX CCK KSeF');
      for (const [name] of REASONS) expect(out).toContain(`Serial Number: ${byName(name).serial}`);
      expect(out).toContain('Key Compromise');
      expect(out).toContain('Superseded');
      expect(out.match(/CRL Reason Code/g)).toHaveLength(2);
    });
    expect(stack.published).toEqual([
      { method: 'GET', path: '/api/sandbox/security/crl/sandboxksef1.crl', status: 200 },
    ]);
  });
});

describe("TEST's PUT /testdata/certificates/{serialNumber} (API 2.7.0)", () => {
  // Not relayed (the app never calls it) and not in our open-api.json (2.6.0): straight to the sandbox.
  const put = (serial: string, body: unknown, token: string | null = session.tokens.accessToken.token) =>
    stack.sandbox.handle(
      new Request(`${stack.sandboxOrigin}/api/sandbox/v2/testdata/certificates/${serial}`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(body),
      }),
    );

  it('brings validTo forward, and the certificate reads Expired once the clock passes it', async () => {
    const first = byName('Logowanie pierwszy');
    const validTo = new Date(stack.now().getTime() + 2 * MINUTE);
    const answer = await put(first.serial, { validTo: validTo.toISOString() });
    expect([answer.status, await answer.text()]).toEqual([200, '']);
    const listed = (await query({ certificateSerialNumber: first.serial })).certificates[0];
    expect(listed).toMatchObject({ status: 'Active' });
    expect(new Date(listed?.validTo ?? '').getTime()).toBe(validTo.getTime());

    stack.clock.advance(3 * MINUTE);
    expect(serials(await query({ status: 'Expired' }))).toEqual([first.serial]);
    await expectKsefCode(stack.client.revokeCertificate(session.tokens, first.serial), 25009);
    await expect(
      signInWithKsefCertificate(
        stack.client,
        { key: await loadedKey(crypto, first.keyPair), certificate: first.der, context: { type: 'Nip', value: NIP } },
        { now: stack.now, pollOptions: poll() },
      ),
    ).rejects.toThrow();
  });

  it('refuses to lengthen (21405), an unknown serial (25008) and a call without a session (401)', async () => {
    const second = byName('Zapasowy 2');
    const later = new Date(stack.now().getTime() + 5 * 365 * 24 * 60 * MINUTE).toISOString();
    const codes = async (answer: Response) =>
      (
        (await answer.json()) as { exception?: { exceptionDetailList?: { exceptionCode: number }[] } }
      ).exception?.exceptionDetailList?.map((d) => d.exceptionCode);
    expect(await codes(await put(second.serial, { validTo: later }))).toEqual([21405]);
    expect(await codes(await put('0123456789ABCDEF', { validTo: stack.now().toISOString() }))).toEqual([25008]);
    expect((await put(second.serial, { validTo: stack.now().toISOString() }, null)).status).toBe(401);
    expect((await query({ certificateSerialNumber: second.serial })).certificates[0]?.status).toBe('Active');
  });
});
