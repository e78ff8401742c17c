import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAuthTokenRequest } from '../../../../src/crypto/auth-token-request';
import { signAuthTokenRequest } from '../../../../src/crypto/xades-sign';
import { PROFILE_REJECTED, SIGNATURE_REJECTED } from '../../../../server/sandbox/core/exception-codes';
import { encodeRdns, generateKeyPair, makeCertificate } from '../../../support/certificates';
import {
  NIP,
  OTHER_NIP,
  PERSON,
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
import { rawAuthTokenRequest, signWithXadesjs } from '../../../support/sandbox-xades';
import { OID } from '../../../../src/crypto/oids';

const statusBody = z.object({
  authenticationMethod: z.string(),
  authenticationMethodInfo: z.object({ category: z.string(), code: z.string(), displayName: z.string() }),
  status: z.object({ code: z.number(), description: z.string(), details: z.array(z.string()).optional() }),
  isTokenRedeemed: z.boolean().optional(),
});
const problemBody = z.object({ title: z.string(), status: z.number(), detail: z.string() });

let person: TestSigner;
let seal: TestSigner;
let h: SandboxHarness;

beforeAll(async () => {
  person = await testSigner(PERSON);
  seal = await testSigner(SEAL, 'RSA-2048');
});

beforeEach(() => {
  h = createSandboxHarness();
});

afterEach(() => {
  h.expectContract();
});

describe('POST /auth/challenge', () => {
  it('answers a 36-character challenge with a KSeF timestamp, timestampMs and clientIp', async () => {
    const reply = await h.call('POST', '/auth/challenge');
    expect(reply.status).toBe(200);
    const body = z
      .object({ challenge: z.string(), timestamp: z.string(), timestampMs: z.number(), clientIp: z.string() })
      .parse(reply.json());
    expect(body.challenge).toMatch(/^20260302-CR-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/);
    expect(body.timestamp).toBe('2026-03-02T10:00:00.0000000+00:00');
    expect(body.timestampMs).toBe(Date.parse('2026-03-02T10:00:00Z'));
    expect(body.clientIp).toBe('127.0.0.1');
  });
});

describe('XAdES sign-in', () => {
  it('signs in a person (EC P-256): 202, status 100 then 200, redeem, QualifiedSignature', async () => {
    const started = await h.submit(await h.signedRequest(person));
    expect(started.referenceNumber).toMatch(/^20260302-AU-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/);
    expect((await h.pollAuth(started.referenceNumber, started.authenticationToken)).polls).toEqual([100, 200]);
    const status = statusBody.parse(
      (await h.call('GET', `/auth/${started.referenceNumber}`, { token: started.authenticationToken })).json(),
    );
    expect(status.authenticationMethod).toBe('QualifiedSignature');
    expect(status.authenticationMethodInfo).toEqual({
      category: 'XadesSignature',
      code: 'xades.qualified-signature',
      displayName: 'Podpis kwalifikowany',
    });
    expect(status.isTokenRedeemed).toBe(false);
    const redeemed = await h.call('POST', '/auth/token/redeem', { token: started.authenticationToken });
    expect(redeemed.status).toBe(200);
  });

  it('signs in a seal (RSA 2048) in its own NIP context as QualifiedSeal', async () => {
    const session = await h.signIn(seal, { context: { type: 'Nip', value: SEAL_NIP } });
    const status = statusBody.parse(
      (await h.call('GET', `/auth/${session.referenceNumber}`, { token: session.authenticationToken })).json(),
    );
    expect(status.authenticationMethod).toBe('QualifiedSeal');
    expect(status.authenticationMethodInfo.code).toBe('xades.qualified-seal');
    expect(status.isTokenRedeemed).toBe(true);
  });

  it('accepts the 2.0 namespace and InternalId / NipVatUe contexts', async () => {
    const xml20 = buildAuthTokenRequest({
      challenge: await h.challenge(),
      context: { type: 'InternalId', value: `${NIP}-00001` },
    }).replace('/token/2.1', '/token/2.0');
    await h.submit(await signAuthTokenRequest(xml20, person));
    const vatUe = buildAuthTokenRequest({
      challenge: await h.challenge(),
      context: { type: 'NipVatUe', value: `${NIP}-DE123456789` },
    });
    await h.submit(await signAuthTokenRequest(vatUe, person));
  });

  it('lets a PESEL person sign in for any NIP, and a fingerprint identity too', async () => {
    const peselPerson = await testSigner(PESEL_PERSON);
    await h.signIn(peselPerson, { context: { type: 'Nip', value: OTHER_NIP } });
    await h.signIn(person, { subjectIdentifierType: 'certificateFingerprint' });
  });

  it('echoes X-Test-System-Warning as an ASCII-folded X-System-Warning', async () => {
    const reply = await h.call('POST', '/auth/challenge', {
      headers: { 'X-Test-System-Warning': '[sig-001]: Góra émigré' },
    });
    expect(reply.headers.get('X-System-Warning')).toBe('[sig-001]: Gora emigre');
  });
});

describe('final statuses decided after 202', () => {
  it('ends a seal outside its own NIP context in 415 (no permissions)', async () => {
    const started = await h.submit(await h.signedRequest(seal, { context: { type: 'Nip', value: OTHER_NIP } }));
    const status = await h.pollAuth(started.referenceNumber, started.authenticationToken);
    expect(status).toMatchObject({ code: 415, details: ['Brak przypisanych uprawnień'] });
    const redeem = await h.call('POST', '/auth/token/redeem', { token: started.authenticationToken });
    expect(exceptionCodes(redeem)).toEqual([21301]);
    expect(exceptionDetails(redeem)).toEqual(['Status uwierzytelniania (415) nie pozwala na pobranie tokenów.']);
  });

  it('ends a self-signed certificate with verifyCertificateChain=true in 460 (untrusted chain)', async () => {
    const started = await h.submit(await h.signedRequest(person), true);
    expect(await h.pollAuth(started.referenceNumber, started.authenticationToken)).toMatchObject({
      code: 460,
      details: ['Niezaufany łańcuch certyfikatów'],
    });
  });

  it('ends a certificate issued by an unknown CA in 460, and an expired one in 460 "Nieważny certyfikat"', async () => {
    const caKeys = await generateKeyPair(crypto, 'EC-P256');
    const keys = await generateKeyPair(crypto, 'EC-P256');
    const subject = encodeRdns([
      [{ type: OID.commonName, value: 'Jan Kowalski' }],
      [{ type: OID.surname, value: 'Kowalski' }],
      [{ type: OID.givenName, value: 'Jan' }],
      [{ type: OID.countryName, value: 'PL', stringType: 'PrintableString' }],
      [{ type: OID.serialNumber, value: `TINPL-${NIP}`, stringType: 'PrintableString' }],
    ]);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    const common = { subject, spki, serial: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), keyUsage: 0x80 };
    const foreign = await makeCertificate(crypto, {
      ...common,
      issuer: encodeRdns([[{ type: OID.commonName, value: 'Other CA' }]]),
      signer: caKeys.privateKey,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2028-01-01T00:00:00Z'),
    });
    const foreignStarted = await h.submit(await h.signedRequest({ privateKey: keys.privateKey, certificate: foreign }));
    expect(await h.pollAuth(foreignStarted.referenceNumber, foreignStarted.authenticationToken)).toMatchObject({
      code: 460,
      details: ['Niezaufany łańcuch certyfikatów'],
    });

    const expired = await makeCertificate(crypto, {
      ...common,
      signer: keys.privateKey,
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2025-01-01T00:00:00Z'),
    });
    const expiredStarted = await h.submit(await h.signedRequest({ privateKey: keys.privateKey, certificate: expired }));
    expect(await h.pollAuth(expiredStarted.referenceNumber, expiredStarted.authenticationToken)).toMatchObject({
      code: 460,
      details: ['Nieważny certyfikat'],
    });
  });

  it('ends the next sign-in in a status forced by the controls, then goes back to normal', async () => {
    h.control.setNextAuthStatus({ code: 460, details: ['Certyfikat zawieszony'] });
    const forced = await h.submit(await h.signedRequest(person));
    expect(await h.pollAuth(forced.referenceNumber, forced.authenticationToken)).toMatchObject({
      code: 460,
      details: ['Certyfikat zawieszony'],
    });
    h.control.setNextAuthStatus({ code: 550 });
    const cancelled = await h.submit(await h.signedRequest(person));
    expect((await h.pollAuth(cancelled.referenceNumber, cancelled.authenticationToken)).code).toBe(550);
    await h.signIn(person);
  });
});

