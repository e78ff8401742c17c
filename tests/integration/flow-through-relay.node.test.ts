import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyAlgorithm } from '../../src/crypto/algorithms';
import { readCertificate } from '../../src/crypto/certificate-reader';
import { checkCsr, csrChecksPass } from '../../src/crypto/check-csr';
import { buildCsr, csrToBase64 } from '../../src/crypto/csr';
import { writeEncryptedKeyFile } from '../../src/crypto/key-file';
import { generateKeyPair } from '../../src/crypto/keys';
import { classifyCertificate } from '../../src/crypto/ksef-profile';
import { checkPair } from '../../src/crypto/pair';
import { encodePem } from '../../src/crypto/pem';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import type { TestIdentityInput } from '../../src/crypto/test-identity';
import { fromBase64 } from '../../src/lib/bytes';
import type { KsefCertificateType } from '../../src/ksef/common-schemas';
import { pollEnrollmentStatus } from '../../src/ksef/polling';
import type { SignedInSession } from '../../src/ksef/sign-in';
import {
  prepareExternalSignature,
  signInWithExternalSignature,
  signInWithKsefCertificate,
  signInWithTestIdentity,
} from '../../src/sign-in/sign-in';
import { openSigningCredentials } from '../../src/sign-in/files';
import { loadedKey } from '../support/certificates';
import { type RelayStack, expectNoSecretRelayed, secretForms, startRelayStack } from '../support/relay-stack';
import { NIP, PERSON, SEAL, SEAL_NIP } from '../support/sandbox-harness';
import { expectKsefProfile } from '../support/sandbox-openssl';
import { xmlsec1Verify } from '../support/xml-oracles';
import { makeOpensslSigner, signWithXmlsec1 } from '../support/xmlsec1-xades';

/**
 * The whole journey over real sockets: client → relay (`/api/test/v2`) → local sandbox, with every
 * sandbox exchange checked against `open-api.json` and every relayed request searched for key
 * material and passwords.
 */
const PASSWORD = 'Odnowienie-Klucza-2026!';

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

const poll = () => ({ sleep: stack.sleep, now: stack.now });
/** What the session says of the sign-in method: `value`, or nothing when the sandbox answers in the January 2026 shape. */
const methodInfoOr = <T>(value: T): T | undefined => (stack.answerShape === 'current' ? value : undefined);

async function rememberSecrets(privateKey: CryptoKey): Promise<void> {
  secrets.push(...(await secretForms(privateKey)));
}

/** limits → enrollment data → key pair → CSR (checked) → enroll → poll → retrieve → pair and profile checks. */
async function obtainCertificate(session: SignedInSession, algorithm: KeyAlgorithm, type: KsefCertificateType) {
  const { client } = stack;
  const limits = await client.getCertificateLimits(session.tokens);
  expect(limits.canRequest).toBe(true);
  const data = await client.getEnrollmentData(session.tokens);
  const keyPair = await generateKeyPair(algorithm);
  await rememberSecrets(keyPair.privateKey);
  const csr = await buildCsr(data, keyPair);
  const checks = await checkCsr(csr, data);
  expect(checks.filter((c) => !c.ok)).toEqual([]);
  expect(csrChecksPass(checks)).toBe(true);
  const { referenceNumber } = await client.enrollCertificate(session.tokens, {
    certificateName: `Certyfikat ${type}`,
    certificateType: type,
    csr: csrToBase64(csr),
  });
  const issued = await pollEnrollmentStatus(client, session.tokens, referenceNumber, poll());
  const { certificates } = await client.retrieveCertificates(session.tokens, {
    certificateSerialNumbers: [issued.certificateSerialNumber],
  });
  expect(certificates.map((c) => c.certificateType)).toEqual([type]);
  const der = fromBase64(certificates[0]?.certificate ?? '');
  if (der === null) throw new Error('The certificate is not base64');

  expect(await checkPair(await loadedKey(crypto, keyPair), der)).toEqual({ match: true });
  const summary = await readCertificate(der, stack.now());
  expect(classifyCertificate(summary)).toEqual({ kind: 'ksef', purpose: type, environment: 'sandbox' });
  expect(summary).toMatchObject({
    validity: 'valid',
    serialHex: issued.certificateSerialNumber,
  });
  expect(summary.keyType).toEqual(
    algorithm === 'EC-P256' ? { kind: 'EC', curve: 'P-256' } : { kind: 'RSA', modulusBits: 2048 },
  );
  const text = await expectKsefProfile(der, type);
  expect(text).toContain(`CN=${data.commonName}${type === 'Authentication' ? ' (uwierzytelnienie)' : ' (offline)'}`);
  return { keyPair, der };
}

