import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCertificate } from '../../../../src/crypto/certificate-reader';
import { buildCsr, csrToBase64 } from '../../../../src/crypto/csr';
import { writeEncryptedKeyFile } from '../../../../src/crypto/key-file';
import { generateKeyPair } from '../../../../src/crypto/keys';
import { classifyCertificate } from '../../../../src/crypto/ksef-profile';
import { OID } from '../../../../src/crypto/oids';
import { checkPair } from '../../../../src/crypto/pair';
import { readPrivateKey } from '../../../../src/crypto/private-key-reader';
import { toBase64 } from '../../../../src/lib/bytes';
import { readCrl, verifyCrlSignature } from '../../../../src/crypto/crl';
import { SANDBOX_CRL_PATH } from '../../../../server/sandbox/certificates/crl';
import { REVOCATION_BLOCKED_MS } from '../../../../server/sandbox/core/state';
import { openssl, withTempDir } from '../../../support/openssl';
import {
  encodeRdns,
  generateKeyPair as generateTestKeyPair,
  makeCertificate,
  makeCsr,
  subjectFor,
} from '../../../support/certificates';
import {
  NIP,
  ORIGIN,
  PERSON,
  PESEL,
  PESEL_PERSON,
  SEAL,
  SEAL_NIP,
  type SandboxHarness,
  type TestSigner,
  createSandboxHarness,
  exceptionCodes,
  exceptionDetails,
  testSigner,
} from '../../../support/sandbox-harness';

const limitsBody = z.object({
  canRequest: z.boolean(),
  enrollment: z.object({ remaining: z.number(), limit: z.number() }),
  certificate: z.object({ remaining: z.number(), limit: z.number() }),
});
const listItem = z.object({
  certificateSerialNumber: z.string(),
  name: z.string(),
  type: z.string(),
  commonName: z.string(),
  status: z.string(),
  subjectIdentifier: z.object({ type: z.string(), value: z.string() }),
  validFrom: z.string(),
  validTo: z.string(),
  lastUseDate: z.string().optional(),
  requestDate: z.string(),
});
const queryBody = z.object({ certificates: z.array(listItem), hasMore: z.boolean() });
const referenceBody = z.object({ referenceNumber: z.string() });

let person: TestSigner;
let seal: TestSigner;
let h: SandboxHarness;

beforeAll(async () => {
  person = await testSigner(PERSON);
  seal = await testSigner(SEAL);
});

beforeEach(() => {
  h = createSandboxHarness();
});

afterEach(() => {
  h.expectContract();
});

/** Signs in the identity in its own NIP context. */
async function signIn(who: 'person' | 'seal') {
  return h.signIn(who === 'person' ? person : seal, {
    context: { type: 'Nip', value: who === 'person' ? NIP : SEAL_NIP },
  });
}

