import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  chooseEnvironment,
  continueToDetails,
  setDetails,
  signInWithTestIdentity,
} from '../../../src/state/apply/sign-in-actions';
import { configureApply } from '../../../src/state/apply/seams';
import {
  confirmPasswordStored,
  continueToReview,
  generateAndSaveKey,
  proveKeySaved,
} from '../../../src/state/apply/key-actions';
import { keepDraft } from '../../../src/state/apply/draft-actions';
import { discardSavedKey } from '../../../src/state/apply/key-actions';
import { resetApplication } from '../../../src/state/apply/result-actions';
import { submitApplication } from '../../../src/state/apply/submit-actions';
import { setActiveRecord } from '../../../src/state/apply/active-record';
import {
  DRAFT_STORAGE_KEY,
  draftOf,
  draftSchema,
  readDraft,
  writeDraft,
  type Draft,
} from '../../../src/state/apply/draft';
import { forgetDraftKeeping } from '../../../src/state/apply/draft-actions';
import type { CertificateDetails } from '../../../src/state/apply/model';
import { initialApplyState, useApplyStore } from '../../../src/state/apply/store';
import { forgetAll, vault } from '../../../src/state/apply/vault';
import { openssl, withTempDir } from '../../support/openssl';
import { SEAL, SEAL_NIP } from '../../support/sandbox-harness';
import { type ApplyKit, MemoryStorage, localDate, startApplyKit } from './kit';

/**
 * A reload at any step of the wizard: the tab's draft (sessionStorage) brings the entries back, and
 * what the reload lost - the session, the key in memory - is asked for again. Driven through the real
 * actions against the sandbox behind the relay; a "reload" drops everything in memory.
 */
const PASSWORD = 'Haslo-Do-Klucza-2026!';
let kit: ApplyKit;
let stopKeeping: (() => void) | null = null;
const drafts = new (class extends MemoryStorage {
  removeItem(key: string): void {
    this.items.delete(key);
  }
})();
const state = () => useApplyStore.getState();

beforeAll(async () => {
  kit = await startApplyKit();
  configureApply({ draftStorage: drafts });
});

beforeEach(() => {
  stopKeeping?.();
  resetApplication();
  drafts.items.clear();
  forgetDraftKeeping();
  stopKeeping = keepDraft();
});

afterAll(async () => {
  stopKeeping?.();
  resetApplication();
  kit.expectNoSecretLeaked();
  await kit.close();
});

/** What a reload does to the wizard: memory is gone, the tab's sessionStorage stays; the page opens again. */
function reload(): void {
  stopKeeping?.();
  forgetAll();
  setActiveRecord(null);
  useApplyStore.setState(initialApplyState, true);
  forgetDraftKeeping();
  stopKeeping = keepDraft();
}

function details(name: string): CertificateDetails {
  return {
    certificateName: name,
    certificateType: 'Offline',
    keyAlgorithm: 'EC-P256',
    validFrom: localDate(kit.stack.now()),
  };
}

/** No secret in the draft: only its schema's fields, and none of the test's secrets. */
function expectDraftClean(): Draft {
  const text = drafts.getItem(DRAFT_STORAGE_KEY) ?? 'null';
  expect(text).not.toMatch(/PRIVATE KEY|CERTIFICATE REQUEST|token/i);
  expect(kit.secrets.filter((s) => text.includes(s))).toEqual([]);
  const tokens = vault.session?.tokens;
  if (tokens !== undefined) expect(text).not.toContain(tokens.accessToken.token);
  const draft = readDraft(drafts);
  expect(draft).not.toBeNull();
  return draft as Draft;
}

