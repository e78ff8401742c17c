import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseEnvironment,
  continueToDetails,
  setDetails,
  signInWithFiles,
  signInWithTestIdentity,
} from '../../../src/state/apply/sign-in-actions';
import {
  confirmPasswordStored,
  continueToReview,
  generateAndSaveKey,
  proveKeySaved,
} from '../../../src/state/apply/key-actions';
import {
  downloadCertificate,
  downloadPfx,
  downloadReminder,
  resetApplication,
  signOutAndForget,
} from '../../../src/state/apply/result-actions';
import { listApplications, openSavedKeyForResume, resumeApplication } from '../../../src/state/apply/resume-actions';
import { submitApplication } from '../../../src/state/apply/submit-actions';
import { summaryCard } from '../../../src/state/apply/summary';
import { currentUnsavedFiles } from '../../../src/state/apply/unsaved';
import type { CertificateDetails } from '../../../src/state/apply/model';
import { useApplyStore } from '../../../src/state/apply/store';
import { vault } from '../../../src/state/apply/vault';
import { openssl, withTempDir } from '../../support/openssl';
import { SEAL, SEAL_NIP } from '../../support/sandbox-harness';
import { type ApplyKit, type SavedFile, localDate, startApplyKit } from './kit';

/**
 * The wizard's journeys through the real actions, against the sandbox behind the relay on loopback:
 * (1) test identity → Authentication EC; (2) renewal with (1)'s files → Offline RSA; (4) resume after
 * the tab closed while waiting. Every file is checked with openssl.
 */
const PASSWORD = 'Haslo-Do-Klucza-2026!';
let kit: ApplyKit;
const state = () => useApplyStore.getState();

beforeAll(async () => {
  kit = await startApplyKit();
});

afterAll(async () => {
  resetApplication();
  kit.expectContract();
  kit.expectNoSecretLeaked();
  await kit.close();
});

function details(
  name: string,
  certificateType: CertificateDetails['certificateType'],
  keyAlgorithm: CertificateDetails['keyAlgorithm'],
): CertificateDetails {
  return { certificateName: name, certificateType, keyAlgorithm, validFrom: localDate(kit.stack.now()) };
}

/** From a signed-in 'data' step to a proven, confirmed key on step 'review'. */
async function prepareKey(d: CertificateDetails): Promise<SavedFile> {
  expect(state().step).toBe('data');
  expect(continueToDetails()).toBeNull();
  setDetails(d);
  await generateAndSaveKey(PASSWORD);
  expect(state().key).toMatchObject({ status: 'saved' });
  const keyFile = kit.file('.key');
  await kit.rememberKey(keyFile.bytes, PASSWORD);
  expect(await continueToReview()).toEqual({ source: 'apply', code: 'key-not-saved' });
  await proveKeySaved(kit.asFile(keyFile), PASSWORD);
  expect(state().key).toMatchObject({ status: 'proven', fileName: keyFile.name });
  confirmPasswordStored(true);
  expect(await continueToReview()).toBeNull();
  expect(state().step).toBe('review');
  expect(state().preflight?.every((c) => c.ok)).toBe(true);
  return keyFile;
}

/** openssl: the key decrypts and pairs with the certificate, which carries `keyUsage`; the PFX opens. */
async function expectOpensslAgrees(
  keyFile: SavedFile,
  crt: SavedFile,
  pfx: SavedFile,
  keyUsage: string,
): Promise<void> {
  await withTempDir((dir) => {
    dir.write('k.key', keyFile.bytes);
    dir.write('c.crt', crt.bytes);
    dir.write('p.pfx', pfx.bytes);
    const fromKey = openssl(['pkey', '-in', 'k.key', '-passin', `env:KSEF_TEST_PASSWORD`, '-pubout'], {
      cwd: dir.path,
      password: PASSWORD,
    }).stdout.toString();
    const fromCrt = openssl(['x509', '-in', 'c.crt', '-noout', '-pubkey'], { cwd: dir.path }).stdout.toString();
    expect(fromKey).toContain('BEGIN PUBLIC KEY');
    expect(fromKey).toBe(fromCrt);
    const usage = openssl(['x509', '-in', 'c.crt', '-noout', '-ext', 'keyUsage'], { cwd: dir.path }).stdout.toString();
    expect(usage).toContain(keyUsage);
    const info = openssl(['pkcs12', '-info', '-in', 'p.pfx', '-passin', 'env:KSEF_TEST_PASSWORD', '-nokeys'], {
      cwd: dir.path,
      password: PASSWORD,
    });
    expect(info.stdout.toString()).toContain('BEGIN CERTIFICATE');
  });
}

/** Step 'result' ready with a matching pair, its .crt saved on arrival; saves it again, the .pfx and .ics. */
async function finishResult(): Promise<{ crt: SavedFile; pfx: SavedFile; ics: SavedFile }> {
  const { result, step } = state();
  expect(step).toBe('result');
  const arrived = kit.file('.crt');
  expect(result).toMatchObject({ status: 'ready', pair: { match: true }, certificateFileName: arrived.name });
  const pfxName = arrived.name.replace(/\.crt$/, '.pfx');
  expect(currentUnsavedFiles()).toEqual({ certificate: null, pfx: pfxName });
  const before = kit.saved.length;
  expect(downloadCertificate()).toBeNull();
  expect(kit.saved.slice(before)).toEqual([arrived]);
  expect(await downloadPfx(PASSWORD)).toBeNull();
  expect(currentUnsavedFiles()).toEqual({ certificate: null, pfx: null });
  expect(
    downloadReminder({ summary30: 'Certyfikat KSeF wygasa za 30 dni', summary7: 'Certyfikat KSeF wygasa za 7 dni' }),
  ).toBeNull();
  return { crt: kit.file('.crt'), pfx: kit.file('.pfx'), ics: kit.file('.ics') };
}

