import { describe, expect, it } from 'vitest';
import {
  cacheNameOf,
  isOutdatedCache,
  precacheRequestMode,
  startWorker,
  strategyFor,
  type ExtendableEvent,
  type FetchEvent,
  type PrecacheManifest,
  type Strategy,
  type WorkerCaches,
  type WorkerScope,
} from '../../src/service-worker/offline-cache';

const ROOT = new URL('https://ksef-cert.example/');
const SUB_PATH_ROOT = new URL('https://ksef-cert.example/narzedzia/ksef/');
const FILES = [
  'assets/index-DSruJ58V.js',
  'assets/apply-crypto-BEFCWwPX.js',
  'assets/index-DlFhiVx9.css',
  'index.html',
];
const precachedUnder = (root: URL) => new Set(FILES.map((f) => new URL(f, root).href));

describe('strategyFor', () => {
  const rows: [string, { url: string; method?: string; mode?: string }, Strategy][] = [
    ['the app page, opened', { url: 'https://ksef-cert.example/', mode: 'navigate' }, 'network-first'],
    [
      'the app page by its file name',
      { url: 'https://ksef-cert.example/index.html', mode: 'navigate' },
      'network-first',
    ],
    ['the app page with a query', { url: 'https://ksef-cert.example/?lang=en', mode: 'navigate' }, 'network-first'],
    ['a precached chunk', { url: 'https://ksef-cert.example/assets/apply-crypto-BEFCWwPX.js' }, 'cache-first'],
    [
      'a precached stylesheet',
      { url: 'https://ksef-cert.example/assets/index-DlFhiVx9.css', mode: 'no-cors' },
      'cache-first',
    ],
    ['index.html fetched, not navigated to', { url: 'https://ksef-cert.example/index.html' }, 'cache-first'],
    ['a chunk of another build', { url: 'https://ksef-cert.example/assets/index-0000000.js' }, 'pass-through'],
    ['the worker script itself', { url: 'https://ksef-cert.example/sw.js' }, 'pass-through'],
    ['a sandbox call', { url: 'https://ksef-cert.example/api/sandbox/v2/certificates/limits' }, 'pass-through'],
    ['a relay call', { url: 'https://ksef-cert.example/api/test/v2/auth/challenge', method: 'POST' }, 'pass-through'],
    ['a navigation into /api/', { url: 'https://ksef-cert.example/api/test/v2/', mode: 'navigate' }, 'pass-through'],
    ['another page of the origin', { url: 'https://ksef-cert.example/other.html', mode: 'navigate' }, 'pass-through'],
    [
      'a precached URL, but POST',
      { url: 'https://ksef-cert.example/assets/index-DSruJ58V.js', method: 'POST' },
      'pass-through',
    ],
    [
      'a precached URL, but HEAD',
      { url: 'https://ksef-cert.example/index.html', method: 'HEAD', mode: 'navigate' },
      'pass-through',
    ],
    ['the same path on another origin', { url: 'https://elsewhere.example/assets/index-DSruJ58V.js' }, 'pass-through'],
    ['the app page on another origin', { url: 'https://elsewhere.example/', mode: 'navigate' }, 'pass-through'],
  ];
  it.each(rows)('%s', (_, request, expected) => {
    expect(strategyFor({ method: 'GET', mode: 'cors', ...request }, ROOT, precachedUnder(ROOT))).toBe(expected);
  });

  const subPathRows: [string, { url: string; mode?: string }, Strategy][] = [
    [
      'the app page in its folder',
      { url: 'https://ksef-cert.example/narzedzia/ksef/', mode: 'navigate' },
      'network-first',
    ],
    [
      'index.html in its folder',
      { url: 'https://ksef-cert.example/narzedzia/ksef/index.html', mode: 'navigate' },
      'network-first',
    ],
    [
      'the folder without its slash',
      { url: 'https://ksef-cert.example/narzedzia/ksef', mode: 'navigate' },
      'pass-through',
    ],
    ['the origin root', { url: 'https://ksef-cert.example/', mode: 'navigate' }, 'pass-through'],
    [
      'a chunk in its folder',
      { url: 'https://ksef-cert.example/narzedzia/ksef/assets/index-DSruJ58V.js' },
      'cache-first',
    ],
    ['the same chunk at the root', { url: 'https://ksef-cert.example/assets/index-DSruJ58V.js' }, 'pass-through'],
    [
      'the relay (at the origin root)',
      { url: 'https://ksef-cert.example/api/prod/v2/certificates/limits' },
      'pass-through',
    ],
  ];
  it.each(subPathRows)('under a sub-path: %s', (_, request, expected) => {
    expect(strategyFor({ method: 'GET', mode: 'cors', ...request }, SUB_PATH_ROOT, precachedUnder(SUB_PATH_ROOT))).toBe(
      expected,
    );
  });

  it('ignores a fragment, which requests do not carry anyway', () => {
    expect(
      strategyFor(
        { url: 'https://ksef-cert.example/assets/index-DlFhiVx9.css#x', method: 'GET', mode: 'cors' },
        ROOT,
        precachedUnder(ROOT),
      ),
    ).toBe('cache-first');
  });
});