const IDENTITIES: Record<'person' | 'seal', { readonly input: TestIdentityInput; readonly nip: string }> = {
  person: { input: PERSON, nip: NIP },
  seal: { input: SEAL, nip: SEAL_NIP },
};

describe('test identity → certificate, through the relay', () => {
  it.each([
    ['person', 'EC-P256', 'Authentication'],
    ['person', 'EC-P256', 'Offline'],
    ['person', 'RSA-2048', 'Authentication'],
    ['person', 'RSA-2048', 'Offline'],
    ['seal', 'EC-P256', 'Authentication'],
    ['seal', 'EC-P256', 'Offline'],
    ['seal', 'RSA-2048', 'Authentication'],
    ['seal', 'RSA-2048', 'Offline'],
  ] as const)('%s %s %s', async (who, algorithm, type) => {
    const { input, nip } = IDENTITIES[who];
    const { session, identity } = await signInWithTestIdentity(stack.client, 'test', input, {
      algorithm,
      now: stack.now,
      pollOptions: poll(),
    });
    await rememberSecrets(identity.keyPair.privateKey);
    expect(session.authenticationMethodInfo?.category).toBe(methodInfoOr('XadesSignature'));
    const submitted = stack.exchanges.filter((e) => e.path === '/auth/xades-signature').at(-1);
    expect(submitted?.query.get('verifyCertificateChain')).toBe('false');
    expect(submitted?.requestBody).toContain(`<Nip>${nip}</Nip>`);

    await obtainCertificate(session, algorithm, type);
  });
});

describe('renewal with a KSeF Authentication certificate', () => {
  it('saves the key as .key, reopens it with the certificate, signs in and gets an RSA Offline certificate', async () => {
    const first = await signInWithTestIdentity(stack.client, 'test', PERSON, { now: stack.now, pollOptions: poll() });
    await rememberSecrets(first.identity.keyPair.privateKey);
    const authentication = await obtainCertificate(first.session, 'EC-P256', 'Authentication');
    const keyFile = new TextEncoder().encode(await writeEncryptedKeyFile(authentication.keyPair.privateKey, PASSWORD));
    const certificateFile = new TextEncoder().encode(encodePem('CERTIFICATE', authentication.der));
    secrets.push(...keyFileBody(keyFile));

    const credentials = await openSigningCredentials(
      { keyFile, certificateFile, password: PASSWORD },
      { now: stack.now },
    );
    expect(classifyCertificate(credentials.summary)).toMatchObject({ kind: 'ksef', purpose: 'Authentication' });
    const before = stack.relayed.length;
    const session = await signInWithKsefCertificate(
      stack.client,
      { ...credentials, context: { type: 'Nip', value: NIP } },
      { now: stack.now, pollOptions: poll() },
    );
    expect(stack.relayed.length).toBeGreaterThan(before);
    expect(session.authenticationMethodInfo?.code).toBe(methodInfoOr('xades.internal-certificate'));

    await obtainCertificate(session, 'RSA-2048', 'Offline');
  });
});

/** The base64 lines of a PEM `.key`, joined: the encrypted key must not travel either. */
function keyFileBody(keyFile: Uint8Array): string[] {
  const lines = new TextDecoder()
    .decode(keyFile)
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('-----'));
  return [lines.join(''), ...lines.filter((l) => l.length >= 16)];
}

describe('external signature made by xmlsec1', () => {
  it.each(['EC', 'RSA'] as const)(
    '%s: the file signed outside our code signs in, sent byte for byte',
    async (algorithm) => {
      const signer = makeOpensslSigner(algorithm, NIP);
      await rememberSecrets((await readPrivateKey(new TextEncoder().encode(signer.keyPem), undefined)).privateKey);

      const prepared = await prepareExternalSignature(
        stack.client,
        { context: { type: 'Nip', value: NIP } },
        { now: stack.now },
      );
      expect(prepared.fileName).toBe('AuthTokenRequest.xml');
      const signed = signWithXmlsec1(prepared.unsignedXml, signer, stack.now());
      expect(xmlsec1Verify(signed, signer.certificateDer)).toMatchObject({ ok: true });

      const session = await signInWithExternalSignature(stack.client, prepared, signed, {
        now: stack.now,
        pollOptions: poll(),
      });
      const relayedSubmission = stack.relayed
        .filter((r) => new URL(r.url).pathname.endsWith('/auth/xades-signature'))
        .at(-1);
      expect(relayedSubmission?.body).toEqual(signed);
      const limits = await stack.client.getCertificateLimits(session.tokens);
      expect(limits.canRequest).toBe(true);
    },
  );
});
