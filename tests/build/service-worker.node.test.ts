import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  builtFilesOf,
  precacheManifest,
  SERVICE_WORKER_FILE,
  serviceWorker,
  type BuiltFile,
} from '../../build/service-worker';
import type { PrecacheManifest } from '../../src/service-worker/offline-cache';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('precacheManifest', () => {
  const files: BuiltFile[] = [
    { fileName: 'index.html', content: '<!doctype html>' },
    { fileName: 'assets/index-abc.js', content: 'console.log(1)' },
    { fileName: 'assets/apply-crypto-def.js', content: 'export const x = 1' },
    { fileName: 'assets/index-ghi.css', content: new Uint8Array([98, 111, 100, 121]) },
    { fileName: 'assets/index-abc.js.map', content: '{}' },
    { fileName: '.vite/manifest.json', content: '{}' },
    { fileName: SERVICE_WORKER_FILE, content: 'self' },
  ];

  it('lists every file the app loads, sorted: not the Vite manifest, source maps or the worker', () => {
    expect(precacheManifest(files).files).toEqual([
      'assets/apply-crypto-def.js',
      'assets/index-abc.js',
      'assets/index-ghi.css',
      'index.html',
    ]);
  });

  it('has a version that does not depend on the order of the bundle', () => {
    expect(precacheManifest([...files].reverse()).version).toBe(precacheManifest(files).version);
    expect(precacheManifest(files).version).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    [
      'a changed index.html (same asset names)',
      files.map((f) => (f.fileName === 'index.html' ? { ...f, content: '<!doctype html><p>' } : f)),
    ],
    [
      'a renamed chunk',
      files.map((f) => (f.fileName === 'assets/index-abc.js' ? { ...f, fileName: 'assets/index-abd.js' } : f)),
    ],
    ['one more file', [...files, { fileName: 'assets/logo-123.svg', content: '<svg/>' }]],
  ])('has a new version after %s', (_, changed) => {
    expect(precacheManifest(changed).version).not.toBe(precacheManifest(files).version);
  });

  it('ignores what it does not precache when versioning', () => {
    const withOtherMap = files.map((f) => (f.fileName === '.vite/manifest.json' ? { ...f, content: '{"x":1}' } : f));
    expect(precacheManifest(withOtherMap).version).toBe(precacheManifest(files).version);
  });
});

describe('serviceWorker()', () => {
  it('emits no worker for a build that is not the app (no index.html at its root, e.g. the bench page)', async () => {
    const hook = serviceWorker().generateBundle;
    if (typeof hook !== 'object' || hook === null) throw new Error('generateBundle should be an ordered hook');
    const emitted: unknown[] = [];
    const context = { emitFile: (file: unknown) => emitted.push(file) };
    const bundle = { 'bench/index.html': { type: 'asset', fileName: 'bench/index.html', source: '<!doctype html>' } };
    await Reflect.apply(hook.handler, context, [{}, bundle, false]);
    expect(emitted).toEqual([]);
  });
});

describe('the production build', () => {
  let output: (Rolldown.OutputChunk | Rolldown.OutputAsset)[];
  let worker: string;

  beforeAll(async () => {
    const result = await build({ root: projectRoot, logLevel: 'silent', build: { write: false } });
    const outputs = Array.isArray(result) ? result : [result];
    output = outputs.flatMap((o) => ('output' in o ? o.output : []));
    const emitted = output.find((f) => f.fileName === SERVICE_WORKER_FILE);
    if (emitted?.type !== 'asset' || typeof emitted.source !== 'string')
      throw new Error(`The build emitted no ${SERVICE_WORKER_FILE}`);
    worker = emitted.source;
  }, 120_000);

  /** Runs sw.js as a browser would, as a classic script, and returns what it passed to the worker. */
  async function runWorker(): Promise<{ manifest: PrecacheManifest; events: string[] }> {
    const events: string[] = [];
    const fetched: string[] = [];
    const opened: string[] = [];
    const self = {
      location: { href: 'https://ksef-cert.example/app/sw.js' },
      addEventListener: (type: string, listener: (event: unknown) => void) => {
        events.push(type);
        if (type === 'install') {
          listener({ waitUntil: () => undefined });
        }
      },
      caches: {
        open: (name: string) => {
          opened.push(name);
          return Promise.resolve({ put: () => Promise.resolve() });
        },
        keys: () => Promise.resolve([]),
        delete: () => Promise.resolve(true),
      },
      clients: { claim: () => Promise.resolve() },
      fetch: (request: Request) => {
        fetched.push(request.url);
        return Promise.resolve(new Response(''));
      },
    };
    runInNewContext(worker, { self, URL, Request, Response, Set, Promise, TypeError, Error });
    await new Promise((resolve) => setImmediate(resolve)); // install opens its cache, then fetches
    const prefix = 'https://ksef-cert.example/app/';
    const files = fetched.map((url) => {
      expect(url.startsWith(prefix), url).toBe(true);
      return url.slice(prefix.length);
    });
    // The cache is named after the folder and the version (cacheNameOf).
    const version = opened.map(
      (name) => /^ksef-cert https:\/\/ksef-cert\.example\/app\/ ([0-9a-f]{16})$/.exec(name)?.[1],
    );
    expect(version).toHaveLength(1);
    return { manifest: { version: version[0] ?? '', files }, events };
  }

  it('emits sw.js as one classic script (no import or export) at the root of the build', async () => {
    expect(worker).not.toMatch(/^\s*(import|export)\b/m);
    expect(worker).not.toContain('__PRECACHE_MANIFEST__');
    expect((await runWorker()).events.sort()).toEqual(['activate', 'fetch', 'install']);
  });

  it('precaches every file of the build the app can load, lazy chunks included, and index.html', async () => {
    const expected = output
      .map((f) => f.fileName)
      .filter((name) => name !== SERVICE_WORKER_FILE && !name.startsWith('.vite/'))
      .sort();
    expect(expected).toContain('index.html');
    expect(expected.filter((f) => /^assets\/apply-crypto-.*\.js$/.test(f))).toHaveLength(1);
    expect([...(await runWorker()).manifest.files].sort()).toEqual(expected);
  });

  it("is versioned by the build's contents", async () => {
    const fromBundle = precacheManifest(builtFilesOf(Object.fromEntries(output.map((f) => [f.fileName, f]))));
    expect((await runWorker()).manifest.version).toBe(fromBundle.version);
  });
});
