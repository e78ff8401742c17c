import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPrivateKey } from '../../../src/crypto/private-key-reader';
import {
  chooseEnvironment,
  downloadTestIdentity,
  downloadUnsignedRequest,
  signInWithFiles,
  signInWithSignedFile,
  signInWithTestIdentity,
} from '../../../src/state/apply/sign-in-actions';
import { useApplyStore } from '../../../src/state/apply/store';
import { resetApplication } from '../../../src/state/apply/result-actions';
import { vault } from '../../../src/state/apply/vault';
import { openssl, withTempDir } from '../../support/openssl';
import { secretForms } from '../../support/relay-stack';
import { NIP, PERSON } from '../../support/sandbox-harness';
import { xmllintValidate, xmlsec1Verify } from '../../support/xml-oracles';
import {
  type OpensslSigner,
  makeOpensslSigner,
  signAgainWithXmlsec1,
  signWithXmlsec1,
} from '../../support/xmlsec1-xades';
import { type ApplyKit, startApplyKit } from './kit';

/**
 * The sign-in actions a journey test does not take: a request signed outside the app (xmlsec1 plays
 * the user's signing software) and its refusals, and the test identity saved and used again. Against
 * the sandbox behind the relay on loopback; refusals made in the browser must send nothing.
 */
const PASSWORD = 'Haslo-Do-Tozsamosci-2026!';
let kit: ApplyKit;
let signer: OpensslSigner;
const state = () => useApplyStore.getState();

beforeAll(async () => {
  kit = await startApplyKit();
  signer = makeOpensslSigner('EC', NIP);
  kit.secrets.push(
    ...(await secretForms((await readPrivateKey(new TextEncoder().encode(signer.keyPem), undefined)).privateKey)),
  );
});

beforeEach(() => {
  resetApplication();
});

afterAll(async () => {
  resetApplication();
  kit.expectContract();
  kit.expectNoSecretLeaked();
  await kit.close();
});

/** Chooses the environment and downloads `AuthTokenRequest.xml`; returns the file's bytes. */
async function downloadRequest(): Promise<Uint8Array> {
  chooseEnvironment('test', NIP);
  const before = kit.saved.length;
  await downloadUnsignedRequest();
  expect(kit.saved).toHaveLength(before + 1);
  const saved = kit.file('AuthTokenRequest.xml');
  expect(saved.mimeType).toBe('application/xml');
  return saved.bytes;
}

const signed = (unsigned: Uint8Array): Uint8Array =>
  signWithXmlsec1(new TextDecoder().decode(unsigned), signer, kit.stack.now());
const asFile = (bytes: Uint8Array): File =>
  new File([Uint8Array.from(bytes)], 'AuthTokenRequest.xml', { type: 'application/xml' });

describe('signing in with a request signed outside the app', () => {
  it('downloads a request the official schema accepts; the file xmlsec1 signed signs in, sent byte for byte', async () => {
    const unsigned = await downloadRequest();
    const xsd = xmllintValidate(unsigned);
    expect(xsd.output).toContain('validates');
    expect(xsd.ok).toBe(true);
    const { external } = state();
    expect(external?.fileName).toBe('AuthTokenRequest.xml');
    const age = kit.stack.now().getTime() - Date.parse(external?.challengeIssuedAt ?? '');
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(60_000);
    expect(new TextDecoder().decode(unsigned)).toContain(`<Challenge>${external?.challenge ?? '?'}</Challenge>`);

    const file = signed(unsigned);
    expect(xmlsec1Verify(file, signer.certificateDer)).toMatchObject({ ok: true });
    await signInWithSignedFile(asFile(file));
    kit.rememberTokens();

    expect(state().signIn).toEqual({ status: 'done', method: 'external', subject: 'Róża Żółtowska' });
    expect(state()).toMatchObject({ step: 'data', enrollment: { status: 'done', limits: { canRequest: true } } });
    const submission = kit.stack.relayed.filter((r) => new URL(r.url).pathname.endsWith('/auth/xades-signature'));
    expect(submission).toHaveLength(1);
    expect(submission[0]?.body).toEqual(file);
    kit.expectNoSecretLeaked();
  });

  it.each<[string, (unsigned: Uint8Array) => Promise<Uint8Array>, string]>([
    [
      'a file signed for another challenge',
      async (unsigned) => {
        const other = signed(unsigned);
        await downloadUnsignedRequest();
        return other;
      },
      'challenge-mismatch',
    ],
    ['the unsigned file', (unsigned) => Promise.resolve(unsigned), 'signature-missing'],
    [
      'a file with two signatures',
      (unsigned) => Promise.resolve(signAgainWithXmlsec1(signed(unsigned), signer)),
      'signature-multiple',
    ],
    [
      'a challenge older than 10 minutes',
      (unsigned) => {
        const file = signed(unsigned);
        kit.stack.clock.advance(10 * 60_000 + 1_000);
        return Promise.resolve(file);
      },
      'challenge-expired',
    ],
  ])('refuses %s, sending nothing', async (_, make, code) => {
    const file = await make(await downloadRequest());
    const before = kit.stack.relayed.length;
    await signInWithSignedFile(asFile(file));
    expect(kit.stack.relayed).toHaveLength(before);
    expect(state().signIn).toEqual({ status: 'failed', problem: { source: 'crypto', code } });
    expect(state().step).toBe('sign-in');
    expect(vault.session).toBeNull();
  });
});