describe('the whole flow, against our own key reader and pair check', () => {
  it.each([
    ['person', 'EC-P256', 'Authentication'],
    ['person', 'EC-P256', 'Offline'],
    ['person', 'RSA-2048', 'Authentication'],
    ['person', 'RSA-2048', 'Offline'],
    ['seal', 'EC-P256', 'Authentication'],
    ['seal', 'EC-P256', 'Offline'],
    ['seal', 'RSA-2048', 'Authentication'],
    ['seal', 'RSA-2048', 'Offline'],
  ] as const)(
    '%s, %s, %s: sign in, limits, data, CSR, enroll, poll, retrieve, checkPair',
    async (who, algorithm, type) => {
      const session = await signIn(who);
      const limits = limitsBody.parse(
        (await h.call('GET', '/certificates/limits', { token: session.accessToken })).json(),
      );
      expect(limits).toEqual({
        canRequest: true,
        enrollment: { remaining: 300, limit: 300 },
        certificate: { remaining: 100, limit: 100 },
      });
      const data = await h.enrollmentData(session.accessToken);
      const keyPair = await generateKeyPair(algorithm);
      const csr = csrToBase64(await buildCsr(data, keyPair));
      const enrolled = await h.call('POST', '/certificates/enrollments', {
        token: session.accessToken,
        body: { certificateName: 'Mój certyfikat', certificateType: type, csr },
      });
      expect(enrolled.status).toBe(202);
      const { referenceNumber } = referenceBody.parse(enrolled.json());
      expect(referenceNumber).toMatch(/^20260302-EH-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/);
      const status = await h.pollEnrollment(session.accessToken, referenceNumber);
      expect(status.polls).toEqual([100, 200]);
      const retrieved = await h.retrieve(session.accessToken, status.serial ?? '');
      expect(retrieved).toMatchObject({ name: 'Mój certyfikat', type });

      const keyFile = await writeEncryptedKeyFile(keyPair.privateKey, 'Haslo-Testowe-123!');
      const loaded = await readPrivateKey(new TextEncoder().encode(keyFile), 'Haslo-Testowe-123!');
      expect(await checkPair(loaded, retrieved.der)).toEqual({ match: true });

      const summary = await readCertificate(retrieved.der, new Date(h.clock.now()));
      expect(summary.serialHex).toBe(status.serial);
      expect(classifyCertificate(summary)).toEqual({ kind: 'ksef', purpose: type, environment: 'sandbox' });
      expect(summary.keyUsage).toEqual(type === 'Authentication' ? ['digitalSignature'] : ['nonRepudiation']);
      expect(summary.ownerName).toBe(data.commonName);
      expect(summary.subject.find((a) => a.type === OID.commonName)?.value).toBe(
        `${data.commonName}${type === 'Authentication' ? ' (uwierzytelnienie)' : ' (offline)'}`,
      );
      expect(summary.notBefore.toISOString()).toBe('2026-03-02T10:00:01.000Z');
      expect(summary.notAfter.toISOString()).toBe('2028-03-02T10:00:01.000Z');

      const after = limitsBody.parse(
        (await h.call('GET', '/certificates/limits', { token: session.accessToken })).json(),
      );
      expect(after).toEqual({
        canRequest: true,
        enrollment: { remaining: 299, limit: 300 },
        certificate: { remaining: 99, limit: 100 },
      });
    },
  );
});

