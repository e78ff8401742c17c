import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuthTokenRequest } from '../../src/crypto/auth-token-request';
import { buildCsr, csrToBase64 } from '../../src/crypto/csr';
import { issueCertificate } from '../../src/crypto/certificate-builder';
import { readCertificate } from '../../src/crypto/certificate-reader';
import { classifyCertificate } from '../../src/crypto/ksef-profile';
import { buildSubject, encodeName } from '../../src/crypto/distinguished-name';
import { type CryptoErrorCode, CryptoError } from '../../src/crypto/errors';
import { ChallengeExpiredError } from '../../src/crypto/external-signature';
import type { LoadedPrivateKey } from '../../src/crypto/key-type';
import { exportSpki, generateKeyPair } from '../../src/crypto/keys';
import { checkPair } from '../../src/crypto/pair';
import { encodePem } from '../../src/crypto/pem';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { type TestIdentity, createTestIdentity } from '../../src/crypto/test-identity';
import { signAuthTokenRequest } from '../../src/crypto/xades-sign';
import { fromBase64 } from '../../src/lib/bytes';
import { KsefError } from '../../src/ksef/errors';
import { pollAuthStatus, pollEnrollmentStatus } from '../../src/ksef/polling';
import { signOut } from '../../src/ksef/sign-in';
import {
  type SignInStep,
  prepareExternalSignature,
  signInWithExternalSignature,
  signInWithKsefCertificate,
  signInWithTestIdentity,
} from '../../src/sign-in/sign-in';
import { SignInError, type SignInErrorCode } from '../../src/sign-in/errors';
import { exportTestIdentity, openSigningCredentials, signInWithSigningFiles } from '../../src/sign-in/files';
import { loadedKey } from '../support/certificates';
import { openssl, withTempDir } from '../support/openssl';
import { type RelayStack, expectNoSecretRelayed, secretForms, startRelayStack } from '../support/relay-stack';
import { NIP, PERSON, PESEL, PESEL_PERSON } from '../support/sandbox-harness';

/**
 * The sign-in methods and their refusals, against the sandbox behind the relay on loopback sockets.
 * Refusals the app makes itself must send nothing at all: those tests count the relayed requests.
 */
const PASSWORD = 'Haslo-Do-Klucza-2026!';
const CONTEXT = { type: 'Nip', value: NIP } as const;

let stack: RelayStack;
const secrets: string[] = [PASSWORD];

beforeAll(async () => {
  stack = await startRelayStack();
});

afterAll(async () => {
  stack.expectContract();
  expectNoSecretRelayed(stack.relayed, secrets);
  await stack.close();
});

const options = () => ({ now: stack.now, pollOptions: { sleep: stack.sleep, now: stack.now } });
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

async function expectSignInError(promise: Promise<unknown>, code: SignInErrorCode): Promise<SignInError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(SignInError);
  expect(error).toMatchObject({ code });
  return error as SignInError;
}

async function identity(): Promise<TestIdentity> {
  const made = await createTestIdentity(PERSON, { now: stack.now });
  secrets.push(...(await secretForms(made.keyPair.privateKey)));
  return made;
}

/** A self-signed person certificate for `keyPair` valid from `notBefore` to `notAfter`. */
async function selfSigned(keyPair: CryptoKeyPair, notBefore: Date, notAfter: Date): Promise<Uint8Array> {
  const name = encodeName(
    buildSubject({
      commonName: 'Zażółć Gęślą-Jaźń',
      givenName: 'Zażółć',
      surname: 'Gęślą-Jaźń',
      serialNumber: `TINPL-${NIP}`,
      countryName: 'PL',
    }),
  );
  return issueCertificate(
    {
      serialNumber: Uint8Array.of(0x11, 2, 3, 4, 5, 6, 7, 8),
      issuer: name,
      subject: name,
      notBefore,
      notAfter,
      subjectPublicKeyInfo: await exportSpki(keyPair.publicKey),
      keyUsage: ['digitalSignature'],
    },
    keyPair.privateKey,
  );
}