describe('the draft', () => {
  it('is written once an environment is chosen and removed when the application is reset', () => {
    expect(drafts.getItem(DRAFT_STORAGE_KEY)).toBeNull();
    chooseEnvironment('test', SEAL_NIP);
    expect(expectDraftClean()).toEqual({
      step: 'sign-in',
      environment: 'test',
      contextNip: SEAL_NIP,
      external: null,
      details: null,
      savedKey: null,
      passwordStoredConfirmed: false,
      recordId: null,
    });
    resetApplication();
    expect(drafts.getItem(DRAFT_STORAGE_KEY)).toBeNull();
  });

  it('off-schema or unreadable text is not trusted: no restore', () => {
    drafts.setItem(DRAFT_STORAGE_KEY, '{"step":"key","environment":"test","accessToken":"x"}');
    expect(readDraft(drafts)).toBeNull();
    drafts.setItem(DRAFT_STORAGE_KEY, '{not json');
    expect(readDraft(drafts)).toBeNull();
    reload();
    expect(state()).toBe(initialApplyState);
  });

  it('refuses to write anything beyond its schema', () => {
    const draft = {
      step: 'sign-in',
      environment: 'test',
      contextNip: null,
      external: null,
      details: null,
      savedKey: null,
      passwordStoredConfirmed: false,
      recordId: null,
    };
    expect(() => writeDraft(drafts, { ...draft, token: 'x' } as unknown as Draft)).toThrow();
    expect(draftSchema.safeParse(draft).success).toBe(true);
  });

  it('keeps the saved .key while its proof runs and after it failed, so a reload then can reopen it', () => {
    const saved = { fileName: 'Ksiegowosc-Zolw-2026.key', publicKeyFingerprint: 'AB'.repeat(32) };
    const base = { ...initialApplyState, environment: 'test' as const, step: 'key' as const };
    const problem = { source: 'apply', code: 'key-file-mismatch' } as const;
    for (const key of [
      { status: 'saved', ...saved },
      { status: 'proving', saved },
      { status: 'failed', problem, saved },
      { status: 'proven', ...saved },
    ] as const)
      expect(draftOf({ ...base, key }, null)?.savedKey).toEqual(saved);
    expect(draftOf({ ...base, key: { status: 'proving', saved: null } }, null)?.savedKey).toBeNull();
  });
});