describe('GET /certificates/enrollments/data', () => {
  it('returns the person attributes, Polish letters verbatim', async () => {
    const session = await signIn('person');
    expect(await h.enrollmentData(session.accessToken)).toEqual({
      commonName: 'Zażółć Gęślą-Jaźń',
      countryName: 'PL',
      givenName: 'Zażółć',
      surname: 'Gęślą-Jaźń',
      serialNumber: `TINPL-${NIP}`,
    });
  });

  it('returns the seal attributes', async () => {
    const session = await signIn('seal');
    expect(await h.enrollmentData(session.accessToken)).toEqual({
      commonName: 'Spółka Testowa Sp. z o.o.',
      countryName: 'PL',
      organizationName: 'Spółka Testowa Sp. z o.o.',
      organizationIdentifier: `VATPL-${SEAL_NIP}`,
    });
  });

  it('normalises a self-signed NIP-… serialNumber to TINPL-…, and PESEL limits are 12/6', async () => {
    const keys = await generateTestKeyPair(crypto, 'EC-P256');
    const data = {
      commonName: 'Jan Kowalski',
      surname: 'Kowalski',
      givenName: 'Jan',
      countryName: 'PL',
      serialNumber: `NIP-${NIP}`,
    };
    const certificate = await makeCertificate(crypto, {
      subject: encodeRdns(subjectFor(data).map((a) => [a])),
      spki: new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey)),
      signer: keys.privateKey,
      serial: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2028-01-01T00:00:00Z'),
      keyUsage: 0x80,
    });
    const session = await h.signIn({ privateKey: keys.privateKey, certificate });
    expect(await h.enrollmentData(session.accessToken)).toEqual({ ...data, serialNumber: `TINPL-${NIP}` });

    const peselSession = await h.signIn(await testSigner(PESEL_PERSON));
    expect((await h.enrollmentData(peselSession.accessToken)).serialNumber).toBe(`PNOPL-${PESEL}`);
    const limits = limitsBody.parse(
      (await h.call('GET', '/certificates/limits', { token: peselSession.accessToken })).json(),
    );
    expect(limits).toEqual({
      canRequest: true,
      enrollment: { remaining: 12, limit: 12 },
      certificate: { remaining: 6, limit: 6 },
    });
  });

  it('25001 / 25002 / 403 for a session that did not sign in with XAdES (KSeF token)', async () => {
    const { accessToken } = h.control.openTestSession(
      {
        kind: 'person',
        identifier: { type: 'Nip', value: NIP },
        enrollmentData: { commonName: 'Jan', countryName: 'PL' },
      },
      'token',
    );
    expect(exceptionCodes(await h.call('GET', '/certificates/enrollments/data', { token: accessToken }))).toEqual([
      25001,
    ]);
    const keyPair = await generateKeyPair('EC-P256');
    const csr = csrToBase64(await buildCsr({ commonName: 'Jan', countryName: 'PL' }, keyPair));
    const enrolled = await h.call('POST', '/certificates/enrollments', {
      token: accessToken,
      body: { certificateName: 'Certyfikat', certificateType: 'Offline', csr },
    });
    expect(exceptionCodes(enrolled)).toEqual([25002]);
    const revoke = await h.call('POST', '/certificates/0123456789ABCDEF/revoke', { token: accessToken });
    expect(revoke.status).toBe(403);
    expect(z.object({ reasonCode: z.string() }).parse(revoke.json()).reasonCode).toBe('auth-method-not-allowed');
  });
});