describe('cache names', () => {
  const current = cacheNameOf(ROOT, 'v2');

  it.each([
    ['an older version in the same folder', cacheNameOf(ROOT, 'v1'), true],
    ['the current version', current, false],
    ['the same app in another folder of the origin', cacheNameOf(SUB_PATH_ROOT, 'v1'), false],
    ['another app on the origin', 'workbox-precache-v2-https://ksef-cert.example/', false],
    ['a name that only starts like ours', 'ksef-cert-old', false],
  ])('%s: outdated = %s', (_, name, outdated) => {
    expect(isOutdatedCache(name, ROOT, current)).toBe(outdated);
  });

  it('differ by folder and by version', () => {
    expect(new Set([cacheNameOf(ROOT, 'a'), cacheNameOf(ROOT, 'b'), cacheNameOf(SUB_PATH_ROOT, 'a')]).size).toBe(3);
  });
});

describe('precacheRequestMode', () => {
  it('lets hashed files come from the HTTP cache and revalidates the page', () => {
    expect(precacheRequestMode('assets/index-DSruJ58V.js')).toBe('default');
    expect(precacheRequestMode('index.html')).toBe('no-cache');
  });
});

/** Cache Storage in memory. */
function memoryCaches(): WorkerCaches & { readonly stores: Map<string, Map<string, Response>> } {
  const stores = new Map<string, Map<string, Response>>();
  const keyOf = (request: RequestInfo | URL) => (request instanceof Request ? request.url : String(request));
  return {
    stores,
    open(name) {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return Promise.resolve({
        match: (request: RequestInfo | URL) => Promise.resolve(store.get(keyOf(request))?.clone()),
        put: (request: RequestInfo | URL, response: Response) => {
          store.set(keyOf(request), response);
          return Promise.resolve();
        },
      });
    },
    keys: () => Promise.resolve([...stores.keys()]),
    delete: (name) => Promise.resolve(stores.delete(name)),
  };
}

/** A worker global double: records listeners and network requests; the network can be switched off. */
function workerDouble(scriptUrl: string, site: Readonly<Record<string, string>>) {
  const listeners = new Map<string, (event: never) => void>();
  const fetched: { url: string; cache: RequestCache }[] = [];
  const state = { online: true, claimed: 0 };
  const caches = memoryCaches();
  const scope: WorkerScope = {
    location: { href: scriptUrl },
    caches,
    clients: {
      claim: () => {
        state.claimed++;
        return Promise.resolve();
      },
    },
    fetch(request) {
      fetched.push({ url: request.url, cache: request.cache });
      if (!state.online) return Promise.reject(new TypeError('Failed to fetch'));
      const body = site[request.url];
      return Promise.resolve(
        body === undefined
          ? new Response('Not Found', { status: 404 })
          : new Response(body, { headers: { 'Content-Type': 'text/plain' } }),
      );
    },
    addEventListener(type: string, listener: (event: never) => void) {
      listeners.set(type, listener);
    },
  };
  const lifecycle = async (type: 'install' | 'activate') => {
    const pending: Promise<unknown>[] = [];
    const event: ExtendableEvent = { waitUntil: (p) => pending.push(p) };
    (listeners.get(type) as (e: ExtendableEvent) => void)(event);
    await Promise.all(pending);
  };
  /** Dispatches a fetch event; `null` when the worker left the request to the browser. */
  const request = async (
    url: string,
    init: { mode?: 'navigate' | 'cors'; method?: string } = {},
  ): Promise<Response | null> => {
    const answers: Promise<Response>[] = [];
    // `mode: 'navigate'` cannot be set on a Request made in script; the worker reads it like this.
    const base = new Request(url, { method: init.method ?? 'GET' });
    const req =
      init.mode === 'navigate'
        ? new Proxy(base, { get: (t, p) => (p === 'mode' ? 'navigate' : (Reflect.get(t, p, t) as unknown)) })
        : base;
    const event: FetchEvent = {
      request: req,
      waitUntil: () => undefined,
      respondWith: (r) => {
        answers.push(r);
      },
    };
    (listeners.get('fetch') as (e: FetchEvent) => void)(event);
    expect(answers.length).toBeLessThanOrEqual(1);
    return answers[0] === undefined ? null : await answers[0];
  };
  return { scope, caches, fetched, state, lifecycle, request, listeners };
}