describe('tokens', () => {
  it('redeems once: a second redeem is 400 21301, also as Problem Details', async () => {
    const session = await h.signIn(person);
    const again = await h.call('POST', '/auth/token/redeem', { token: session.authenticationToken });
    expect(again.status).toBe(400);
    expect(exceptionCodes(again)).toEqual([21301]);
    expect(exceptionDetails(again)).toEqual([
      `Tokeny dla operacji uwierzytelniania ${session.referenceNumber} zostały już pobrane.`,
    ]);
    const problem = await h.call('POST', '/auth/token/redeem', {
      token: session.authenticationToken,
      headers: { 'X-Error-Format': 'problem-details' },
    });
    expect(problem.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(z.object({ errors: z.array(z.object({ code: z.number() })) }).parse(problem.json()).errors[0]?.code).toBe(
      21301,
    );
  });

  it('refuses to redeem before the status is 200 (21301 with status 100)', async () => {
    const started = await h.submit(await h.signedRequest(person));
    const early = await h.call('POST', '/auth/token/redeem', { token: started.authenticationToken });
    expect(exceptionDetails(early)).toEqual(['Status uwierzytelniania (100) nie pozwala na pobranie tokenów.']);
  });

  it('refreshes the access token; DELETE /auth/sessions/current kills the refresh token (401) and shows 425', async () => {
    const session = await h.signIn(person);
    const refreshed = await h.call('POST', '/auth/token/refresh', { token: session.refreshToken });
    expect(refreshed.status).toBe(200);
    const fresh = z.object({ accessToken: z.object({ token: z.string() }) }).parse(refreshed.json()).accessToken.token;
    expect((await h.call('GET', '/certificates/limits', { token: fresh })).status).toBe(200);

    expect((await h.call('DELETE', '/auth/sessions/current', { token: session.accessToken })).status).toBe(204);
    const dead = await h.call('POST', '/auth/token/refresh', { token: session.refreshToken });
    expect(dead.status).toBe(401);
    expect(dead.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const status = statusBody.parse(
      (await h.call('GET', `/auth/${session.referenceNumber}`, { token: session.authenticationToken })).json(),
    );
    expect(status.status.code).toBe(425);
    // Access tokens already issued live until they expire (docs/ksef-contract.md §4.9).
    expect((await h.call('GET', '/certificates/limits', { token: fresh })).status).toBe(200);
  });

  it('answers 401 Problem Details for a missing, unknown, wrong-kind or expired token', async () => {
    const session = await h.signIn(person);
    const cases = [
      await h.call('GET', '/certificates/limits', { requestOffContract: true }),
      await h.call('GET', '/certificates/limits', { token: 'not-a-token' }),
      await h.call('GET', '/certificates/limits', { token: session.authenticationToken }),
      await h.call('POST', '/auth/token/refresh', { token: session.accessToken }),
    ];
    h.clock.advance(15 * 60_000);
    cases.push(await h.call('GET', '/certificates/limits', { token: session.accessToken }));
    for (const reply of cases) {
      expect(reply.status).toBe(401);
      expect(problemBody.parse(reply.json())).toMatchObject({ title: 'Unauthorized', status: 401 });
    }
    // The refresh token outlives the access token (7 days).
    expect((await h.call('POST', '/auth/token/refresh', { token: session.refreshToken })).status).toBe(200);
  });

  it('GET /auth/{ref}: 21304 for an unknown reference, 403 for another operation, 21405 for a malformed one', async () => {
    const first = await h.submit(await h.signedRequest(person));
    const second = await h.submit(await h.signedRequest(person));
    const unknown = await h.call('GET', '/auth/20260302-AU-0000000000-0000000000-00', {
      token: first.authenticationToken,
    });
    expect(exceptionCodes(unknown)).toEqual([21304]);
    const other = await h.call('GET', `/auth/${second.referenceNumber}`, { token: first.authenticationToken });
    expect(other.status).toBe(403);
    expect(z.object({ reasonCode: z.string() }).parse(other.json()).reasonCode).toBe('insufficient-resource-access');
    const malformed = await h.call('GET', '/auth/short', {
      token: first.authenticationToken,
      requestOffContract: true,
    });
    expect(exceptionCodes(malformed)).toEqual([21405]);
  });
});

describe('POST /auth/xades-signature refusals', () => {
  it('415 for a body that is not application/xml', async () => {
    const xml = await h.signedRequest(person);
    const reply = await h.call('POST', '/auth/xades-signature', {
      body: xml,
      contentType: 'text/plain',
      requestOffContract: true,
      responseOffContract: true,
    });
    expect(reply.status).toBe(415);
  });

  it('21405 for a verifyCertificateChain that is not a boolean', async () => {
    const reply = await h.call('POST', '/auth/xades-signature?verifyCertificateChain=maybe', {
      body: await h.signedRequest(person),
      requestOffContract: true,
    });
    expect(exceptionCodes(reply)).toEqual([21405]);
  });

  it('21217 for a body that is not UTF-8 or declares another encoding', async () => {
    const latin2 = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0"?><AuthTokenRequest>'),
      0xb1,
      ...new TextEncoder().encode('</AuthTokenRequest>'),
    ]);
    const bytes = await h.sandbox.handle(
      new Request('http://sandbox.test/api/sandbox/v2/auth/xades-signature', {
        method: 'POST',
        body: latin2,
        headers: { 'Content-Type': 'application/xml' },
      }),
    );
    expect(bytes.status).toBe(400);
    const declared = await h.call('POST', '/auth/xades-signature', {
      body: '<?xml version="1.0" encoding="ISO-8859-2"?><AuthTokenRequest/>',
    });
    expect(exceptionCodes(declared)).toEqual([21217]);
    expect(
      z
        .object({ exception: z.object({ exceptionDetailList: z.array(z.object({ exceptionCode: z.number() })) }) })
        .parse(await bytes.json()).exception.exceptionDetailList[0]?.exceptionCode,
    ).toBe(21217);
  });

  it.each([
    ['not well-formed', '<AuthTokenRequest><Challenge></AuthTokenRequest>'],
    ['a DOCTYPE with entities', '<!DOCTYPE a [<!ENTITY x "y">]><AuthTokenRequest>&x;</AuthTokenRequest>'],
    ['an undeclared entity', '<AuthTokenRequest>&x;</AuthTokenRequest>'],
  ])('21001 for XML that is %s', async (_, xml) => {
    expect(exceptionCodes(await h.call('POST', '/auth/xades-signature', { body: xml }))).toEqual([21001]);
  });

  const challenge = '20260302-CR-0123456789-ABCDEF0123-45';
  const ns = 'http://ksef.mf.gov.pl/auth/token/2.1';
  const wrap = (inner: string, root = `<AuthTokenRequest xmlns="${ns}">`) => `${root}${inner}</AuthTokenRequest>`;
  const context = `<ContextIdentifier><Nip>${NIP}</Nip></ContextIdentifier>`;
  const subject = '<SubjectIdentifierType>certificateSubject</SubjectIdentifierType>';
  it.each([
    ['another root', '<Other xmlns="http://ksef.mf.gov.pl/auth/token/2.1"/>'],
    [
      'another namespace',
      wrap(
        `<Challenge>${challenge}</Challenge>${context}${subject}`,
        '<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.2">',
      ),
    ],
    ['no Challenge', wrap(`${context}${subject}`)],
    ['a lowercase challenge', wrap(`<Challenge>${challenge.toLowerCase()}</Challenge>${context}${subject}`)],
    [
      'two context identifiers',
      wrap(
        `<Challenge>${challenge}</Challenge><ContextIdentifier><Nip>${NIP}</Nip><Nip>${NIP}</Nip></ContextIdentifier>${subject}`,
      ),
    ],
    [
      'an invalid NIP',
      wrap(`<Challenge>${challenge}</Challenge><ContextIdentifier><Nip>0123456789</Nip></ContextIdentifier>${subject}`),
    ],
    [
      'a NIP with spaces (xsd:string)',
      wrap(`<Challenge>${challenge}</Challenge><ContextIdentifier><Nip> ${NIP}</Nip></ContextIdentifier>${subject}`),
    ],
    [
      'an unknown subject identifier type',
      wrap(`<Challenge>${challenge}</Challenge>${context}<SubjectIdentifierType>pesel</SubjectIdentifierType>`),
    ],
    ['elements out of order', wrap(`${context}<Challenge>${challenge}</Challenge>${subject}`)],
    ['an extra element', wrap(`<Challenge>${challenge}</Challenge>${context}${subject}<Extra/>`)],
    ['an undeclared attribute', wrap(`<Challenge a="1">${challenge}</Challenge>${context}${subject}`)],
    ['text in the root', wrap(`text<Challenge>${challenge}</Challenge>${context}${subject}`)],
    [
      'a bad Ip4Mask',
      wrap(
        `<Challenge>${challenge}</Challenge>${context}${subject}<AuthorizationPolicy><AllowedIps><Ip4Mask>10.0.0.0/33</Ip4Mask></AllowedIps></AuthorizationPolicy>`,
      ),
    ],
  ])('21401 for %s', async (_, xml) => {
    const reply = await h.call('POST', '/auth/xades-signature', { body: xml });
    expect(exceptionCodes(reply)).toEqual([21401]);
    expect(exceptionDetails(reply)).toHaveLength(1);
  });

  it('9102 for an unsigned request, 9103 for two signatures', async () => {
    const unsigned = buildAuthTokenRequest({ challenge: await h.challenge(), context: { type: 'Nip', value: NIP } });
    expect(exceptionCodes(await h.call('POST', '/auth/xades-signature', { body: unsigned }))).toEqual([9102]);
    const signed = await h.signedRequest(person);
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)?.[0] ?? '';
    const twice = signed.replace('</AuthTokenRequest>', `${signature}</AuthTokenRequest>`);
    expect(exceptionCodes(await h.call('POST', '/auth/xades-signature', { body: twice }))).toEqual([9103]);
  });

  it('9105 "Podpis zweryfikowany negatywnie" for XML changed after signing', async () => {
    const signed = await h.signedRequest(person);
    const tampered = signed.replace(`<Nip>${NIP}</Nip>`, `<Nip>${OTHER_NIP}</Nip>`);
    expect(tampered).not.toBe(signed);
    const reply = await h.call('POST', '/auth/xades-signature', { body: tampered });
    expect(exceptionCodes(reply)).toEqual([9105]);
    expect(exceptionDetails(reply)[0]).toBe(SIGNATURE_REJECTED);
  });

  it('9105 for a signature value that is DER instead of r || s', async () => {
    const signed = await h.signedRequest(person);
    const value = /<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>/.exec(signed)?.[1] ?? '';
    const raw = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    const der = [0x30, 68, 0x02, 32, ...raw.slice(0, 32), 0x02, 32, ...raw.slice(32)];
    const reply = await h.call('POST', '/auth/xades-signature', {
      body: signed.replace(value, btoa(String.fromCharCode(...der))),
    });
    expect(exceptionCodes(reply)).toEqual([9105]);
    expect(exceptionDetails(reply)[0]).toBe(SIGNATURE_REJECTED);
  });

  it.each([
    ['SHA-1 digests', 'http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2000/09/xmldsig#sha1'],
    [
      'RSA-PSS',
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
      'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
    ],
    [
      'ECDSA with SHA-1',
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1',
    ],
  ])('9105 naming the algorithm for %s', async (_, from, to) => {
    const signed = await h.signedRequest(person);
    const reply = await h.call('POST', '/auth/xades-signature', { body: signed.replace(from, to) });
    expect(exceptionCodes(reply)).toEqual([9105]);
    expect(exceptionDetails(reply).join(' ')).toContain(to);
  });

  it('9105 "Format podpisu niezgodny..." for a signature without SigningCertificate', async () => {
    const xml = buildAuthTokenRequest({ challenge: await h.challenge(), context: { type: 'Nip', value: NIP } });
    const reply = await h.call('POST', '/auth/xades-signature', { body: await signWithXadesjs(xml, person) });
    expect(exceptionCodes(reply)).toEqual([9105]);
    expect(exceptionDetails(reply)[0]).toBe(PROFILE_REJECTED);
    // The same signer with SigningCertificate (xadesjs defaults otherwise) is accepted.
    const good = buildAuthTokenRequest({ challenge: await h.challenge(), context: { type: 'Nip', value: NIP } });
    await h.submit(await signWithXadesjs(good, person, { signingCertificate: true }));
  });

  it('9105 when SigningCertificate names another certificate than the one in KeyInfo', async () => {
    const other = await testSigner(PERSON);
    const signed = await h.signedRequest(person);
    const otherSigned = await h.signedRequest(other);
    const digest = (xml: string) => /<xades:CertDigest>[\s\S]*?<ds:DigestValue>([^<]+)</.exec(xml)?.[1] ?? '';
    const reply = await h.call('POST', '/auth/xades-signature', {
      body: signed.replace(digest(signed), digest(otherSigned)),
    });
    expect(exceptionCodes(reply)).toEqual([9105]);
  });

  it('21111 for a challenge used before, never issued, or older than 10 minutes', async () => {
    const signed = await h.signedRequest(person);
    await h.submit(signed);
    const reused = await h.call('POST', '/auth/xades-signature', { body: signed });
    expect(exceptionCodes(reused)).toEqual([21111]);

    const unknown = buildAuthTokenRequest({
      challenge: '20260302-CR-0000000000-0000000000-00',
      context: { type: 'Nip', value: NIP },
    });
    expect(
      exceptionCodes(
        await h.call('POST', '/auth/xades-signature', { body: await signAuthTokenRequest(unknown, person) }),
      ),
    ).toEqual([21111]);

    const late = await h.signedRequest(person);
    h.clock.advance(10 * 60_000 + 1);
    expect(exceptionCodes(await h.call('POST', '/auth/xades-signature', { body: late }))).toEqual([21111]);
  });

  it.each([
    [
      'a seal with givenName',
      [
        [{ type: OID.commonName, value: 'Firma' }],
        [{ type: OID.givenName, value: 'Jan' }],
        [{ type: OID.organizationName, value: 'Firma' }],
        [{ type: OID.organizationIdentifier, value: `VATPL-${SEAL_NIP}` }],
        [{ type: OID.countryName, value: 'PL', stringType: 'PrintableString' as const }],
      ],
    ],
    [
      'a person without surname',
      [
        [{ type: OID.commonName, value: 'Jan' }],
        [{ type: OID.givenName, value: 'Jan' }],
        [{ type: OID.countryName, value: 'PL', stringType: 'PrintableString' as const }],
        [{ type: OID.serialNumber, value: `TINPL-${NIP}`, stringType: 'PrintableString' as const }],
      ],
    ],
    [
      'a person without PESEL or NIP in serialNumber',
      [
        [{ type: OID.commonName, value: 'Jan Kowalski' }],
        [{ type: OID.surname, value: 'Kowalski' }],
        [{ type: OID.givenName, value: 'Jan' }],
        [{ type: OID.countryName, value: 'PL', stringType: 'PrintableString' as const }],
        [{ type: OID.serialNumber, value: 'IDCPL-ABC123', stringType: 'PrintableString' as const }],
      ],
    ],
  ])('21115 for %s', async (_, rdns) => {
    const keys = await generateKeyPair(crypto, 'EC-P256');
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    const certificate = await makeCertificate(crypto, {
      subject: encodeRdns(rdns),
      spki,
      signer: keys.privateKey,
      serial: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2028-01-01T00:00:00Z'),
      keyUsage: 0x80,
    });
    const reply = await h.call('POST', '/auth/xades-signature', {
      body: await h.signedRequest({ privateKey: keys.privateKey, certificate }),
    });
    expect(exceptionCodes(reply)).toEqual([21115]);
  });

  it('21117 for a PeppolId context (no Peppol providers in the sandbox)', async () => {
    const xml = rawAuthTokenRequest(await h.challenge(), '<PeppolId>PPL123456</PeppolId>');
    expect(
      exceptionCodes(await h.call('POST', '/auth/xades-signature', { body: await signAuthTokenRequest(xml, person) })),
    ).toEqual([21117]);
  });
});

