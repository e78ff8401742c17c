import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerServiceWorker } from '../../src/browser/service-worker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('registerServiceWorker', () => {
  it("registers sw.js next to the page, for the page's folder (works under any sub-path)", async () => {
    const register = vi.fn(() => Promise.resolve({} as ServiceWorkerRegistration));
    await expect(registerServiceWorker({ register })).resolves.toBe('registered');
    expect(register).toHaveBeenCalledWith('./sw.js', { scope: './' });
  });

  it('does nothing where the browser has no service workers (an insecure origin)', async () => {
    vi.stubGlobal('navigator', {});
    await expect(registerServiceWorker()).resolves.toBe('unsupported');
  });

  it("turns a refusal into an outcome, logging only the error's name", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const refusal = new DOMException(
      'Failed to register a ServiceWorker for scope https://example.test/?token=x',
      'SecurityError',
    );
    await expect(registerServiceWorker({ register: () => Promise.reject(refusal) })).resolves.toBe('failed');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('SecurityError');
    expect(JSON.stringify(warn.mock.calls)).not.toContain('token');
  });
});