describe('POST /certificates/enrollments refusals', () => {
  const post = (token: string, body: unknown, requestOffContract = false) =>
    h.call('POST', '/certificates/enrollments', { token, body, requestOffContract });

  it('21405 for a certificateName, certificateType, csr or validFrom the contract does not allow', async () => {
    const session = await signIn('person');
    const csr = csrToBase64(
      await buildCsr(await h.enrollmentData(session.accessToken), await generateKeyPair('EC-P256')),
    );
    const valid = { certificateName: 'Certyfikat', certificateType: 'Authentication', csr };
    for (const body of [
      { ...valid, certificateName: 'abc' },
      { ...valid, certificateName: 'x'.repeat(101) },
      { ...valid, certificateName: 'Certyfikat <script>' },
      { ...valid, certificateType: 'Both' },
      { certificateName: 'Certyfikat', certificateType: 'Offline' },
      { ...valid, validFrom: 'tomorrow' },
    ]) {
      const reply = await post(session.accessToken, body, true);
      expect(exceptionCodes(reply), JSON.stringify(body)).toEqual([21405]);
    }
    const problem = await h.call('POST', '/certificates/enrollments', {
      token: session.accessToken,
      body: { ...valid, certificateName: 'abc' },
      headers: { 'X-Error-Format': 'problem-details' },
      requestOffContract: true,
    });
    expect(
      z
        .object({
          status: z.literal(400),
          errors: z.array(z.object({ code: z.number(), details: z.array(z.string()) })),
        })
        .parse(problem.json()).errors[0]?.code,
    ).toBe(21405);
  });

  it('25004 for a CSR that is not base64 DER or whose signature does not verify', async () => {
    const session = await signIn('person');
    const data = await h.enrollmentData(session.accessToken);
    const der = await buildCsr(data, await generateKeyPair('EC-P256'));
    const tampered = Uint8Array.from(der);
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 0x01;
    // Not base64 breaks the request's `format: byte`; KSeF's model takes a string and fails on parsing it.
    expect(
      exceptionCodes(
        await post(
          session.accessToken,
          { certificateName: 'Certyfikat', certificateType: 'Offline', csr: '!!not base64!!' },
          true,
        ),
      ),
    ).toEqual([25004]);
    for (const csr of [toBase64(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00)), toBase64(tampered)]) {
      expect(
        exceptionCodes(
          await post(session.accessToken, { certificateName: 'Certyfikat', certificateType: 'Offline', csr }),
        ),
      ).toEqual([25004]);
    }
  });

  it('25010 for a P-384 or RSA-1024 key, 25011 for ecdsa-with-SHA256 with a NULL parameter', async () => {
    const session = await signIn('person');
    const data = await h.enrollmentData(session.accessToken);
    const subject = encodeRdns(subjectFor(data).map((a) => [a]));
    for (const kind of ['EC-P384', 'RSA-1024'] as const) {
      const csr = await makeCsr(crypto, await generateTestKeyPair(crypto, kind), subject);
      expect(
        exceptionCodes(
          await post(session.accessToken, {
            certificateName: 'Certyfikat',
            certificateType: 'Offline',
            csr: toBase64(csr),
          }),
        ),
      ).toEqual([25010]);
    }
    const nullParameters = await makeCsr(crypto, await generateTestKeyPair(crypto, 'EC-P256'), subject, {
      ecdsaNullParameters: true,
    });
    const reply = await post(session.accessToken, {
      certificateName: 'Certyfikat',
      certificateType: 'Offline',
      csr: toBase64(nullParameters),
    });
    expect(exceptionCodes(reply)).toEqual([25011]);
  });

  it('25003 for a subject that differs from the enrollment data (value, missing or extra attribute)', async () => {
    const session = await signIn('person');
    const data = await h.enrollmentData(session.accessToken);
    const variants = [
      { ...data, commonName: 'Ktoś Inny' },
      { ...data, surname: null },
      { ...data, organizationName: 'Dodatkowa Sp. z o.o.' },
      { ...data, serialNumber: `NIP-${NIP}` },
    ];
    for (const variant of variants) {
      const csr = csrToBase64(await buildCsr(variant, await generateKeyPair('EC-P256')));
      const reply = await post(session.accessToken, { certificateName: 'Certyfikat', certificateType: 'Offline', csr });
      expect(exceptionCodes(reply), JSON.stringify(variant)).toEqual([25003]);
      expect(exceptionDetails(reply).length).toBeGreaterThan(0);
    }
  });

  it('25006 when the enrollment limit is used up, 25007 when the active-certificate limit is', async () => {
    const session = await signIn('person');
    h.control.setLimits({ enrollment: 1, certificate: 5 });
    expect((await h.enroll(session.accessToken, await generateKeyPair('EC-P256'), 'Offline')).status).toBe(202);
    expect(exceptionCodes(await h.enroll(session.accessToken, await generateKeyPair('EC-P256'), 'Offline'))).toEqual([
      25006,
    ]);
    h.control.setLimits({ enrollment: 5, certificate: 1 });
    const limits = limitsBody.parse(
      (await h.call('GET', '/certificates/limits', { token: session.accessToken })).json(),
    );
    expect(limits).toEqual({
      canRequest: false,
      enrollment: { remaining: 4, limit: 5 },
      certificate: { remaining: 0, limit: 1 },
    });
    expect(exceptionCodes(await h.enroll(session.accessToken, await generateKeyPair('EC-P256'), 'Offline'))).toEqual([
      25007,
    ]);
  });

  it('accepts a key certified before, then ends the enrollment in 400 "public key already certified"', async () => {
    const session = await signIn('person');
    const keyPair = await generateKeyPair('EC-P256');
    await h.obtainCertificate(session.accessToken, keyPair, 'Authentication');
    const again = await h.enroll(session.accessToken, keyPair, 'Offline');
    expect(again.status).toBe(202);
    const status = await h.pollEnrollment(session.accessToken, referenceBody.parse(again.json()).referenceNumber);
    expect(status).toMatchObject({
      code: 400,
      details: ['Klucz publiczny został już certyfikowany przez inny podmiot.'],
    });
    expect(status.serial).toBeUndefined();
  });

  it('ends the next enrollment in a status forced by the controls (550, 400 limit)', async () => {
    const session = await signIn('person');
    h.control.setNextEnrollmentStatus({ code: 550 });
    const cancelled = await h.enroll(session.accessToken, await generateKeyPair('EC-P256'), 'Offline');
    expect(
      (await h.pollEnrollment(session.accessToken, referenceBody.parse(cancelled.json()).referenceNumber)).code,
    ).toBe(550);
    h.control.setNextEnrollmentStatus({
      code: 400,
      details: ['Osiągnięto dopuszczalny limit posiadanych certyfikatów.'],
    });
    const refused = await h.enroll(session.accessToken, await generateKeyPair('EC-P256'), 'Offline');
    expect(
      await h.pollEnrollment(session.accessToken, referenceBody.parse(refused.json()).referenceNumber),
    ).toMatchObject({
      code: 400,
      details: ['Osiągnięto dopuszczalny limit posiadanych certyfikatów.'],
    });
    await h.obtainCertificate(session.accessToken, await generateKeyPair('EC-P256'), 'Offline');
  });

  it('starts validity at a future validFrom, for two years', async () => {
    const session = await signIn('person');
    const csr = csrToBase64(
      await buildCsr(await h.enrollmentData(session.accessToken), await generateKeyPair('EC-P256')),
    );
    const reply = await h.call('POST', '/certificates/enrollments', {
      token: session.accessToken,
      body: {
        certificateName: 'Na później',
        certificateType: 'Authentication',
        csr,
        validFrom: '2026-04-01T00:00:00.0000000+00:00',
      },
    });
    const status = await h.pollEnrollment(session.accessToken, referenceBody.parse(reply.json()).referenceNumber);
    const summary = await readCertificate((await h.retrieve(session.accessToken, status.serial ?? '')).der);
    expect(summary.notBefore.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(summary.notAfter.toISOString()).toBe('2028-04-01T00:00:00.000Z');
  });
});

