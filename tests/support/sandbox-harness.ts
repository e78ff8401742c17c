import { expect } from 'vitest';
import { z } from 'zod';
import {
  type AuthContextIdentifier,
  type SubjectIdentifierType,
  buildAuthTokenRequest,
} from '../../src/crypto/auth-token-request';
import { buildCsr, csrToBase64 } from '../../src/crypto/csr';
import type { CertificateEnrollmentData } from '../../src/crypto/enrollment-data';
import { type TestIdentityInput, createTestIdentity } from '../../src/crypto/test-identity';
import { type XadesSigner, signAuthTokenRequest } from '../../src/crypto/xades-sign';
import { createSandboxClock } from '../../server/sandbox/core/clock';
import {
  type ControlledSandboxOptions,
  createControlledSandbox,
} from '../../server/sandbox/control/controlled-sandbox';
import { useXmlDom } from '../../server/sandbox/auth/xml-dom';
import type { ContractExchange } from './open-api-contract';
import { sandboxViolations } from './sandbox-contract';
import { expectKsefProfile } from './sandbox-openssl';

// Signing in tests needs the DOM the sandbox uses (Node has no DOMParser).
useXmlDom();

/** Where the sandbox is mounted in these tests. */
export const ORIGIN = 'http://sandbox.test';
export const BASE = '/api/sandbox/v2';
/** The sandbox clock starts here and moves only when a test advances it. */
export const START = Date.parse('2026-03-02T10:00:00.000Z');

/** Valid NIPs (checksum) and a valid PESEL for test identities. */
export const NIP = '5265877635';
export const OTHER_NIP = '7762811692';
export const SEAL_NIP = '3756977049';
export const PESEL = '44051401359';

export const PERSON: TestIdentityInput = { kind: 'person', givenName: 'Zażółć', surname: 'Gęślą-Jaźń', nip: NIP };
export const PESEL_PERSON: TestIdentityInput = { kind: 'person', givenName: 'Róża', surname: 'Łęcka', pesel: PESEL };
export const SEAL: TestIdentityInput = { kind: 'seal', organizationName: 'Spółka Testowa Sp. z o.o.', nip: SEAL_NIP };

/** One answer, read once. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON (throws when it is not JSON). */
  json(): unknown;
}

export interface CallOptions {
  readonly token?: string;
  /** A JSON value (sent as application/json) or a string (sent with `contentType`). */
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  /** The request breaks the contract on purpose: only the response is checked. */
  readonly requestOffContract?: boolean;
  /** The answer is outside the contract (404, 415, injected 500/503): not checked. */
  readonly responseOffContract?: boolean;
}

type RecordedExchange = ContractExchange & { readonly requestOffContract?: boolean };

/** `AuthenticationInitResponse`, as far as the tests read it. */
const initSchema = z.object({
  referenceNumber: z.string(),
  authenticationToken: z.object({ token: z.string(), validUntil: z.string() }),
});
const tokensSchema = z.object({
  accessToken: z.object({ token: z.string() }),
  refreshToken: z.object({ token: z.string() }),
});
const statusSchema = z.object({
  status: z.object({ code: z.number(), description: z.string(), details: z.array(z.string()).optional() }),
});
const enrollmentStatusSchema = statusSchema.extend({ certificateSerialNumber: z.string().optional() });
const challengeSchema = z.object({ challenge: z.string() });
const retrieveSchema = z.object({
  certificates: z.array(
    z.object({
      certificate: z.string(),
      certificateName: z.string(),
      certificateSerialNumber: z.string(),
      certificateType: z.string(),
    }),
  ),
});
export const exceptionSchema = z.object({
  exception: z.object({
    exceptionDetailList: z.array(z.object({ exceptionCode: z.number(), details: z.array(z.string()).optional() })),
  }),
});

/** A signer: the key pair and certificate of a test identity, or of a certificate the sandbox issued. */
export interface TestSigner extends XadesSigner {
  readonly publicKey?: CryptoKey;
}

export interface SignInOptions {
  readonly context?: AuthContextIdentifier;
  readonly subjectIdentifierType?: SubjectIdentifierType;
  readonly verifyCertificateChain?: boolean;
}

