import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  chooseEnvironment,
  continueToDetails,
  setDetails,
  signInWithTestIdentity,
} from '../../../src/state/apply/sign-in-actions';
import { configureApply } from '../../../src/state/apply/seams';
import { generateAndSaveKey } from '../../../src/state/apply/key-actions';
import { signOutAndForget } from '../../../src/state/apply/result-actions';
import { initialApplyState, useApplyStore } from '../../../src/state/apply/store';
import { resetApplication } from '../../../src/state/apply/result-actions';
import { vault } from '../../../src/state/apply/vault';
import { SEAL, SEAL_NIP } from '../../support/sandbox-harness';
import { type ApplyKit, localDate, startApplyKit } from './kit';

/**
 * Signing out must leave no secret behind, whatever fails on the way: an unnamed failure of the
 * sign-out call still clears memory, and its log line carries neither the message nor the tokens.
 */
const PASSWORD = 'Haslo-Do-Klucza-2026!';
let kit: ApplyKit;
/** When set, the fetch seam fails DELETE requests with this error instead of sending them. */
let failDelete: Error | null = null;

beforeAll(async () => {
  kit = await startApplyKit();
  configureApply({
    fetch: (input, init) => {
      if (failDelete !== null && init?.method === 'DELETE') return Promise.reject(failDelete);
      return globalThis.fetch(input, init);
    },
  });
});

afterEach(() => {
  failDelete = null;
  vi.restoreAllMocks();
});

afterAll(async () => {
  resetApplication();
  kit.expectContract();
  kit.expectNoSecretLeaked();
  await kit.close();
});

/** Signed in with a test identity, a key generated and saved: every vault slot is filled. */
async function everySecretInMemory(): Promise<void> {
  chooseEnvironment('test', SEAL_NIP);
  await signInWithTestIdentity(SEAL);
  kit.rememberTokens();
  expect(continueToDetails()).toBeNull();
  setDetails({
    certificateName: 'Wylogowanie',
    certificateType: 'Authentication',
    keyAlgorithm: 'EC-P256',
    validFrom: localDate(kit.stack.now()),
  });
  await generateAndSaveKey(PASSWORD);
  await kit.rememberKey(kit.file('.key').bytes, PASSWORD);
  expect(Object.values(vault).every((slot) => slot !== null)).toBe(true);
  kit.expectNoSecretLeaked();
}

function expectVaultEmpty(): void {
  expect(vault).toEqual({ session: null, testIdentity: null, key: null, csr: null, keyFile: null });
  expect(useApplyStore.getState()).toEqual(initialApplyState);
}

describe('signOutAndForget', () => {
  it('signs out and forgets every secret', async () => {
    await everySecretInMemory();
    expect(await signOutAndForget()).toBeNull();
    expect(kit.stack.exchanges.at(-1)).toMatchObject({
      method: 'DELETE',
      path: '/auth/sessions/current',
      response: { status: 204 },
    });
    expectVaultEmpty();
  });

  it('forgets every secret when the sign-out fails unexpectedly, and logs no message or token', async () => {
    await everySecretInMemory();
    const token = vault.session?.tokens.accessToken.token ?? '';
    expect(token).not.toBe('');
    // A message whose second line looks like a stack frame: only real frames may reach the log.
    failDelete = new RangeError(`Invalid header value\n    at Bearer ${token}`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await expect(signOutAndForget()).rejects.toBe(failDelete);

    expectVaultEmpty();
    expect(logged).toHaveBeenCalledTimes(1);
    const line = logged.mock.calls.flat().map(String).join('\n');
    expect(line).toContain('RangeError');
    expect(line).toMatch(/^\s+at /m);
    expect(line).not.toContain(token);
    expect(line).not.toContain('Invalid header value');
  });
});
