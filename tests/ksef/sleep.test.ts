import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/ksef/sleep';
import { createTokenStore } from '../../src/ksef/token-store';
import { tokensResponse } from '../support/ksef-samples';

describe('sleep', () => {
  it('waits', async () => {
    const start = Date.now();
    await sleep(20);
    expect(Date.now() - start).toBeGreaterThanOrEqual(15);
  });

  it('rejects at once on an aborted signal, and as soon as the signal aborts', async () => {
    await expect(sleep(10_000, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});

describe('createTokenStore', () => {
  it('copies the redeemed tokens, so refreshing the store leaves the response alone', () => {
    const store = createTokenStore(tokensResponse);
    expect(store).toEqual(tokensResponse);
    store.accessToken.token = 'changed';
    expect(tokensResponse.accessToken.token).not.toBe('changed');
  });
});
