import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextPaint } from '../../src/browser/next-paint';

/** Whether `promise` has settled once pending microtasks (not tasks) have run. */
async function settledInMicrotasks(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return settled;
}

describe('nextPaint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('waits for the task after the next animation frame in a visible page', async () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal('document', { visibilityState: 'visible' });
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const painted = nextPaint();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await settledInMicrotasks(painted)).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(await settledInMicrotasks(painted)).toBe(false);
    await painted;
  });

  it('waits only for the next task in a hidden page, which gets no frames', async () => {
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    vi.stubGlobal('requestAnimationFrame', () => {
      throw new Error('no frames in a hidden page');
    });
    const painted = nextPaint();
    expect(await settledInMicrotasks(painted)).toBe(false);
    await painted;
  });
});
