/**
 * The offline copy of the app, as a service worker runs it: precache the build's own files on
 * install, answer from them when the network is gone, drop older copies on activate. Written against
 * the small {@link WorkerScope} below instead of the worker global, so the same code runs in tests.
 *
 * What it may touch is deliberately narrow: GET requests to its own origin for a file of the build
 * (cache-first: the names carry content hashes) or for the app's page (network-first, the cached
 * copy only when the network fails). Everything else, and anything under `/api/` (the relay, the
 * sandbox) in particular, is never answered, never stored: the browser fetches it as if no worker ran.
 * Only files of the build are stored, so Cache Storage holds nothing secret.
 */

/** What the build tells the worker (made by `build/service-worker.ts`). */
export interface PrecacheManifest {
  /** Derived from the files' contents: a new build is a new version, hence a new worker and cache. */
  readonly version: string;
  /** Paths relative to the worker script: `index.html`, `assets/index-DSruJ58V.js`, ... */
  readonly files: readonly string[];
}

/** How the worker answers a request. */
export type Strategy =
  /** A file of the build: from the cache, from the network only if the cache lost it. */
  | 'cache-first'
  /** The app's page: from the network, so a new release shows at once; the cached copy when offline. */
  | 'network-first'
  /** Not the worker's business: the browser fetches it as if no worker ran. */
  | 'pass-through';

/** The parts of a `Request` the decision reads. */
export interface RequestFacts {
  readonly url: string;
  readonly method: string;
  readonly mode: string;
}

/** The relay and the sandbox live under this path of the origin (`src/ksef/environments.ts`). */
const API_PATH = '/api/';
/** The page the app runs in; the folder URL (`./`) is the same page. */
const PAGE_FILE = 'index.html';
/** Every cache name of this app starts with it; the rest names the folder and the version. */
const CACHE_PREFIX = 'ksef-cert';

/**
 * Decides how a request is answered. `appRoot` is the folder of the worker script (the app's folder,
 * also the registration's scope); `precached` holds the absolute URLs of the manifest's files.
 */
export function strategyFor(request: RequestFacts, appRoot: URL, precached: ReadonlySet<string>): Strategy {
  if (request.method !== 'GET') return 'pass-through';
  const url = new URL(request.url);
  if (url.origin !== appRoot.origin || url.pathname.startsWith(API_PATH)) return 'pass-through';
  if (request.mode === 'navigate') {
    const isPage = url.pathname === appRoot.pathname || url.pathname === `${appRoot.pathname}${PAGE_FILE}`;
    return isPage ? 'network-first' : 'pass-through';
  }
  url.hash = '';
  return precached.has(url.href) ? 'cache-first' : 'pass-through';
}

/**
 * The cache of one version of the app in one folder. Cache Storage is shared by the whole origin, so
 * the folder is part of the name: two copies of the app at different paths never delete each other's.
 */
export function cacheNameOf(appRoot: URL, version: string): string {
  return `${cacheFolderPrefix(appRoot)}${version}`;
}

function cacheFolderPrefix(appRoot: URL): string {
  return `${CACHE_PREFIX} ${appRoot.href} `;
}

/** True for a cache of this app in this folder that is not `current`: it belongs to an older version. */
export function isOutdatedCache(name: string, appRoot: URL, current: string): boolean {
  return name !== current && name.startsWith(cacheFolderPrefix(appRoot));
}

/** The `cache` mode for fetching a file to precache: hashed files may come from the HTTP cache. */
export function precacheRequestMode(file: string): RequestCache {
  return file.startsWith('assets/') ? 'default' : 'no-cache';
}

/** The few service-worker types used here (lib.webworker cannot join lib.dom in one program). */
export interface ExtendableEvent {
  waitUntil(promise: Promise<unknown>): void;
}

export interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

/** The part of `CacheStorage` the worker uses. */
export interface WorkerCaches {
  open(name: string): Promise<Pick<Cache, 'match' | 'put'>>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<boolean>;
}

/** What the worker needs of `ServiceWorkerGlobalScope`; the real global in `worker.ts`, a double in tests. */
export interface WorkerScope {
  /** The worker script's URL. */
  readonly location: { readonly href: string };
  readonly caches: WorkerCaches;
  readonly clients: { claim(): Promise<void> };
  fetch(request: Request): Promise<Response>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

/**
 * Installs the handlers on `scope`.
 *
 * - install: fetches every file of `manifest` into this version's cache; any failure fails the
 *   install (the browser keeps the previous worker and tries again on a later visit).
 * - activate: deletes the older versions' caches of this folder, then takes control of open tabs, so
 *   a tab that loaded the app online can load its remaining screens offline.
 *   There is no `skipWaiting()`: a new version waits until the old one's tabs are closed, so a tab
 *   never loses the cached files it was built with.
 * - fetch: see {@link strategyFor}. The cached page is never overwritten by a later network answer:
 *   it must stay the page that references exactly the files cached with it.
 */
export function startWorker(scope: WorkerScope, manifest: PrecacheManifest): void {
  const appRoot = new URL('./', scope.location.href);
  const cacheName = cacheNameOf(appRoot, manifest.version);
  const urlOf = (file: string) => new URL(file, appRoot).href;
  const precached = new Set(manifest.files.map(urlOf));
  const pageUrl = urlOf(PAGE_FILE);

  async function precache(): Promise<void> {
    const cache = await scope.caches.open(cacheName);
    await Promise.all(
      manifest.files.map(async (file) => {
        const response = await scope.fetch(new Request(urlOf(file), { cache: precacheRequestMode(file) }));
        if (!response.ok) throw new Error(`Precaching ${file} failed with HTTP ${response.status}`);
        await cache.put(urlOf(file), response);
      }),
    );
  }

  async function dropOutdated(): Promise<void> {
    const names = await scope.caches.keys();
    await Promise.all(
      names.filter((name) => isOutdatedCache(name, appRoot, cacheName)).map((name) => scope.caches.delete(name)),
    );
    await scope.clients.claim();
  }

  async function cacheFirst(request: Request): Promise<Response> {
    const cached = await (await scope.caches.open(cacheName)).match(request);
    return cached ?? scope.fetch(request);
  }

  async function networkFirst(request: Request): Promise<Response> {
    try {
      return await scope.fetch(request);
    } catch (error) {
      // fetch rejects with a TypeError when there is no network; anything else is not ours to hide.
      if (!(error instanceof TypeError)) throw error;
      const cached = await (await scope.caches.open(cacheName)).match(pageUrl);
      if (cached === undefined) throw error;
      return cached;
    }
  }

  scope.addEventListener('install', (event) => event.waitUntil(precache()));
  scope.addEventListener('activate', (event) => event.waitUntil(dropOutdated()));
  scope.addEventListener('fetch', (event) => {
    const strategy = strategyFor(event.request, appRoot, precached);
    if (strategy === 'cache-first') event.respondWith(cacheFirst(event.request));
    else if (strategy === 'network-first') event.respondWith(networkFirst(event.request));
  });
}
