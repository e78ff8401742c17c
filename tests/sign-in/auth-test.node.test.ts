import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsr, csrToBase64 } from '../../src/crypto/csr';
import type { LoadedPrivateKey } from '../../src/crypto/key-type';
import { generateKeyPair } from '../../src/crypto/keys';
import { fromBase64 } from '../../src/lib/bytes';
import { KsefError } from '../../src/ksef/errors';
import { pollEnrollmentStatus } from '../../src/ksef/polling';
import { testCertificateSignIn } from '../../src/sign-in/auth-test';
import { signInWithTestIdentity } from '../../src/sign-in/sign-in';
import { authTestProblem } from '../../src/state/auth-test';
import { authTestPlan } from '../../src/state/check/auth-test-actions';
import { readCertificate } from '../../src/crypto/certificate-reader';
import { loadedKey } from '../support/certificates';
import { type RelayStack, expectNoSecretRelayed, secretForms, startRelayStack } from '../support/relay-stack';
import { NIP, PERSON } from '../support/sandbox-harness';

/**
 * The certificate sign-in test against the sandbox behind the relay: a real sign-in with a certificate
 * the sandbox issued, who KSeF says signed in, and the session ended; refusals made before any request
 * count the relayed requests.
 */
let stack: RelayStack;
const secrets: string[] = [];

beforeAll(async () => {
  stack = await startRelayStack();
});

afterAll(async () => {
  stack.expectContract();
  expectNoSecretRelayed(stack.relayed, secrets);
  await stack.close();
});

const options = () => ({ now: stack.now, pollOptions: { sleep: stack.sleep, now: stack.now } });

/** A certificate the sandbox issued to PERSON, with its key. */
async function issued(
  certificateType: 'Authentication' | 'Offline',
  validFrom?: Date,
): Promise<{ key: LoadedPrivateKey; certificate: Uint8Array; revoke: () => Promise<void> }> {
  const { session, identity } = await signInWithTestIdentity(stack.client, 'test', PERSON, options());
  secrets.push(...(await secretForms(identity.keyPair.privateKey)));
  const data = await stack.client.getEnrollmentData(session.tokens);
  const keyPair = await generateKeyPair('EC-P256');
  secrets.push(...(await secretForms(keyPair.privateKey)));
  const { referenceNumber } = await stack.client.enrollCertificate(session.tokens, {
    certificateName: `Test logowania ${certificateType}`,
    certificateType,
    csr: csrToBase64(await buildCsr(data, keyPair)),
    ...(validFrom === undefined ? {} : { validFrom: validFrom.toISOString() }),
  });
  const done = await pollEnrollmentStatus(stack.client, session.tokens, referenceNumber, options().pollOptions);
  const { certificates } = await stack.client.retrieveCertificates(session.tokens, {
    certificateSerialNumbers: [done.certificateSerialNumber],
  });
  const certificate = fromBase64(certificates[0]?.certificate ?? '');
  if (certificate === null) throw new Error('The certificate is not base64');
  const revoke = () =>
    stack.client.revokeCertificate(session.tokens, done.certificateSerialNumber, { revocationReason: 'Superseded' });
  return { key: await loadedKey(crypto, keyPair), certificate, revoke };
}

const paths = (from: number) =>
  stack.relayed.slice(from).map((r) => `${r.method} ${new URL(r.url).pathname.replace(/^\/api\/test\/v2/, '')}`);

describe('testCertificateSignIn', () => {
  it('signs in, says who KSeF saw and in which context, and ends the session', async () => {
    const { key, certificate } = await issued('Authentication');
    const before = stack.relayed.length;
    const tokens: string[] = [];
    // Keep the refresh token the test used, to show it no longer works afterwards.
    const client = {
      ...stack.client,
      endCurrentSession: async (...args: Parameters<typeof stack.client.endCurrentSession>) => {
        tokens.push(args[0].refreshToken.token);
        return stack.client.endCurrentSession(...args);
      },
    };

    const result = await testCertificateSignIn(
      client,
      { key, certificate, contextNip: NIP, environment: 'test' },
      options(),
    );

    expect(result).toMatchObject({
      outcome: 'signed-in',
      subject: { commonName: 'Zażółć Gęślą-Jaźń', identifier: `TINPL-${NIP}` },
      contextNip: NIP,
      signedOut: 'signed-out',
    });
    const sent = paths(before);
    expect(sent[0]).toBe('POST /auth/challenge');
    expect(sent).toContain('POST /auth/xades-signature');
    expect(sent).toContain('GET /certificates/enrollments/data');
    expect(sent.at(-1)).toBe('DELETE /auth/sessions/current');
    expect(tokens).toHaveLength(1);
    // The ended session's refresh token is refused.
    const refused = await stack.client.refreshAccessToken(tokens[0] ?? '').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(KsefError);
    expect(refused).toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a certificate whose validity has not started, before any request', async () => {
    const validFrom = new Date(stack.now().getTime() + 3 * 24 * 3600 * 1000);
    const { key, certificate } = await issued('Authentication', validFrom);
    const before = stack.relayed.length;

    const result = await testCertificateSignIn(
      stack.client,
      { key, certificate, contextNip: NIP, environment: 'test' },
      options(),
    );

    expect(result.outcome).toBe('not-yet-valid');
    expect(
      result.outcome === 'not-yet-valid' && Math.abs(result.validFrom.getTime() - validFrom.getTime()),
    ).toBeLessThan(1000);
    expect(stack.relayed.length).toBe(before);
  });

  it('refuses an Offline certificate before any request', async () => {
    const { key, certificate } = await issued('Offline');
    const before = stack.relayed.length;

    const result = await testCertificateSignIn(
      stack.client,
      { key, certificate, contextNip: NIP, environment: 'test' },
      options(),
    );

    expect(result).toEqual({ outcome: 'offline-certificate' });
    expect(stack.relayed.length).toBe(before);
  });

  it('maps KSeF refusing the sign-in to a problem with its code', async () => {
    const { key, certificate, revoke } = await issued('Authentication');
    await revoke();

    const error = await testCertificateSignIn(
      stack.client,
      { key, certificate, contextNip: NIP, environment: 'test' },
      options(),
    ).then(
      () => null,
      (failure: unknown) => failure,
    );

    expect(error).toBeInstanceOf(KsefError);
    expect(authTestProblem(error)).toMatchObject({ source: 'ksef', code: (error as KsefError).code });
    // The sandbox refuses a revoked certificate while checking the sign-in (status 460), as KSeF does.
    expect((error as KsefError).code).toBe('auth-certificate-error');
  });
});

describe("the checker's plan", () => {
  it('offers the test for an Authentication certificate, in its environment, with the NIP it carries', async () => {
    const { certificate } = await issued('Authentication');
    expect(authTestPlan(await readCertificate(certificate, stack.now()))).toEqual({
      kind: 'authentication',
      environments: ['sandbox'],
      contextNip: NIP,
    });
  });

  it('offers none for an Offline certificate, and none for a certificate KSeF did not issue', async () => {
    const { certificate } = await issued('Offline');
    expect(authTestPlan(await readCertificate(certificate, stack.now()))).toEqual({ kind: 'offline' });
    const { identity } = await signInWithTestIdentity(stack.client, 'test', PERSON, options());
    expect(authTestPlan(await readCertificate(identity.certificate, stack.now()))).toEqual({ kind: 'none' });
  });
});
