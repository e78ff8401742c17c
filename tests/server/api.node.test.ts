import { describe, expect, it } from 'vitest';
import { createApiHandler, isApiPath } from '../../server/api';

describe('createApiHandler', () => {
  const api = createApiHandler({ KSEF_SANDBOX: '1' });

  it('answers the sandbox under /api/sandbox/v2 with KSEF_SANDBOX=1', async () => {
    const response = await api(new Request('http://127.0.0.1/api/sandbox/v2/auth/challenge', { method: 'POST' }));
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      challenge: expect.stringMatching(/^\d{8}-CR-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/) as unknown,
    });
  });

  it.each([{}, { KSEF_SANDBOX: '0' }, { KSEF_SANDBOX: '0', KSEF_SANDBOX_CONTROL: '1' }])(
    'mounts no sandbox with %j: its paths get the relay’s 404, read by the app as "not offered here"',
    async (env) => {
      const off = createApiHandler(env);
      for (const [method, path] of [
        ['POST', '/api/sandbox/v2/auth/challenge'],
        ['GET', '/api/sandbox/v2/certificates/limits'],
        ['POST', '/api/sandbox/_control/reset'],
      ] as const) {
        const response = await off(new Request(`http://127.0.0.1${path}`, { method }));
        expect(response.status, path).toBe(404);
        expect(await response.json()).toEqual({ error: 'not-found' });
      }
    },
  );

  it('keeps the sandbox control API closed unless KSEF_SANDBOX_CONTROL=1', async () => {
    const closed = await api(new Request('http://127.0.0.1/api/sandbox/_control/reset', { method: 'POST' }));
    expect(closed.status).toBe(404);
    const open = createApiHandler({ KSEF_SANDBOX: '1', KSEF_SANDBOX_CONTROL: '1' });
    expect((await open(new Request('http://127.0.0.1/api/sandbox/_control/reset', { method: 'POST' }))).status).toBe(
      204,
    );
  });

  it('sends other environments to the relay, which refuses what is not allowlisted', async () => {
    const response = await api(new Request('http://127.0.0.1/api/test/v2/invoices/query', { method: 'POST' }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not-found' });
  });

  it.each([
    ['/api/sandbox/v2/auth/challenge', true],
    ['/api/prod/v2/certificates/limits', true],
    ['/', false],
    ['/assets/index.js', false],
    ['/apix', false],
  ])('isApiPath(%j) is %s', (path, expected) => {
    expect(isApiPath(path)).toBe(expected);
  });
});
