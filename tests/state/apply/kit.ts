/**
 * What the wizard's action tests share: the sandbox behind the relay on loopback, the actions' seams
 * pointed at it, a download sink that keeps every saved file, a Map-backed storage, and the checks
 * that no secret reached storage or a relayed request.
 */
import { expect } from 'vitest';
import { readPrivateKey } from '../../../src/crypto/private-key-reader';
import { toBase64 } from '../../../src/lib/bytes';
import { configureApply } from '../../../src/state/apply/seams';
import { useApplyStore } from '../../../src/state/apply/store';
import { vault } from '../../../src/state/apply/vault';
import { withoutAnswerShapeGaps } from '../../support/answer-shapes';
import { contractViolations } from '../../support/open-api-contract';
import { type RelayStack, expectNoSecretRelayed, secretForms, startRelayStack } from '../../support/relay-stack';
import type { RelayOptions } from '../../../server/relay/relay';

export interface SavedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mimeType: string;
}

export class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  /** Everything stored, as one string to search. */
  dump(): string {
    return [...this.items].map(([k, v]) => `${k}=${v}`).join('\n');
  }
}

export interface ApplyKit {
  readonly stack: RelayStack;
  readonly storage: MemoryStorage;
  readonly saved: SavedFile[];
  /** Key forms, passwords and tokens that must never be stored or relayed. */
  readonly secrets: string[];
  /** The last saved file whose name ends with `suffix`. */
  file(suffix: string): SavedFile;
  /** The saved file as a browser `File`. */
  asFile(saved: SavedFile, name?: string): File;
  /** Records the private key in `keyPem` (opened with `password`), the password and the CSR in memory as secrets. */
  rememberKey(keyPem: Uint8Array, password: string): Promise<void>;
  /** Records the tokens of the session in the vault as secrets that must never be stored. */
  rememberTokens(): void;
  /** Every sandbox exchange honours the contract, apart from the 5xx a test injected on purpose. */
  expectContract(): void;
  /** Storage holds only the records; no secret in storage, in the store or in any relayed request. */
  expectNoSecretLeaked(): void;
  close(): Promise<void>;
}

export async function startApplyKit(relayOptions: Pick<RelayOptions, 'timeoutMs' | 'fetch'> = {}): Promise<ApplyKit> {
  const stack = await startRelayStack({}, relayOptions);
  const storage = new MemoryStorage();
  const saved: SavedFile[] = [];
  const secrets: string[] = [];
  // Tokens travel in Authorization headers by design; they must only never be stored.
  const storedSecrets: string[] = [];
  configureApply({
    origin: new URL(stack.baseUrl).origin,
    now: stack.now,
    sleep: stack.sleep,
    storage,
    download: (name, content, mimeType) => {
      saved.push({
        name,
        bytes: typeof content === 'string' ? new TextEncoder().encode(content) : Uint8Array.from(content),
        mimeType,
      });
    },
  });
  return {
    stack,
    storage,
    saved,
    secrets,
    file(suffix) {
      const found = saved.findLast((f) => f.name.endsWith(suffix));
      if (found === undefined) throw new Error(`No saved file ends with ${suffix}`);
      return found;
    },
    asFile: (f, name) => new File([Uint8Array.from(f.bytes)], name ?? f.name),
    async rememberKey(keyPem, password) {
      const key = await readPrivateKey(keyPem, password);
      secrets.push(password, ...(await secretForms(key.privateKey)));
      // The CSR travels in the enrollment body by design; it must only never be stored.
      if (vault.csr !== null) storedSecrets.push(toBase64(vault.csr));
    },
    rememberTokens() {
      const tokens = vault.session?.tokens;
      if (tokens !== undefined) storedSecrets.push(tokens.accessToken.token, tokens.refreshToken.token);
    },
    expectContract() {
      const violations = stack.exchanges
        .flatMap(contractViolations)
        .filter((v) => !/status 50[03] is not in the contract/.test(v));
      expect(withoutAnswerShapeGaps(violations, stack.answerShape)).toEqual([]);
      expect(stack.relayed).toHaveLength(stack.exchanges.length);
    },
    expectNoSecretLeaked() {
      expect([...storage.items.keys()].every((k) => k === 'ksef-cert.applications')).toBe(true);
      const stored = storage.dump();
      const leaks = [...secrets, ...storedSecrets].filter(
        (s) => stored.includes(s) || stored.toLowerCase().includes(s.toLowerCase()),
      );
      expect(leaks).toEqual([]);
      expect(stored).not.toMatch(/PRIVATE KEY|CERTIFICATE REQUEST|token/i);
      const store = JSON.stringify(useApplyStore.getState());
      expect(store).not.toMatch(/PRIVATE KEY|CERTIFICATE REQUEST/);
      expect([...secrets, ...storedSecrets].filter((s) => store.includes(s))).toEqual([]);
      expectNoSecretRelayed(stack.relayed, secrets);
    },
    close: () => stack.close(),
  };
}

/** Today as `YYYY-MM-DD` in local time, by `now`. */
export function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