describe('openSigningCredentials', () => {
  it.each([
    ['.key + .crt', 'pair'],
    ['one PEM with the key and the certificate', 'bundle'],
    ['.pfx', 'pfx'],
  ] as const)('opens %s', async (_, shape) => {
    const made = await identity();
    const keyPem = await writeKey(made);
    const certificatePem = encodePem('CERTIFICATE', made.certificate);
    const files =
      shape === 'pair'
        ? { keyFile: encode(keyPem), certificateFile: encode(certificatePem), password: PASSWORD }
        : shape === 'bundle'
          ? { keyFile: encode(keyPem + certificatePem), password: PASSWORD }
          : {
              keyFile: await opensslPfx(await plainKeyPem(made.keyPair.privateKey), certificatePem),
              password: PASSWORD,
            };

    const credentials = await openSigningCredentials(files, { now: stack.now });

    expect(credentials.certificate).toEqual(made.certificate);
    expect(credentials.summary.ownerName).toBe('Zażółć Gęślą-Jaźń');
    expect(await checkPair(credentials.key, credentials.certificate)).toEqual({ match: true });
  });

  it.each<
    [
      string,
      (keyPem: string, certificatePem: string) => Parameters<typeof openSigningCredentials>[0],
      CryptoErrorCode | SignInErrorCode,
    ]
  >([
    [
      'a key without a certificate',
      (keyPem) => ({ keyFile: encode(keyPem), password: PASSWORD }),
      'certificate-missing',
    ],
    [
      'a wrong password',
      (keyPem, certificatePem) => ({
        keyFile: encode(keyPem),
        certificateFile: encode(certificatePem),
        password: 'Inne-Haslo-2026!',
      }),
      'wrong-password',
    ],
    [
      'no password',
      (keyPem, certificatePem) => ({ keyFile: encode(keyPem), certificateFile: encode(certificatePem) }),
      'password-required',
    ],
    [
      'the files swapped',
      (keyPem, certificatePem) => ({
        keyFile: encode(certificatePem),
        certificateFile: encode(keyPem),
        password: PASSWORD,
      }),
      'certificate-not-key',
    ],
    [
      'a key as the certificate',
      (keyPem) => ({ keyFile: encode(keyPem), certificateFile: encode(keyPem), password: PASSWORD }),
      'key-not-certificate',
    ],
  ])('refuses %s', async (_, files, code) => {
    const made = await identity();
    const error = await rejection(
      openSigningCredentials(files(await writeKey(made), encodePem('CERTIFICATE', made.certificate)), {
        now: stack.now,
      }),
    );
    expect(error).toMatchObject({ code });
    expect(error instanceof SignInError || error instanceof CryptoError).toBe(true);
  });
});

/** A PFX as `openssl pkcs12 -export` writes it (AES-256, PBKDF2, HMAC-SHA256 MAC). */
function opensslPfx(keyPem: string, certificatePem: string): Promise<Uint8Array> {
  return withTempDir((dir) => {
    dir.write('key.pem', keyPem);
    dir.write('cert.pem', certificatePem);
    openssl(
      [
        'pkcs12',
        '-export',
        '-inkey',
        'key.pem',
        '-in',
        'cert.pem',
        '-passout',
        'env:KSEF_TEST_PASSWORD',
        '-out',
        'identity.pfx',
      ],
      { cwd: dir.path, password: PASSWORD },
    );
    return dir.read('identity.pfx');
  });
}

async function plainKeyPem(privateKey: CryptoKey): Promise<string> {
  return encodePem('PRIVATE KEY', new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey)));
}

async function writeKey(made: TestIdentity): Promise<string> {
  return (await exportTestIdentity(made, PASSWORD)).keyPem;
}