describe('startWorker', () => {
  const origin = 'https://ksef-cert.example/narzedzia/ksef/';
  const manifest: PrecacheManifest = { version: 'v2', files: ['assets/app-1.js', 'index.html'] };
  // The server answers the folder URL with index.html too.
  const site: Record<string, string> = {
    [origin]: '<!doctype html><title>v2</title>',
    [`${origin}index.html`]: '<!doctype html><title>v2</title>',
    [`${origin}assets/app-1.js`]: 'console.log("v2")',
  };
  const started = () => {
    const worker = workerDouble(`${origin}sw.js`, site);
    startWorker(worker.scope, manifest);
    return worker;
  };

  it('listens to install, activate and fetch, and nothing else', () => {
    expect([...started().listeners.keys()].sort()).toEqual(['activate', 'fetch', 'install']);
  });

  it("install fetches every file of the manifest, relative to the worker, into this version's cache", async () => {
    const worker = started();
    await worker.lifecycle('install');
    expect(worker.fetched).toEqual([
      { url: `${origin}assets/app-1.js`, cache: 'default' },
      { url: `${origin}index.html`, cache: 'no-cache' },
    ]);
    const store = worker.caches.stores.get(cacheNameOf(new URL(origin), 'v2'));
    expect([...(store?.keys() ?? [])].sort()).toEqual([`${origin}assets/app-1.js`, `${origin}index.html`]);
  });

  it('install fails when a file is missing, so the previous worker stays', async () => {
    const worker = workerDouble(`${origin}sw.js`, { [`${origin}index.html`]: 'page' });
    startWorker(worker.scope, manifest);
    await expect(worker.lifecycle('install')).rejects.toThrow('Precaching assets/app-1.js failed with HTTP 404');
  });

  it('activate deletes older versions of this folder only, then takes control of open tabs', async () => {
    const worker = started();
    const keep = [
      'other-app',
      cacheNameOf(new URL('https://ksef-cert.example/'), 'v1'),
      cacheNameOf(new URL(origin), 'v2'),
    ];
    for (const name of [...keep, cacheNameOf(new URL(origin), 'v1')]) await worker.caches.open(name);
    await worker.lifecycle('activate');
    expect([...worker.caches.stores.keys()].sort()).toEqual(keep.sort());
    expect(worker.state.claimed).toBe(1);
  });

  it('answers a precached file from the cache, without the network', async () => {
    const worker = started();
    await worker.lifecycle('install');
    worker.state.online = false;
    const response = await worker.request(`${origin}assets/app-1.js`);
    expect(await response?.text()).toBe('console.log("v2")');
  });

  it('goes to the network for a precached file the cache lost', async () => {
    const worker = started();
    const response = await worker.request(`${origin}assets/app-1.js`);
    expect(await response?.text()).toBe('console.log("v2")');
    expect(worker.fetched.map((f) => f.url)).toEqual([`${origin}assets/app-1.js`]);
  });

  it('opens the page from the network while online, and does not overwrite the cached copy', async () => {
    const worker = started();
    await worker.lifecycle('install');
    site[origin] = '<!doctype html><title>v3</title>';
    try {
      expect(await (await worker.request(origin, { mode: 'navigate' }))?.text()).toContain('v3');
      worker.state.online = false;
      expect(await (await worker.request(origin, { mode: 'navigate' }))?.text()).toContain('v2');
      expect(await (await worker.request(`${origin}index.html`, { mode: 'navigate' }))?.text()).toContain('v2');
    } finally {
      site[origin] = '<!doctype html><title>v2</title>';
    }
  });

  it('fails an offline navigation as the network did when nothing is cached', async () => {
    const worker = started();
    worker.state.online = false;
    await expect(worker.request(origin, { mode: 'navigate' })).rejects.toThrow(TypeError);
  });

  it.each([
    ['a sandbox call', 'https://ksef-cert.example/api/sandbox/v2/certificates/limits', {}],
    ['a relay call', 'https://ksef-cert.example/api/test/v2/auth/challenge', { method: 'POST' }],
    ['an unknown file', `${origin}assets/other-2.js`, {}],
    ['the worker script', `${origin}sw.js`, {}],
  ])('leaves %s to the browser: no answer, no network request, nothing stored', async (_, url, init) => {
    const worker = started();
    expect(await worker.request(url, init)).toBeNull();
    expect(worker.fetched).toEqual([]);
    expect(worker.caches.stores.size).toBe(0);
  });
});