describe('AuthorizationPolicy', () => {
  it('refuses /certificates/* from an IP the sign-in did not allow (403 ip-not-allowed)', async () => {
    let ip = '10.0.0.5';
    const local = createSandboxHarness({ clientIp: () => ip });
    const policy =
      '<AuthorizationPolicy><AllowedIps><Ip4Range>10.0.0.1-10.0.0.9</Ip4Range><Ip4Mask>192.168.0.0/16</Ip4Mask></AllowedIps></AuthorizationPolicy>';
    const xml = rawAuthTokenRequest(await local.challenge(), `<Nip>${NIP}</Nip>`, policy);
    const started = await local.submit(await signAuthTokenRequest(xml, person));
    await local.pollAuth(started.referenceNumber, started.authenticationToken);
    const tokens = z
      .object({ accessToken: z.object({ token: z.string() }) })
      .parse((await local.call('POST', '/auth/token/redeem', { token: started.authenticationToken })).json());
    expect((await local.call('GET', '/certificates/limits', { token: tokens.accessToken.token })).status).toBe(200);
    ip = '192.168.7.7';
    expect((await local.call('GET', '/certificates/limits', { token: tokens.accessToken.token })).status).toBe(200);
    ip = '10.0.1.5';
    const refused = await local.call('GET', '/certificates/limits', { token: tokens.accessToken.token });
    expect(refused.status).toBe(403);
    expect(
      z.object({ reasonCode: z.string(), security: z.object({ clientIp: z.string() }) }).parse(refused.json()),
    ).toEqual({
      reasonCode: 'ip-not-allowed',
      security: { clientIp: '10.0.1.5' },
    });
    local.expectContract();
  });
});
