import { afterEach, describe, expect, it } from 'vitest';
import { planCheck } from '../../../src/state/check/model';
import {
  addFiles,
  clearFiles,
  removeFile,
  unlock,
  useCheckStore,
  type CheckState,
} from '../../../src/state/check/store';
import { vault } from '../../../src/state/check/vault';
import certPem from '../../fixtures/keys/ec-p256.cert.pem?raw';
import emptyPasswordKeyPem from '../../fixtures/keys/ec-p256.pbe-sha1-3des.empty-password.pem?raw';
import encryptedKeyPem from '../../fixtures/keys/ec-p256.pbes2-sha256-aes-256-cbc.pem?raw';
import keyPem from '../../fixtures/keys/ec-p256.pkcs8.pem?raw';

const PASSWORD = 'Test-Password-123!';

/** The paths of every CryptoKey reachable from `value`. */
function cryptoKeysIn(value: unknown, path = 'state', seen = new Set<unknown>()): string[] {
  if (value instanceof CryptoKey) return [path];
  if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return [];
  seen.add(value);
  const entries = value instanceof Map || value instanceof Set ? [...value.entries()] : Object.entries(value);
  return entries.flatMap(([name, child]) => cryptoKeysIn(child, `${path}.${String(name)}`, seen));
}

/** Records the CryptoKeys of every state the store goes through while `action` runs. */
async function keysInStoreDuring(action: () => Promise<void>): Promise<string[]> {
  const found: string[] = [];
  const unsubscribe = useCheckStore.subscribe((state: CheckState) => found.push(...cryptoKeysIn(state)));
  try {
    await action();
  } finally {
    unsubscribe();
  }
  return [...found, ...cryptoKeysIn(useCheckStore.getState())];
}

const fileOf = (name: string, text: string) => new File([text], name);

afterEach(() => clearFiles());

describe('the checker keeps opened keys in its vault, never in its store', () => {
  it('the walk finds a CryptoKey wherever it is nested', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    expect(cryptoKeysIn({ a: [new Map([[1, { k: pair.privateKey }]])], b: new Uint8Array(2) })).toEqual([
      'state.a.0.1.k',
    ]);
  });

  it('opens a plain key and checks it, with no CryptoKey in any state of the store', async () => {
    const keys = await keysInStoreDuring(() => addFiles([fileOf('jan.key', keyPem), fileOf('jan.crt', certPem)]));
    const { files, run } = useCheckStore.getState();
    expect(run.status === 'done' && run.pairs.map((p) => p.result.match)).toEqual([true]);
    expect(keys).toEqual([]);

    const keyFile = files.find((f) => f.name === 'jan.key');
    expect(keyFile?.content.kind).toBe('key');
    expect(vault.keys.size).toBe(1);
    const held = keyFile === undefined ? undefined : vault.keys.get(keyFile.id);
    expect(held?.privateKey).toBeInstanceOf(CryptoKey);
    expect(cryptoKeysIn(vault.keys).length).toBeGreaterThan(0);

    await removeFile(keyFile?.id ?? -1);
    expect(vault.keys.size).toBe(0);
    expect(planCheck(useCheckStore.getState().files)).toEqual({ kind: 'needs-key', hasCsr: false });
  });

  it('unlocks an encrypted key into the vault, and clearing the checker empties it', async () => {
    await addFiles([fileOf('jan.enc.key', encryptedKeyPem), fileOf('jan.crt', certPem)]);
    expect(planCheck(useCheckStore.getState().files).kind).toBe('needs-password');
    expect(vault.keys.size).toBe(0);

    const keys = await keysInStoreDuring(() => unlock(PASSWORD));
    expect(keys).toEqual([]);
    expect(useCheckStore.getState().run.status).toBe('done');
    expect(vault.keys.size).toBe(1);

    clearFiles();
    expect(vault.keys.size).toBe(0);
  });

  it('opens a key saved with an empty password with the empty password, and only that key', async () => {
    await addFiles([fileOf('jan.enc.key', encryptedKeyPem), fileOf('jan.crt', certPem)]);
    await unlock('');
    const { run } = useCheckStore.getState();
    expect(run.status === 'failed' && run.problem).toMatchObject({ code: 'wrong-password' });
    clearFiles();

    await addFiles([fileOf('legacy.key', emptyPasswordKeyPem), fileOf('jan.crt', certPem)]);
    expect(planCheck(useCheckStore.getState().files).kind).toBe('needs-password');
    await unlock('');
    const opened = useCheckStore.getState().run;
    expect(opened.status === 'done' && opened.pairs.map((p) => p.result.match)).toEqual([true]);
    expect(vault.keys.size).toBe(1);
  });

  it('keeps nothing of a key whose file was removed while it was being read', async () => {
    const opening = addFiles([fileOf('jan.key', keyPem)]);
    clearFiles();
    await opening;
    expect(useCheckStore.getState().files).toEqual([]);
    expect(vault.keys.size).toBe(0);
  });
});