describe('GET /certificates/enrollments/{referenceNumber}', () => {
  it('25005 for an unknown reference or another subject’s, 410 after 30 days', async () => {
    const session = await signIn('person');
    const reply = await h.enroll(session.accessToken, await generateKeyPair('EC-P256'), 'Offline');
    const { referenceNumber } = referenceBody.parse(reply.json());
    expect(
      exceptionCodes(
        await h.call('GET', '/certificates/enrollments/20260302-EH-0000000000-0000000000-00', {
          token: session.accessToken,
        }),
      ),
    ).toEqual([25005]);
    const other = await signIn('seal');
    expect(
      exceptionCodes(await h.call('GET', `/certificates/enrollments/${referenceNumber}`, { token: other.accessToken })),
    ).toEqual([25005]);

    h.clock.advance(31 * 24 * 3_600_000);
    // Every token has expired by now: sign in again, as a user coming back would.
    const later = await signIn('person');
    const goneReply = await h.call('GET', `/certificates/enrollments/${referenceNumber}`, { token: later.accessToken });
    expect(goneReply.status).toBe(410);
    expect(z.object({ title: z.literal('Gone'), status: z.literal(410) }).safeParse(goneReply.json()).success).toBe(
      true,
    );
  });
});

describe('POST /certificates/query and /retrieve', () => {
  it('filters by serial, name, type, status and expiresAfter, pages with pageSize/pageOffset, newest first', async () => {
    const session = await signIn('person');
    const issued: { serial: string; type: 'Authentication' | 'Offline' }[] = [];
    for (let i = 0; i < 12; i++) {
      const type = i % 3 === 0 ? 'Authentication' : 'Offline';
      const { serial } = await h.obtainCertificate(
        session.accessToken,
        await generateKeyPair('EC-P256'),
        type,
        `Certyfikat numer ${i}`,
      );
      issued.push({ serial, type });
    }
    const query = async (body: unknown, search = '') =>
      queryBody.parse(
        (await h.call('POST', `/certificates/query${search}`, { token: session.accessToken, body })).json(),
      );

    const first = await query({});
    expect(first.certificates).toHaveLength(10);
    expect(first.hasMore).toBe(true);
    expect(first.certificates[0]?.name).toBe('Certyfikat numer 11');
    expect(first.certificates[0]).toMatchObject({
      status: 'Active',
      subjectIdentifier: { type: 'Nip', value: NIP },
      commonName: 'Zażółć Gęślą-Jaźń',
    });
    const second = await query({}, '?pageSize=10&pageOffset=1');
    expect(second.certificates.map((c) => c.name)).toEqual(['Certyfikat numer 1', 'Certyfikat numer 0']);
    expect(second.hasMore).toBe(false);
    expect((await query({}, '?pageSize=50')).certificates).toHaveLength(12);

    const target = issued[4]?.serial ?? '';
    expect(
      (await query({ certificateSerialNumber: target })).certificates.map((c) => c.certificateSerialNumber),
    ).toEqual([target]);
    expect((await query({ name: 'NUMER 1' }, '?pageSize=50')).certificates.map((c) => c.name).sort()).toEqual([
      'Certyfikat numer 1',
      'Certyfikat numer 10',
      'Certyfikat numer 11',
    ]);
    expect((await query({ type: 'Authentication' }, '?pageSize=50')).certificates).toHaveLength(4);
    expect((await query({ expiresAfter: '2028-03-01T00:00:00+00:00' }, '?pageSize=50')).certificates).toHaveLength(12);
    expect((await query({ expiresAfter: '2028-03-03T00:00:00+00:00' }, '?pageSize=50')).certificates).toHaveLength(0);

    expect(
      (
        await h.call('POST', `/certificates/${target}/revoke`, {
          token: session.accessToken,
          body: { revocationReason: 'KeyCompromise' },
        })
      ).status,
    ).toBe(204);
    // Blocked while the revocation is processed, then Revoked for good (REVOCATION_BLOCKED_MS).
    expect((await query({ status: 'Blocked' })).certificates.map((c) => c.certificateSerialNumber)).toEqual([target]);
    expect((await query({ status: 'Revoked' })).certificates).toEqual([]);
    h.clock.advance(REVOCATION_BLOCKED_MS);
    expect((await query({ status: 'Blocked' })).certificates).toEqual([]);
    expect((await query({ status: 'Revoked' })).certificates.map((c) => c.certificateSerialNumber)).toEqual([target]);
    expect((await query({ status: 'Active' }, '?pageSize=50')).certificates).toHaveLength(11);
    expect((await query({ status: null, name: null })).certificates).toHaveLength(10);
    expect((await h.call('POST', '/certificates/query', { token: session.accessToken })).status).toBe(200);

    for (const search of ['?pageSize=5', '?pageSize=51', '?pageOffset=-1']) {
      expect(
        exceptionCodes(
          await h.call('POST', `/certificates/query${search}`, {
            token: session.accessToken,
            body: {},
            requestOffContract: true,
          }),
        ),
      ).toEqual([21405]);
    }
  });

  it('retrieves only the subject’s own certificates', async () => {
    const session = await signIn('person');
    const { serial } = await h.obtainCertificate(session.accessToken, await generateKeyPair('EC-P256'), 'Offline');
    const other = await signIn('seal');
    const reply = await h.call('POST', '/certificates/retrieve', {
      token: other.accessToken,
      body: { certificateSerialNumbers: [serial, '0123456789ABCDEF'] },
    });
    expect(z.object({ certificates: z.array(z.unknown()) }).parse(reply.json()).certificates).toEqual([]);
    const tooMany = await h.call('POST', '/certificates/retrieve', {
      token: session.accessToken,
      body: { certificateSerialNumbers: [] },
      requestOffContract: true,
    });
    expect(exceptionCodes(tooMany)).toEqual([21405]);
  });
});

