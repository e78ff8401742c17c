import { describe, expect, it } from 'vitest';
import { createApiHandler, isApiPath } from '../../server/api';

describe('createApiHandler', () => {
  const api = createApiHandler({});

  it('answers the sandbox under /api/sandbox/v2 with nothing configured', async () => {
    const response = await api(new Request('http://127.0.0.1/api/sandbox/v2/auth/challenge', { method: 'POST' }));
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      challenge: expect.stringMatching(/^\d{8}-CR-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/) as unknown,
    });
  });

  it('keeps the sandbox control API closed unless KSEF_SANDBOX_CONTROL=1', async () => {
    const closed = await api(new Request('http://127.0.0.1/api/sandbox/_control/reset', { method: 'POST' }));
    expect(closed.status).toBe(404);
    const open = createApiHandler({ KSEF_SANDBOX_CONTROL: '1' });
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
