import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, isCompressible } from '../../server/compression';
import { staticFiles } from '../../server/static-files';

describe('chooseEncoding', () => {
  it.each([
    [null, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;Q=0.5', 'br'],
    ['gzip;q=0, br;q=0', null],
    ['*', 'br'],
    ['*;q=0', null],
    ['br;q=0, *', 'gzip'],
  ])('Accept-Encoding %j -> %j', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });

  it('compresses text of 1 KB and more, never images or fonts', () => {
    expect(isCompressible('text/javascript; charset=utf-8', 1024)).toBe(true);
    expect(isCompressible('image/svg+xml', 5000)).toBe(true);
    expect(isCompressible('text/css; charset=utf-8', 1023)).toBe(false);
    expect(isCompressible('image/png', 50_000)).toBe(false);
    expect(isCompressible('font/woff2', 50_000)).toBe(false);
  });
});

describe('staticFiles, compressed', () => {
  let root: string;
  let handle: (request: Request) => Promise<Response>;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `słowo-${i}`))};\n`;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'static-compressed-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'assets', 'app-abc.js'), script);
    await writeFile(join(root, 'assets', 'small-abc.js'), 'export {};\n');
    await writeFile(join(root, 'assets', 'logo-abc.png'), new Uint8Array(4096));
    handle = staticFiles(root);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const get = (path: string, acceptEncoding?: string, method = 'GET') =>
    handle(
      new Request(`http://localhost${path}`, {
        method,
        headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
      }),
    );

  it('sends brotli to a browser that accepts it: smaller, the same bytes once decoded, with Vary', async () => {
    const response = await get('/assets/app-abc.js', 'gzip, deflate, br, zstd');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const body = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(body.byteLength);
    expect(body.byteLength).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(script);
  });

  it('sends gzip that the gzip tool decodes to the file', async () => {
    const response = await get('/assets/app-abc.js', 'gzip');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await response.arrayBuffer());
    expect(execFileSync('gzip', ['-dc'], { input: body }).toString('utf8')).toBe(script);
  });

  it('sends the file as it is without Accept-Encoding, and says it varies', async () => {
    const response = await get('/assets/app-abc.js');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(await response.text()).toBe(script);
  });

  it('HEAD gives the compressed length without a body', async () => {
    const head = await get('/assets/app-abc.js', 'br', 'HEAD');
    const full = await get('/assets/app-abc.js', 'br');
    expect(head.headers.get('content-length')).toBe(full.headers.get('content-length'));
    expect(await head.text()).toBe('');
  });

  it('leaves small files and images alone', async () => {
    for (const path of ['/assets/small-abc.js', '/assets/logo-abc.png']) {
      const response = await get(path, 'br, gzip');
      expect(response.headers.get('content-encoding'), path).toBeNull();
    }
  });
});

describe('staticFiles, precompressed by the build', () => {
  let root: string;
  const script = `export const n = ${JSON.stringify(Array.from({ length: 1500 }, (_, i) => i))};\n`;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'static-precompressed-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'assets', 'app-abc.js'), script);
    await writeFile(join(root, 'assets', 'stale-abc.js'), script);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("sends the build's .br as it is, and ignores one older than its file", async () => {
    const br = brotliCompressSync(Buffer.from(script), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    await writeFile(join(root, 'assets', 'app-abc.js.br'), br);
    await writeFile(join(root, 'assets', 'stale-abc.js.br'), br);
    const old = new Date(Date.now() - 60_000);
    await utimes(join(root, 'assets', 'stale-abc.js.br'), old, old);
    const handle = staticFiles(root);

    const fresh = await handle(
      new Request('http://localhost/assets/app-abc.js', { headers: { 'Accept-Encoding': 'br' } }),
    );
    expect(fresh.headers.get('content-encoding')).toBe('br');
    expect(Buffer.from(await fresh.arrayBuffer()).equals(br)).toBe(true);

    const stale = await handle(
      new Request('http://localhost/assets/stale-abc.js', { headers: { 'Accept-Encoding': 'br' } }),
    );
    const body = Buffer.from(await stale.arrayBuffer());
    expect(body.equals(br)).toBe(false);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(script);
  });
});
