import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAuthTokenRequest } from '../../../../src/crypto/auth-token-request';
import { signAuthTokenRequest } from '../../../../src/crypto/xades-sign';
import { BoundedMap } from '../../../../server/sandbox/core/bounded-map';
import { DAY, MINUTE, createSandboxClock } from '../../../../server/sandbox/core/clock';
import { DEFAULT_RETENTION, type SandboxState } from '../../../../server/sandbox/core/state';
import { type SandboxInternals, type SandboxOptions, createSandbox } from '../../../../server/sandbox/sandbox';
import { NIP, PERSON, START, type TestSigner, testSigner } from '../../../support/sandbox-harness';

describe('BoundedMap', () => {
  it('drops the oldest past the cap, and whatever outlived the TTL on the next add', () => {
    const clock = createSandboxClock(() => START);
    const map = new BoundedMap<number, string>({ ttlMs: MINUTE, cap: 3 }, () => clock.now());
    for (let i = 0; i < 5; i++) map.set(i, `v${i}`);
    expect([...map.keys()]).toEqual([2, 3, 4]);
    map.set(3, 'again');
    expect([...map.entries()]).toEqual([
      [2, 'v2'],
      [3, 'again'],
      [4, 'v4'],
    ]);
    clock.advance(MINUTE - 1);
    map.set(5, 'v5');
    expect([...map.keys()]).toEqual([3, 4, 5]);
    clock.advance(1);
    map.set(6, 'v6');
    expect([...map.keys()]).toEqual([5, 6]);
    map.delete(5);
    clock.advance(MINUTE);
    map.prune();
    expect(map.size).toBe(0);
  });

  it('counts a key deleted and added again from its new addition', () => {
    const clock = createSandboxClock(() => START);
    const map = new BoundedMap<string, number>({ ttlMs: MINUTE, cap: 2 }, () => clock.now());
    map.set('a', 1);
    map.delete('a');
    clock.advance(MINUTE / 2);
    map.set('a', 2);
    map.set('b', 3);
    clock.advance(MINUTE / 2);
    map.prune();
    expect([...map.entries()]).toEqual([
      ['a', 2],
      ['b', 3],
    ]);
    map.set('c', 4);
    expect([...map.keys()]).toEqual(['b', 'c']);
  });
});

/** A sandbox on a still clock, with its state in reach of the test. */
function sandboxWithState(options: SandboxOptions = {}) {
  const clock = createSandboxClock(() => START);
  let internals: SandboxInternals | undefined;
  const sandbox = createSandbox(
    { clock, log: () => undefined, timing: { authDelayMs: 0, authPendingPolls: 0 }, ...options },
    (given) => {
      internals = given;
      return {
        owns: () => false,
        handle: () => Promise.reject(new Error('unused')),
        beforeApi: () => Promise.resolve(null),
      };
    },
  );
  const state = (): SandboxState => {
    if (internals === undefined) throw new Error('no internals');
    return internals.context.world.state;
  };
  const call = async (method: string, path: string, init: { token?: string; xml?: string } = {}) => {
    const headers = new Headers();
    if (init.token !== undefined) headers.set('Authorization', `Bearer ${init.token}`);
    if (init.xml !== undefined) headers.set('Content-Type', 'application/xml');
    const response = await sandbox.handle(
      new Request(`http://sandbox.test/api/sandbox/v2${path}`, { method, headers, body: init.xml }),
    );
    return { status: response.status, json: (await response.json()) as unknown };
  };
  return { clock, state, call };
}

const sizes = (state: SandboxState) => ({
  challenges: state.challenges.size,
  operations: state.operations.size,
  tokens: state.tokens.size,
});

describe('the sandbox state stays bounded', () => {
  let person: TestSigner;
  beforeAll(async () => {
    person = await testSigner(PERSON);
  });

  it('12,000 challenges never hold more than the cap of 10,000; 10 minutes later one new one is all there is', async () => {
    const s = sandboxWithState();
    let largest = 0;
    for (let i = 0; i < 12_000; i++) {
      expect((await s.call('POST', '/auth/challenge')).status).toBe(200);
      largest = Math.max(largest, s.state().challenges.size);
    }
    expect(largest).toBe(DEFAULT_RETENTION.challenges.cap);
    s.clock.advance(10 * MINUTE);
    await s.call('POST', '/auth/challenge');
    expect(s.state().challenges.size).toBe(1);
  });

  it('sign-ins past the caps keep every map at its cap, the oldest sessions forgotten first', async () => {
    const caps = { challenges: 4, operations: 3, tokens: 7 };
    const s = sandboxWithState({
      retention: {
        challenges: { ...DEFAULT_RETENTION.challenges, cap: caps.challenges },
        operations: { ...DEFAULT_RETENTION.operations, cap: caps.operations },
        tokens: { ...DEFAULT_RETENTION.tokens, cap: caps.tokens },
      },
    });
    const signIn = async (): Promise<string> => {
      const { challenge } = z.object({ challenge: z.string() }).parse((await s.call('POST', '/auth/challenge')).json);
      const xml = await signAuthTokenRequest(
        buildAuthTokenRequest({ challenge, context: { type: 'Nip', value: NIP } }),
        person,
      );
      const started = await s.call('POST', '/auth/xades-signature', { xml });
      expect(started.status).toBe(202);
      const init = z
        .object({ referenceNumber: z.string(), authenticationToken: z.object({ token: z.string() }) })
        .parse(started.json);
      const token = init.authenticationToken.token;
      expect((await s.call('GET', `/auth/${init.referenceNumber}`, { token })).status).toBe(200);
      const redeemed = await s.call('POST', '/auth/token/redeem', { token });
      expect(redeemed.status).toBe(200);
      return z.object({ accessToken: z.object({ token: z.string() }) }).parse(redeemed.json).accessToken.token;
    };
    const accessTokens: string[] = [];
    for (let i = 0; i < 12; i++) {
      accessTokens.push(await signIn());
      const now = sizes(s.state());
      expect(now.challenges).toBeLessThanOrEqual(caps.challenges);
      expect(now.operations).toBeLessThanOrEqual(caps.operations);
      expect(now.tokens).toBeLessThanOrEqual(caps.tokens);
    }
    expect(sizes(s.state())).toEqual(caps);
    expect((await s.call('GET', '/certificates/limits', { token: accessTokens[0] })).status).toBe(401);
    expect((await s.call('GET', '/certificates/limits', { token: accessTokens[11] })).status).toBe(200);
  });

  it('forgets sign-ins, tokens and challenges once their retention has passed on the sandbox clock', async () => {
    const s = sandboxWithState();
    for (let i = 0; i < 50; i++) await s.call('POST', '/auth/challenge');
    const { challenge } = z.object({ challenge: z.string() }).parse((await s.call('POST', '/auth/challenge')).json);
    const xml = await signAuthTokenRequest(
      buildAuthTokenRequest({ challenge, context: { type: 'Nip', value: NIP } }),
      person,
    );
    expect((await s.call('POST', '/auth/xades-signature', { xml })).status).toBe(202);
    expect(sizes(s.state())).toEqual({ challenges: 51, operations: 1, tokens: 1 });
    s.clock.advance(7 * DAY + 45 * MINUTE);
    await s.call('POST', '/auth/challenge');
    s.state().operations.prune();
    s.state().tokens.prune();
    expect(sizes(s.state())).toEqual({ challenges: 1, operations: 0, tokens: 0 });
  });
});
