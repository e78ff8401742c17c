import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFiles } from '../../server/static-files';

let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'static-'));
  root = join(dir, 'dist');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  await writeFile(join(root, '.env'), 'SECRET=1');
  await writeFile(join(dir, 'outside.txt'), 'outside');
  handle = staticFiles(root);
});

afterAll(async () => {
  await rm(join(root, '..'), { recursive: true, force: true });
});

const get = (path: string, method = 'GET') => handle(new Request(`http://localhost${path}`, { method }));

describe('staticFiles', () => {
  it('serves index.html for / with no-cache', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('serves hashed assets as immutable with their content type', async () => {
    const response = await get('/assets/index-abc123.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the service worker as JavaScript, revalidated on every check (a new build is a new worker)', async () => {
    const response = await get('/sw.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('/', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('33');
    expect(await response.text()).toBe('');
  });

  it.each([
    ['a missing file', '/nope.js'],
    ['an escape with encoded dots', '/%2e%2e/outside.txt'],
    ['an escape through assets', '/assets/%2e%2e/%2e%2e/outside.txt'],
    ['a dot-file', '/.env'],
    ['a directory', '/assets'],
    ['a malformed escape', '/%E0%A4%A'],
  ])('refuses %s with 404', async (_name, path) => {
    expect((await get(path)).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('/', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