describe('the test identity, saved and used again', () => {
  it('saves a .key openssl opens and a .crt with the identity, which sign in again', async () => {
    chooseEnvironment('test', NIP);
    await signInWithTestIdentity(PERSON);
    kit.rememberTokens();
    expect(state().signIn).toMatchObject({ status: 'done', method: 'test-identity', subject: 'Zażółć Gęślą-Jaźń' });

    const before = kit.saved.length;
    expect(await downloadTestIdentity(PASSWORD)).toBeNull();
    expect(kit.saved.slice(before).map((f) => [f.name, f.mimeType])).toEqual([
      ['Zazolc-Gesla-Jazn-tozsamosc-testowa.key', 'application/x-pem-file'],
      ['Zazolc-Gesla-Jazn-tozsamosc-testowa.crt', 'application/x-pem-file'],
    ]);
    const keyFile = kit.file('-tozsamosc-testowa.key');
    const crtFile = kit.file('-tozsamosc-testowa.crt');
    await kit.rememberKey(keyFile.bytes, PASSWORD);
    expect(new TextDecoder().decode(keyFile.bytes)).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');

    await withTempDir((dir) => {
      dir.write('id.key', keyFile.bytes);
      dir.write('id.crt', crtFile.bytes);
      const wrong = openssl(['pkey', '-in', 'id.key', '-passin', 'env:KSEF_TEST_PASSWORD', '-noout'], {
        cwd: dir.path,
        password: 'Inne-Haslo-2026!',
        allowFailure: true,
      });
      expect(wrong.status).not.toBe(0);
      const fromKey = openssl(['pkey', '-in', 'id.key', '-passin', 'env:KSEF_TEST_PASSWORD', '-pubout'], {
        cwd: dir.path,
        password: PASSWORD,
      }).stdout.toString();
      const fromCrt = openssl(['x509', '-in', 'id.crt', '-noout', '-pubkey'], { cwd: dir.path }).stdout.toString();
      expect(fromKey).toContain('BEGIN PUBLIC KEY');
      expect(fromKey).toBe(fromCrt);
      const subject = openssl(['x509', '-in', 'id.crt', '-noout', '-subject', '-nameopt', 'RFC2253,-esc_msb'], {
        cwd: dir.path,
      }).stdout.toString('utf8');
      expect(subject).toContain('CN=Zażółć Gęślą-Jaźń');
      expect(subject).toContain('GN=Zażółć');
      expect(subject).toContain(`TINPL-${NIP}`);
    });

    // A renewal-like return: a fresh start with the two files instead of a new identity. (The same
    // environment and NIP chosen again without starting over keep the application, test identity included.)
    chooseEnvironment('test', NIP);
    expect(vault.testIdentity).not.toBeNull();
    resetApplication();
    chooseEnvironment('test', NIP);
    expect(vault.testIdentity).toBeNull();
    await signInWithFiles({ keyFile: kit.asFile(keyFile), certificateFile: kit.asFile(crtFile), password: PASSWORD });
    kit.rememberTokens();
    expect(state().signIn).toEqual({ status: 'done', method: 'ksef-certificate', subject: 'Zażółć Gęślą-Jaźń' });
    expect(state()).toMatchObject({ step: 'data', enrollment: { status: 'done' } });
    expect(vault.testIdentity).toBeNull();

    // The same self-signed files on DEMO, which accepts no self-signed certificate: refused here, nothing sent.
    chooseEnvironment('demo', NIP);
    const relayed = kit.stack.relayed.length;
    await signInWithFiles({ keyFile: kit.asFile(keyFile), certificateFile: kit.asFile(crtFile), password: PASSWORD });
    expect(state().signIn).toEqual({
      status: 'failed',
      problem: { source: 'sign-in', code: 'test-identity-not-allowed' },
    });
    expect(kit.stack.relayed).toHaveLength(relayed);
    kit.expectNoSecretLeaked();
  });

  it('saves nothing without a test identity in memory', async () => {
    const before = kit.saved.length;
    expect(await downloadTestIdentity(PASSWORD)).toEqual({ source: 'apply', code: 'wrong-step' });
    expect(kit.saved).toHaveLength(before);
  });
});