export interface SignedIn {
  readonly referenceNumber: string;
  readonly authenticationToken: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/**
 * A sandbox on a clock that stands still (tests advance it), with every exchange recorded and
 * checked against `open-api.json` by `expectContract`, and the flows tests repeat.
 */
export function createSandboxHarness(options: ControlledSandboxOptions = {}) {
  const clock = createSandboxClock(() => START);
  const sandbox = createControlledSandbox({ clock, log: () => undefined, ...options });
  const exchanges: RecordedExchange[] = [];

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers = new Headers(options.headers);
    if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      if (!headers.has('Content-Type'))
        headers.set(
          'Content-Type',
          options.contentType ?? (typeof options.body === 'string' ? 'application/xml' : 'application/json'),
        );
    }
    const url = new URL(`${BASE}${path}`, ORIGIN);
    const response = await sandbox.handle(new Request(url, { method, headers, body }));
    const text = await response.text();
    exchanges.push({
      method,
      path: url.pathname.slice(BASE.length),
      query: url.searchParams,
      requestHeaders: headers,
      requestBody: body,
      response: { status: response.status, headers: response.headers, body: text },
      responseOffContract: options.responseOffContract ?? false,
      requestOffContract: options.requestOffContract ?? false,
    });
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
  }

  /** Every recorded exchange honours the contract (see `sandboxViolations`). */
  function expectContract(): void {
    expect(exchanges.flatMap((e) => sandboxViolations(e))).toEqual([]);
  }

  async function challenge(): Promise<string> {
    const reply = await call('POST', '/auth/challenge');
    expect(reply.status).toBe(200);
    return challengeSchema.parse(reply.json()).challenge;
  }

  /** Signs a fresh challenge's AuthTokenRequest with `signer`. */
  async function signedRequest(signer: XadesSigner, options: SignInOptions = {}): Promise<string> {
    const xml = buildAuthTokenRequest({
      challenge: await challenge(),
      context: options.context ?? { type: 'Nip', value: NIP },
      ...(options.subjectIdentifierType === undefined ? {} : { subjectIdentifierType: options.subjectIdentifierType }),
    });
    return signAuthTokenRequest(xml, signer);
  }

  /** `POST /auth/xades-signature` with signed XML; expects 202. */
  async function submit(
    xml: string,
    verifyCertificateChain?: boolean,
  ): Promise<{ referenceNumber: string; authenticationToken: string }> {
    const query =
      verifyCertificateChain === undefined ? '' : `?verifyCertificateChain=${String(verifyCertificateChain)}`;
    const reply = await call('POST', `/auth/xades-signature${query}`, { body: xml, contentType: 'application/xml' });
    expect(reply.status, reply.text).toBe(202);
    const init = initSchema.parse(reply.json());
    return { referenceNumber: init.referenceNumber, authenticationToken: init.authenticationToken.token };
  }

  /** Polls `GET /auth/{ref}` (advancing the clock a second between polls) until the status is final. */
  async function pollAuth(
    referenceNumber: string,
    authenticationToken: string,
  ): Promise<{ code: number; details?: string[]; polls: number[] }> {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const reply = await call('GET', `/auth/${referenceNumber}`, { token: authenticationToken });
      expect(reply.status, reply.text).toBe(200);
      const { status } = statusSchema.parse(reply.json());
      codes.push(status.code);
      if (status.code !== 100)
        return {
          code: status.code,
          ...(status.details === undefined ? {} : { details: status.details }),
          polls: codes,
        };
      clock.advance(1000);
    }
    throw new Error('Authentication stayed at 100');
  }

  /** The whole sign-in: challenge, sign, submit, poll to 200, redeem. */
  async function signIn(signer: XadesSigner, options: SignInOptions = {}): Promise<SignedIn> {
    const started = await submit(await signedRequest(signer, options), options.verifyCertificateChain);
    const status = await pollAuth(started.referenceNumber, started.authenticationToken);
    expect(status.code).toBe(200);
    const redeemed = await call('POST', '/auth/token/redeem', { token: started.authenticationToken });
    expect(redeemed.status, redeemed.text).toBe(200);
    const tokens = tokensSchema.parse(redeemed.json());
    return { ...started, accessToken: tokens.accessToken.token, refreshToken: tokens.refreshToken.token };
  }

  async function enrollmentData(accessToken: string): Promise<CertificateEnrollmentData> {
    const reply = await call('GET', '/certificates/enrollments/data', { token: accessToken });
    expect(reply.status, reply.text).toBe(200);
    return z
      .object({
        commonName: z.string(),
        countryName: z.string(),
        givenName: z.string().optional(),
        surname: z.string().optional(),
        serialNumber: z.string().optional(),
        organizationName: z.string().optional(),
        organizationIdentifier: z.string().optional(),
      })
      .strict()
      .parse(reply.json());
  }

  /** `POST /certificates/enrollments` with a CSR of `keyPair`; returns the reply. */
  async function enroll(
    accessToken: string,
    keyPair: CryptoKeyPair,
    type: 'Authentication' | 'Offline',
    name = 'Certyfikat testowy',
    data?: CertificateEnrollmentData,
  ): Promise<Reply> {
    const csr = csrToBase64(await buildCsr(data ?? (await enrollmentData(accessToken)), keyPair));
    return call('POST', '/certificates/enrollments', {
      token: accessToken,
      body: { certificateName: name, certificateType: type, csr },
    });
  }

  /** Polls an enrollment (advancing the clock) until its status is final. */
  async function pollEnrollment(
    accessToken: string,
    referenceNumber: string,
  ): Promise<{ code: number; serial?: string; details?: string[]; polls: number[] }> {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const reply = await call('GET', `/certificates/enrollments/${referenceNumber}`, { token: accessToken });
      expect(reply.status, reply.text).toBe(200);
      const body = enrollmentStatusSchema.parse(reply.json());
      codes.push(body.status.code);
      if (body.status.code !== 100) {
        return {
          code: body.status.code,
          ...(body.certificateSerialNumber === undefined ? {} : { serial: body.certificateSerialNumber }),
          ...(body.status.details === undefined ? {} : { details: body.status.details }),
          polls: codes,
        };
      }
      clock.advance(1000);
    }
    throw new Error('Enrollment stayed at 100');
  }

  /** `POST /certificates/retrieve` for one serial → the DER certificate. */
  async function retrieve(
    accessToken: string,
    serial: string,
  ): Promise<{ der: Uint8Array; name: string; type: string }> {
    const reply = await call('POST', '/certificates/retrieve', {
      token: accessToken,
      body: { certificateSerialNumbers: [serial] },
    });
    expect(reply.status, reply.text).toBe(200);
    const [item] = retrieveSchema.parse(reply.json()).certificates;
    if (item === undefined) throw new Error(`Certificate ${serial} not returned`);
    const type = z.enum(['Authentication', 'Offline']).parse(item.certificateType);
    const der = Uint8Array.from(atob(item.certificate), (c) => c.charCodeAt(0));
    // Every certificate a test retrieves goes past OpenSSL too.
    await expectKsefProfile(der, type);
    return { der, name: item.certificateName, type };
  }

  /** Enroll, poll to 200 and retrieve: a certificate for `keyPair`. */
  async function obtainCertificate(
    accessToken: string,
    keyPair: CryptoKeyPair,
    type: 'Authentication' | 'Offline',
    name?: string,
  ) {
    const reply = await enroll(accessToken, keyPair, type, name);
    expect(reply.status, reply.text).toBe(202);
    const { referenceNumber } = z.object({ referenceNumber: z.string() }).parse(reply.json());
    const status = await pollEnrollment(accessToken, referenceNumber);
    expect(status.code, JSON.stringify(status)).toBe(200);
    if (status.serial === undefined) throw new Error('No serial');
    return { serial: status.serial, referenceNumber, ...(await retrieve(accessToken, status.serial)) };
  }

  return {
    sandbox,
    control: sandbox.control,
    clock,
    exchanges,
    call,
    expectContract,
    challenge,
    signedRequest,
    submit,
    pollAuth,
    signIn,
    enrollmentData,
    enroll,
    pollEnrollment,
    retrieve,
    obtainCertificate,
  };
}

export type SandboxHarness = ReturnType<typeof createSandboxHarness>;

/** A self-signed test identity as a signer. */
export async function testSigner(
  input: TestIdentityInput,
  algorithm: 'EC-P256' | 'RSA-2048' = 'EC-P256',
  now: Date = new Date(START),
): Promise<TestSigner & { keyPair: CryptoKeyPair }> {
  const identity = await createTestIdentity(input, { algorithm, now: () => now });
  return { privateKey: identity.keyPair.privateKey, certificate: identity.certificate, keyPair: identity.keyPair };
}

/** The exception codes of a legacy 400 body. */
export function exceptionCodes(reply: Reply): number[] {
  return exceptionSchema.parse(reply.json()).exception.exceptionDetailList.map((d) => d.exceptionCode);
}

/** The details of the first exception of a legacy 400 body. */
export function exceptionDetails(reply: Reply): string[] {
  return exceptionSchema.parse(reply.json()).exception.exceptionDetailList[0]?.details ?? [];
}