describe('POST /certificates/{serial}/revoke', () => {
  it('204, then 25009 when already revoked; 25008 for unknown or foreign serials; 21405 for a malformed one', async () => {
    const session = await signIn('person');
    const { serial } = await h.obtainCertificate(
      session.accessToken,
      await generateKeyPair('EC-P256'),
      'Authentication',
    );
    const other = await signIn('seal');
    expect(
      exceptionCodes(await h.call('POST', `/certificates/${serial}/revoke`, { token: other.accessToken })),
    ).toEqual([25008]);
    expect((await h.call('POST', `/certificates/${serial}/revoke`, { token: session.accessToken })).status).toBe(204);
    expect(
      exceptionCodes(await h.call('POST', `/certificates/${serial}/revoke`, { token: session.accessToken })),
    ).toEqual([25009]);
    expect(
      exceptionCodes(await h.call('POST', '/certificates/0123456789ABCDEF/revoke', { token: session.accessToken })),
    ).toEqual([25008]);
    const malformed = await h.call('POST', '/certificates/0123456789abcdef/revoke', {
      token: session.accessToken,
      requestOffContract: true,
    });
    expect(exceptionCodes(malformed)).toEqual([21405]);
    const badReason = await h.call('POST', `/certificates/${serial}/revoke`, {
      token: session.accessToken,
      body: { revocationReason: 'Bored' },
      requestOffContract: true,
    });
    expect(exceptionCodes(badReason)).toEqual([21405]);
  });
});