let journey1: { key: SavedFile; crt: SavedFile } | undefined;

describe('journey 1: test identity (seal), Authentication, EC', () => {
  it('ends with a .key, .crt, .pfx and .ics that openssl accepts', async () => {
    resetApplication();
    chooseEnvironment('test', SEAL_NIP);
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    expect(state().signIn).toMatchObject({
      status: 'done',
      method: 'test-identity',
      subject: 'Spółka Testowa Sp. z o.o.',
    });
    expect(state().enrollment).toMatchObject({ status: 'done', limits: { canRequest: true } });
    const key = await prepareKey(details('Pieczęć testowa 1', 'Authentication', 'EC-P256'));
    expect(key.name).toBe('Pieczec-testowa-1.key');
    expect(vault.key?.privateKey.extractable).toBe(false);

    await submitApplication();
    expect(state().submission).toMatchObject({ status: 'issued' });
    const files = await finishResult();
    expect(files.crt.name).toBe('Pieczec-testowa-1.crt');
    await expectOpensslAgrees(key, files.crt, files.pfx, 'Digital Signature');
    expect(listApplications()[0]).toMatchObject({
      status: 'downloaded',
      certificateName: 'Pieczęć testowa 1',
      certificateType: 'Authentication',
    });
    const card = summaryCard(state());
    expect(card).toMatchObject({
      purpose: 'Authentication',
      environment: 'test',
      keyType: { kind: 'EC' },
      files: { key: key.name, certificate: files.crt.name, pfx: files.pfx.name, reminder: files.ics.name },
    });
    journey1 = { key, crt: files.crt };

    expect(await signOutAndForget()).toBeNull();
    expect(vault.session).toBeNull();
    expect(vault.key).toBeNull();
    expect(state().step).toBe('environment');
    kit.expectNoSecretLeaked();
  });
});

describe('journey 2: renewal with the files of journey 1, Offline, RSA', () => {
  it('signs in with the .key + .crt and gets an Offline certificate', async () => {
    if (journey1 === undefined) throw new Error('journey 1 did not finish');
    chooseEnvironment('test', SEAL_NIP);
    await signInWithFiles({
      keyFile: kit.asFile(journey1.key),
      certificateFile: kit.asFile(journey1.crt),
      password: PASSWORD,
    });
    kit.rememberTokens();
    expect(state().signIn).toMatchObject({ status: 'done', method: 'ksef-certificate' });
    const key = await prepareKey(details('Offline RSA 2', 'Offline', 'RSA-2048'));
    await submitApplication();
    const files = await finishResult();
    await expectOpensslAgrees(key, files.crt, files.pfx, 'Non Repudiation');
    expect(summaryCard(state())).toMatchObject({ purpose: 'Offline', keyType: { kind: 'RSA', modulusBits: 2048 } });
    expect(await signOutAndForget()).toBeNull();
    kit.expectNoSecretLeaked();
  });
});

describe('journey 4: resume after the tab closed while waiting', () => {
  it('signs in again, opens the saved .key and gets the certificate', async () => {
    chooseEnvironment('test', SEAL_NIP);
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    const key = await prepareKey(details('Wznowienie 4', 'Authentication', 'EC-P256'));
    // Every status request fails, so the wait is cut off after the enrollment was accepted.
    kit.stack.sandbox.control.injectFault({ path: '^/certificates/enrollments/[^d]', status: 503, times: 20 });
    await submitApplication();
    kit.stack.sandbox.control.clearFaults();
    expect(state().submission).toMatchObject({
      status: 'failed',
      retryable: true,
      problem: { source: 'ksef', code: 'server-error' },
    });

    // The tab closes: memory is gone, storage stays.
    resetApplication();
    const [record] = listApplications();
    expect(record).toMatchObject({ status: 'submitted', certificateName: 'Wznowienie 4' });
    if (record === undefined) throw new Error('no record');
    expect(resumeApplication(record.id)).toBeNull();
    expect(state()).toMatchObject({
      step: 'sign-in',
      environment: 'test',
      contextNip: SEAL_NIP,
      resume: { record: { id: record.id } },
    });
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    expect(state().submission).toMatchObject({ status: 'awaiting-key', referenceNumber: record.referenceNumber });
    expect(listApplications()[0]).toMatchObject({ status: 'issued' });

    await openSavedKeyForResume(kit.asFile(journey1?.key ?? key), PASSWORD);
    expect(state().key).toMatchObject({ status: 'failed', problem: { source: 'apply', code: 'key-file-mismatch' } });
    await openSavedKeyForResume(kit.asFile(key), 'Zle-Haslo-2026!');
    expect(state().key).toMatchObject({ status: 'failed', problem: { source: 'crypto', code: 'wrong-password' } });
    await openSavedKeyForResume(kit.asFile(key), PASSWORD);
    const files = await finishResult();
    await expectOpensslAgrees(key, files.crt, files.pfx, 'Digital Signature');
    expect(await signOutAndForget()).toBeNull();
    kit.expectNoSecretLeaked();
  });
});