describe('exportTestIdentity', () => {
  it('writes a .key that openssl and our reader open with the password, and the certificate as PEM', async () => {
    const made = await identity();
    const { keyPem, certificatePem } = await exportTestIdentity(made, PASSWORD);
    expect(keyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect((await readCertificate(encode(certificatePem))).der).toEqual(made.certificate);
    expect(await checkPair(await readPrivateKey(encode(keyPem), PASSWORD), made.certificate)).toEqual({ match: true });
    await withTempDir((dir) => {
      dir.write('identity.key', keyPem);
      const text = openssl(['pkey', '-in', 'identity.key', '-passin', 'env:KSEF_TEST_PASSWORD', '-noout', '-text'], {
        cwd: dir.path,
        password: PASSWORD,
      });
      expect(text.stdout.toString('utf8')).toContain('ASN1 OID: prime256v1');
    });
  });
});

/** A real Offline certificate from the sandbox, with its key. */
async function issuedOffline(): Promise<{ key: LoadedPrivateKey; certificate: Uint8Array }> {
  const { session, identity: made } = await signInWithTestIdentity(stack.client, 'test', PERSON, options());
  secrets.push(...(await secretForms(made.keyPair.privateKey)));
  const data = await stack.client.getEnrollmentData(session.tokens);
  const keyPair = await generateKeyPair('EC-P256');
  secrets.push(...(await secretForms(keyPair.privateKey)));
  const csr = csrToBase64(await buildCsr(data, keyPair));
  const { referenceNumber } = await stack.client.enrollCertificate(session.tokens, {
    certificateName: 'Certyfikat offline',
    certificateType: 'Offline',
    csr,
  });
  const issued = await pollEnrollmentStatus(stack.client, session.tokens, referenceNumber, options().pollOptions);
  const { certificates } = await stack.client.retrieveCertificates(session.tokens, {
    certificateSerialNumbers: [issued.certificateSerialNumber],
  });
  const certificate = fromBase64(certificates[0]?.certificate ?? '');
  if (certificate === null) throw new Error('The certificate is not base64');
  return { key: await loadedKey(crypto, keyPair), certificate };
}

describe('refusals before KSeF is contacted', () => {
  async function refusedQuietly(promise: Promise<unknown>, code: SignInErrorCode): Promise<SignInError> {
    const before = stack.relayed.length;
    const error = await expectSignInError(promise, code);
    expect(stack.relayed.length).toBe(before);
    return error;
  }

  it('a KSeF Offline certificate', async () => {
    const { key, certificate } = await issuedOffline();
    expect(classifyCertificate(await readCertificate(certificate, stack.now()))).toEqual({
      kind: 'ksef',
      purpose: 'Offline',
      environment: 'sandbox',
    });
    await refusedQuietly(
      signInWithKsefCertificate(stack.client, { key, certificate, context: CONTEXT }, options()),
      'offline-certificate',
    );
  });

  it('an expired certificate', async () => {
    const keyPair = await generateKeyPair('EC-P256');
    const now = stack.now();
    const certificate = await selfSigned(
      keyPair,
      new Date(now.getTime() - 3 * 86_400_000),
      new Date(now.getTime() - 86_400_000),
    );
    await refusedQuietly(
      signInWithKsefCertificate(
        stack.client,
        { key: await loadedKey(crypto, keyPair), certificate, context: CONTEXT },
        options(),
      ),
      'certificate-expired',
    );
  });

  it.each([
    ['another EC key', 'EC-P256', 'different-key'],
    ['an RSA key for an EC certificate', 'RSA-2048', 'different-algorithm'],
  ] as const)('a key that does not pair: %s', async (_, algorithm, reason) => {
    const made = await identity();
    const other = await generateKeyPair(algorithm);
    const error = await refusedQuietly(
      signInWithKsefCertificate(
        stack.client,
        { key: await loadedKey(crypto, other), certificate: made.certificate, context: CONTEXT },
        options(),
      ),
      'key-certificate-mismatch',
    );
    expect(error.pairReason).toBe(reason);
  });

  it.each(['prod', 'demo'] as const)('a test identity on %s', async (environment) => {
    await refusedQuietly(
      signInWithTestIdentity(stack.client, environment, PERSON, options()),
      'test-identity-not-allowed',
    );
  });

  it.each(['prod', 'demo'] as const)('a self-signed certificate with its key on %s', async (environment) => {
    const made = await identity();
    await refusedQuietly(
      signInWithKsefCertificate(
        stack.client,
        { key: await loadedKey(crypto, made.keyPair), certificate: made.certificate, context: CONTEXT },
        { ...options(), environment },
      ),
      'test-identity-not-allowed',
    );
  });

  it('a PESEL test identity without a context', async () => {
    await refusedQuietly(signInWithTestIdentity(stack.client, 'test', PESEL_PERSON, options()), 'context-required');
  });
});

describe('signing in', () => {
  it('with a test identity reports every step, and a PESEL identity signs in for the given context', async () => {
    const steps: SignInStep[] = [];
    const { session, identity: made } = await signInWithTestIdentity(stack.client, 'test', PESEL_PERSON, {
      ...options(),
      context: CONTEXT,
      onProgress: (s) => steps.push(s),
    });
    secrets.push(...(await secretForms(made.keyPair.privateKey)));
    expect(steps.map((s) => (s.stage === 'verifying' ? `verifying ${s.attempt} ${s.status.code}` : s.stage))).toEqual([
      'challenge',
      'signing',
      'submitting',
      'verifying 1 100',
      'verifying 2 200',
      'redeeming',
    ]);
    expect(await stack.client.getEnrollmentData(session.tokens)).toMatchObject({ serialNumber: `PNOPL-${PESEL}` });
  });

  it.each(['sandbox', 'test', undefined] as const)(
    'with a self-signed certificate that is not KSeF’s (nonRepudiation, as qualified ones) on %s: KSeF decides',
    async (environment) => {
      const made = await identity();
      const summary = await readCertificate(made.certificate, stack.now());
      expect(summary.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
      expect(classifyCertificate(summary)).toEqual({ kind: 'not-ksef', what: 'self-signed' });
      const key = await loadedKey(crypto, made.keyPair);
      const session = await signInWithKsefCertificate(
        stack.client,
        { key, certificate: made.certificate, context: CONTEXT },
        { ...options(), ...(environment === undefined ? {} : { environment }) },
      );
      expect(session.authenticationMethodInfo?.code).toBe('xades.qualified-signature');
    },
  );

  it('with a qualified signature certificate (openssl, qcStatements esign) on production: KSeF decides', async () => {
    const certificate = readFileSync(fileURLToPath(new URL('../fixtures/certs/qualified-sign.pem', import.meta.url)));
    const keyFile = readFileSync(fileURLToPath(new URL('../fixtures/certs/qualified-sign.key', import.meta.url)));
    const summary = await readCertificate(certificate, stack.now());
    expect(classifyCertificate(summary)).toEqual({ kind: 'not-ksef', what: 'qualified-signature' });
    const key = await readPrivateKey(keyFile, undefined);
    // The sandbox stands in for production: our rules let the certificate through to KSeF, which decides (the
    // sandbox refuses a certificate from a CA it does not know, with its own status).
    const before = stack.relayed.length;
    const error = await rejection(
      signInWithKsefCertificate(
        stack.client,
        { key, certificate: summary.der, context: CONTEXT },
        { ...options(), environment: 'prod' },
      ),
    );
    expect(error).toBeInstanceOf(KsefError);
    expect(stack.relayed.length).toBeGreaterThan(before);
  });

  it("with the signing files: opens them, signs in, and names the certificate's owner", async () => {
    const made = await identity();
    const files = {
      keyFile: encode(await writeKey(made)),
      certificateFile: encode(encodePem('CERTIFICATE', made.certificate)),
      password: PASSWORD,
    };
    const { session, subject } = await signInWithSigningFiles(stack.client, files, CONTEXT, options());
    expect(subject).toBe('Zażółć Gęślą-Jaźń');
    expect(await stack.client.getEnrollmentData(session.tokens)).toMatchObject({ serialNumber: `TINPL-${NIP}` });
  });

  it('turns a failed final status into its KsefError code', async () => {
    stack.sandbox.control.setNextAuthStatus({ code: 460, details: ['Certyfikat odwołany'] });
    const error = await rejection(signInWithTestIdentity(stack.client, 'test', PERSON, options()));
    expect(error).toBeInstanceOf(KsefError);
    expect(error).toMatchObject({
      code: 'auth-certificate-error',
      exceptions: [{ code: 460, details: ['Certyfikat odwołany'] }],
    });
  });

  it('waits out an injected 429 (Retry-After through the relay) and goes on', async () => {
    stack.sandbox.control.injectFault({ operation: 'POST /auth/xades-signature', status: 429, retryAfterSeconds: 3 });
    const waited = stack.sleeps.length;
    const { session } = await signInWithTestIdentity(stack.client, 'test', PERSON, options());
    expect(stack.sleeps.slice(waited)).toContain(3000);
    const submissions = stack.exchanges.filter((e) => e.path === '/auth/xades-signature').slice(-2);
    expect(submissions.map((e) => e.response?.status)).toEqual([429, 202]);
    expect(submissions[0]?.response?.headers.get('Retry-After')).toBe('3');
    expect(submissions[0]?.requestBody).toBe(submissions[1]?.requestBody);
    await expect(stack.client.getCertificateLimits(session.tokens)).resolves.toMatchObject({ canRequest: true });
  });

  it('redeems once: a second redeem is 21301', async () => {
    const made = await identity();
    const { client } = stack;
    const { challenge } = await client.requestChallenge();
    const signed = await signAuthTokenRequest(
      buildAuthTokenRequest({ challenge, context: CONTEXT }),
      { privateKey: made.keyPair.privateKey, certificate: made.certificate },
      { now: stack.now },
    );
    const init = await client.submitXadesSignature(signed, { verifyCertificateChain: false });
    await pollAuthStatus(client, init.referenceNumber, init.authenticationToken.token, options().pollOptions);
    await client.redeemTokens(init.authenticationToken.token);
    const error = await rejection(client.redeemTokens(init.authenticationToken.token));
    expect(error).toBeInstanceOf(KsefError);
    expect(error).toMatchObject({ code: 'tokens-already-redeemed', status: 400, exceptions: [{ code: 21301 }] });
  });

  it('signs out: the access token lives out its 15 minutes, then calls fail 401 unauthorized', async () => {
    const { session } = await signInWithTestIdentity(stack.client, 'test', PERSON, options());
    await expect(signOut(stack.client, session)).resolves.toBe('signed-out');
    await expect(stack.client.getCertificateLimits(session.tokens)).resolves.toMatchObject({ canRequest: true });
    stack.clock.advance(16 * 60_000);
    const error = await rejection(stack.client.getCertificateLimits(session.tokens));
    expect(error).toBeInstanceOf(KsefError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    await expect(signOut(stack.client, session)).resolves.toBe('already-ended');
  });
});

describe('external signature', () => {
  /** The user's signing software, played by our own signer outside the code under test. */
  async function signElsewhere(unsignedXml: string): Promise<Uint8Array> {
    const made = await identity();
    return encode(
      await signAuthTokenRequest(
        unsignedXml,
        { privateKey: made.keyPair.privateKey, certificate: made.certificate },
        { now: stack.now },
      ),
    );
  }

  it('refuses a challenge older than 10 minutes by our clock, sending nothing', async () => {
    const prepared = await prepareExternalSignature(stack.client, { context: CONTEXT }, { now: stack.now });
    const signed = await signElsewhere(prepared.unsignedXml);
    const before = stack.relayed.length;
    const later = new Date(prepared.challengeIssuedAt.getTime() + 10 * 60_000 + 1_000);
    const error = await rejection(
      signInWithExternalSignature(stack.client, prepared, signed, { ...options(), now: () => later }),
    );
    expect(error).toBeInstanceOf(ChallengeExpiredError);
    expect(error).toMatchObject({ code: 'challenge-expired', minutes: 10 });
    expect(stack.relayed.length).toBe(before);
  });

  it('passes on KSeF 21111 when the challenge expired by KSeF’s clock', async () => {
    const prepared = await prepareExternalSignature(stack.client, { context: CONTEXT }, { now: stack.now });
    const signed = await signElsewhere(prepared.unsignedXml);
    stack.clock.advance(11 * 60_000);
    const error = await rejection(
      signInWithExternalSignature(stack.client, prepared, signed, {
        ...options(),
        now: () => prepared.challengeIssuedAt,
      }),
    );
    expect(error).toBeInstanceOf(KsefError);
    expect(error).toMatchObject({ code: 'challenge-invalid', exceptions: [{ code: 21111 }] });
  });

  it('refuses a file re-indented after signing, sending nothing; the file as signed then signs in', async () => {
    const prepared = await prepareExternalSignature(stack.client, { context: CONTEXT }, { now: stack.now });
    const signed = await signElsewhere(prepared.unsignedXml);
    const reindented = encode(new TextDecoder().decode(signed).replace(/></g, '>\n    <'));
    const before = stack.relayed.length;
    const error = await rejection(signInWithExternalSignature(stack.client, prepared, reindented, options()));
    expect(error).toBeInstanceOf(CryptoError);
    expect(error).toMatchObject({ code: 'signature-digest-mismatch' });
    expect(stack.relayed.length).toBe(before);
    await expect(signInWithExternalSignature(stack.client, prepared, signed, options())).resolves.toMatchObject({
      tokens: expect.anything() as unknown,
    });
  });

  it('refuses a file signed for another attempt, sending nothing', async () => {
    const first = await prepareExternalSignature(stack.client, { context: CONTEXT }, { now: stack.now });
    const second = await prepareExternalSignature(stack.client, { context: CONTEXT }, { now: stack.now });
    const signed = await signElsewhere(first.unsignedXml);
    const before = stack.relayed.length;
    expect(await rejection(signInWithExternalSignature(stack.client, second, signed, options()))).toMatchObject({
      code: 'challenge-mismatch',
    });
    expect(stack.relayed.length).toBe(before);
  });
});

describe('the leak check itself', () => {
  it('finds a private key in a body and a password in a header', async () => {
    const keyPair = await generateKeyPair('EC-P256');
    const forms = await secretForms(keyPair.privateKey);
    const pkcs8 = forms[0] ?? '';
    const request = (body: string, header = 'x') => ({
      method: 'POST',
      url: 'http://127.0.0.1/api/test/v2/auth/challenge',
      headers: [['x-test', header]] as [string, string][],
      body: encode(body),
    });
    expect(() => expectNoSecretRelayed([request(`{"key":"${pkcs8}"}`)], forms)).toThrow();
    expect(() => expectNoSecretRelayed([request('{}', PASSWORD)], [PASSWORD])).toThrow();
    expect(() => expectNoSecretRelayed([request('{}')], forms)).not.toThrow();
  });
});