describe('signing in with a certificate the sandbox issued', () => {
  it('renews: an Authentication certificate signs in as InternalCertificate and applies for another', async () => {
    const session = await signIn('person');
    const originalData = await h.enrollmentData(session.accessToken);
    const keyPair = await generateKeyPair('EC-P256');
    const { serial, der } = await h.obtainCertificate(session.accessToken, keyPair, 'Authentication');

    const renewed = await h.signIn({ privateKey: keyPair.privateKey, certificate: der });
    const status = z
      .object({ authenticationMethod: z.string(), authenticationMethodInfo: z.object({ displayName: z.string() }) })
      .parse((await h.call('GET', `/auth/${renewed.referenceNumber}`, { token: renewed.authenticationToken })).json());
    expect(status.authenticationMethod).toBe('InternalCertificate');
    expect(status.authenticationMethodInfo.displayName).toBe('Certyfikat KSeF');
    expect(await h.enrollmentData(renewed.accessToken)).toEqual(originalData);

    const next = await h.obtainCertificate(
      renewed.accessToken,
      await generateKeyPair('RSA-2048'),
      'Authentication',
      'Odnowiony',
    );
    expect(next.serial).not.toBe(serial);
    const listed = queryBody.parse(
      (
        await h.call('POST', '/certificates/query', {
          token: renewed.accessToken,
          body: { certificateSerialNumber: serial },
        })
      ).json(),
    );
    expect(listed.certificates[0]?.lastUseDate).toBe('2026-03-02T10:00:02.0000000+00:00');
  });

  it('ends in 460 for an Offline, a revoked and an expired sandbox certificate', async () => {
    const session = await signIn('person');
    const offlineKeys = await generateKeyPair('EC-P256');
    const offline = await h.obtainCertificate(session.accessToken, offlineKeys, 'Offline');
    const authKeys = await generateKeyPair('EC-P256');
    const revoked = await h.obtainCertificate(session.accessToken, authKeys, 'Authentication');
    expect(
      (await h.call('POST', `/certificates/${revoked.serial}/revoke`, { token: session.accessToken })).status,
    ).toBe(204);
    const expiringKeys = await generateKeyPair('EC-P256');
    const expiring = await h.obtainCertificate(session.accessToken, expiringKeys, 'Authentication');

    const outcome = async (privateKey: CryptoKey, certificate: Uint8Array) => {
      const started = await h.submit(await h.signedRequest({ privateKey, certificate }));
      return h.pollAuth(started.referenceNumber, started.authenticationToken);
    };
    expect(await outcome(offlineKeys.privateKey, offline.der)).toMatchObject({
      code: 460,
      details: ['Niepoprawny certyfikat'],
    });
    expect(await outcome(authKeys.privateKey, revoked.der)).toMatchObject({
      code: 460,
      details: ['Certyfikat odwołany'],
    });
    h.clock.advance(2 * 366 * 24 * 3_600_000);
    expect(await outcome(expiringKeys.privateKey, expiring.der)).toMatchObject({
      code: 460,
      details: ['Nieważny certyfikat'],
    });
  });

  it('lists an expired certificate as Expired and refuses to revoke it (25009)', async () => {
    const session = await signIn('person');
    const { serial } = await h.obtainCertificate(session.accessToken, await generateKeyPair('EC-P256'), 'Offline');
    h.clock.advance(2 * 366 * 24 * 3_600_000);
    // The test identity made at START has expired too: a fresh one stands in for the user.
    const fresh = await h.signIn(await testSigner(PERSON, 'EC-P256', h.clock.now()));
    const listed = queryBody.parse(
      (await h.call('POST', '/certificates/query', { token: fresh.accessToken, body: {} })).json(),
    );
    expect(listed.certificates.find((c) => c.certificateSerialNumber === serial)?.status).toBe('Expired');
    expect(
      exceptionCodes(await h.call('POST', `/certificates/${serial}/revoke`, { token: fresh.accessToken })),
    ).toEqual([25009]);
  });
});