describe('a reload at every step', () => {
  it('sign-in: environment and context come back on the sign-in step', () => {
    chooseEnvironment('test', SEAL_NIP);
    reload();
    expect(state()).toMatchObject({
      step: 'sign-in',
      environment: 'test',
      contextNip: SEAL_NIP,
      restored: { signedIn: false, savedKey: null },
    });
  });

  it('data, details, key: sign in again, the details come back, the saved .key is opened again and the application goes on to a certificate that pairs', async () => {
    chooseEnvironment('test', SEAL_NIP);
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    expect(state().step).toBe('data');

    reload();
    expect(state()).toMatchObject({ step: 'sign-in', restored: { signedIn: true } });
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    expect(continueToDetails()).toBeNull();
    setDetails(details('Po przeładowaniu'));
    expect(state().step).toBe('key');

    reload();
    expect(state()).toMatchObject({ step: 'sign-in', details: details('Po przeładowaniu'), key: { status: 'idle' } });
    // Signed in again, the wizard is back on the step it was on.
    await signInWithTestIdentity(SEAL);
    expect(state()).toMatchObject({ step: 'key', restored: { returnTo: null } });
    await generateAndSaveKey(PASSWORD);
    const keyFile = kit.file('.key');
    await kit.rememberKey(keyFile.bytes, PASSWORD);
    const fingerprint = expectDraftClean().savedKey?.publicKeyFingerprint;
    expect(fingerprint).toMatch(/^[0-9A-F]{64}$/);

    reload();
    expect(state()).toMatchObject({
      step: 'sign-in',
      key: { status: 'saved', fileName: keyFile.name, publicKeyFingerprint: fingerprint },
      restored: { signedIn: true, savedKey: { fileName: keyFile.name, publicKeyFingerprint: fingerprint } },
    });
    expect(vault.key).toBeNull();
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    expect(state().step).toBe('key');
    // Another key file is refused; the saved one is adopted, with a new CSR, and cannot be exported.
    const other = await otherKeyFile();
    await proveKeySaved(kit.asFile(other, 'inny.key'), PASSWORD);
    expect(state().key).toMatchObject({ status: 'failed', problem: { source: 'apply', code: 'key-file-mismatch' } });
    expect(vault.key).toBeNull();
    await proveKeySaved(kit.asFile(keyFile), PASSWORD);
    expect(state().key).toMatchObject({ status: 'proven', publicKeyFingerprint: fingerprint });
    expect(vault.key?.privateKey.extractable).toBe(false);
    expect(vault.csr).not.toBeNull();
    confirmPasswordStored(true);
    expect(await continueToReview()).toBeNull();
    expect(state().preflight?.every((c) => c.ok)).toBe(true);

    reload();
    expect(state()).toMatchObject({ step: 'sign-in', passwordStoredConfirmed: true, key: { status: 'saved' } });
    await signInWithTestIdentity(SEAL);
    kit.rememberTokens();
    // From the review: back on the key step, where the saved .key is opened again first.
    expect(state().step).toBe('key');
    await proveKeySaved(kit.asFile(keyFile), PASSWORD);
    expect(await continueToReview()).toBeNull();
    await submitApplication();
    expect(state().result).toMatchObject({ status: 'ready', pair: { match: true } });
    expect(expectDraftClean().recordId).not.toBeNull();
    await expectCertificateOfKey(keyFile.bytes, state().result);
  });

  it('a new key instead of the saved one', async () => {
    chooseEnvironment('test', SEAL_NIP);
    await signInWithTestIdentity(SEAL);
    expect(continueToDetails()).toBeNull();
    setDetails(details('Nowy klucz po przeładowaniu'));
    await generateAndSaveKey(PASSWORD);
    await kit.rememberKey(kit.file('.key').bytes, PASSWORD);
    reload();
    expect(state().restored?.savedKey).not.toBeNull();
    discardSavedKey();
    expect(state()).toMatchObject({
      key: { status: 'idle' },
      restored: { savedKey: null },
      passwordStoredConfirmed: false,
    });
    expect(expectDraftClean().savedKey).toBeNull();
  });

  it('after submission: the record takes over, and the application is resumed at sign-in', async () => {
    chooseEnvironment('test', SEAL_NIP);
    await signInWithTestIdentity(SEAL);
    expect(continueToDetails()).toBeNull();
    setDetails(details('Złożony i przeładowany'));
    await generateAndSaveKey(PASSWORD);
    const keyFile = kit.file('.key');
    await kit.rememberKey(keyFile.bytes, PASSWORD);
    await proveKeySaved(kit.asFile(keyFile), PASSWORD);
    confirmPasswordStored(true);
    expect(await continueToReview()).toBeNull();
    await submitApplication();
    const { recordId } = expectDraftClean();
    expect(recordId).not.toBeNull();

    reload();
    expect(state()).toMatchObject({
      step: 'sign-in',
      resume: { record: { id: recordId, certificateName: 'Złożony i przeładowany' } },
      restored: { signedIn: true },
    });
  });
});

/** A `.key` of another key, written by openssl. */
async function otherKeyFile(): Promise<{ name: string; bytes: Uint8Array; mimeType: string }> {
  return withTempDir((dir) => {
    openssl(
      [
        'genpkey',
        '-algorithm',
        'EC',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-aes-256-cbc',
        '-pass',
        'env:KSEF_TEST_PASSWORD',
        '-out',
        'o.key',
      ],
      {
        cwd: dir.path,
        password: PASSWORD,
      },
    );
    return { name: 'o.key', bytes: dir.read('o.key'), mimeType: 'application/x-pem-file' };
  });
}

/** openssl: the certificate's public key is the `.key`'s. */
async function expectCertificateOfKey(keyPem: Uint8Array, result: ReturnType<typeof state>['result']): Promise<void> {
  if (result.status !== 'ready') throw new Error('no result');
  await withTempDir((dir) => {
    dir.write('k.key', keyPem);
    dir.write('c.crt', new TextEncoder().encode(result.certificatePem));
    const fromKey = openssl(['pkey', '-in', 'k.key', '-passin', 'env:KSEF_TEST_PASSWORD', '-pubout'], {
      cwd: dir.path,
      password: PASSWORD,
    }).stdout.toString();
    const fromCrt = openssl(['x509', '-in', 'c.crt', '-noout', '-pubkey'], { cwd: dir.path }).stdout.toString();
    expect(fromKey).toBe(fromCrt);
  });
}