describe('GET /api/sandbox/security/crl/sandboxksef1.crl', () => {
  const crl = (method = 'GET') => h.sandbox.handle(new Request(`${ORIGIN}${SANDBOX_CRL_PATH}`, { method }));

  it('is an empty CRL of the sandbox CA while nothing is revoked, valid for a day, which openssl reads', async () => {
    const answer = await crl();
    expect([answer.status, answer.headers.get('Content-Type')]).toEqual([200, 'application/pkix-crl']);
    const der = new Uint8Array(await answer.arrayBuffer());
    const parsed = readCrl(der);
    expect(parsed.entries).toEqual([]);
    expect(parsed.nextUpdate?.getTime()).toBe(parsed.thisUpdate.getTime() + 24 * 3_600_000);
    expect(await verifyCrlSignature(parsed, await h.sandbox.control.caCertificate())).toBe('valid');
    await withTempDir((dir) => {
      dir.write('crl.der', der);
      const text = openssl(['crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-text'], { cwd: dir.path });
      expect(text.stdout.toString('utf8')).toContain('No Revoked Certificates.');
    });
  });

  it('lists a revoked certificate from its revocation on, and answers only GET', async () => {
    const session = await signIn('person');
    const { serial } = await h.obtainCertificate(session.accessToken, await generateKeyPair('EC-P256'), 'Offline');
    expect(readCrl(new Uint8Array(await (await crl()).arrayBuffer())).entries).toEqual([]);
    const revoked = await h.call('POST', `/certificates/${serial}/revoke`, {
      token: session.accessToken,
      body: { revocationReason: 'Superseded' },
    });
    expect(revoked.status).toBe(204);
    const entries = readCrl(new Uint8Array(await (await crl()).arrayBuffer())).entries;
    expect(entries).toEqual([{ serialHex: serial, revocationDate: h.clock.now(), reason: 'superseded' }]);
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await crl(method)).status).toBe(405);
  });

  it('is signed once per change: the same bytes until a revocation or an hour later', async () => {
    const bytes = async () => new Uint8Array(await (await crl()).arrayBuffer());
    const first = await bytes();
    h.clock.advance(59 * 60_000);
    expect(await bytes()).toEqual(first);
    h.clock.advance(60_000);
    const reissued = await bytes();
    expect(reissued).not.toEqual(first);
    expect(readCrl(reissued).thisUpdate).toEqual(h.clock.now());
  });
});
