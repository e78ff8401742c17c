import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import type { PrecacheManifest } from '../src/service-worker/offline-cache.ts';

/** Where the worker is emitted: next to index.html, so its scope is the app's folder on any host path. */
export const SERVICE_WORKER_FILE = 'sw.js';
const WORKER_ENTRY = join('src', 'service-worker', 'worker.ts');

/** One file of the build as the manifest sees it. */
export interface BuiltFile {
  readonly fileName: string;
  readonly content: string | Uint8Array;
}

/**
 * Files of the build that are not part of the app at run time: Vite's own manifest, source maps,
 * and the worker itself (the browser fetches and updates it on its own).
 */
function isPrecached(fileName: string): boolean {
  return !fileName.startsWith('.vite/') && !fileName.endsWith('.map') && fileName !== SERVICE_WORKER_FILE;
}

/**
 * The precache manifest of a build: every file the app can load (index.html, each hashed chunk,
 * stylesheet or image, lazy ones included), sorted, and a version that is a hash over their names
 * and contents, so any change to any of them makes a new version.
 */
export function precacheManifest(files: readonly BuiltFile[]): PrecacheManifest {
  const kept = files
    .filter((f) => isPrecached(f.fileName))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  const version = createHash('sha256');
  for (const { fileName, content } of kept) {
    version.update(`${fileName}\0${createHash('sha256').update(content).digest('hex')}\n`);
  }
  return { version: version.digest('hex').slice(0, 16), files: kept.map((f) => f.fileName) };
}

/** The files of a Rolldown bundle, with their final contents. */
export function builtFilesOf(bundle: Rolldown.OutputBundle): BuiltFile[] {
  return Object.values(bundle).map((item) => ({
    fileName: item.fileName,
    content: item.type === 'chunk' ? item.code : item.source,
  }));
}

/**
 * Bundles `entry` into one classic script (no imports: Firefox and older Chromium run only classic
 * service workers), with `manifest` in place of `__PRECACHE_MANIFEST__`. A build of its own, without
 * the app's plugins or config.
 */
export async function compileWorker(root: string, entry: string, manifest: PrecacheManifest): Promise<string> {
  const result = await build({
    configFile: false,
    envDir: false,
    publicDir: false,
    root,
    logLevel: 'warn',
    define: { __PRECACHE_MANIFEST__: JSON.stringify(manifest) },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: { input: join(root, entry), output: { format: 'iife', entryFileNames: SERVICE_WORKER_FILE } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const files = outputs.flatMap((o) => ('output' in o ? o.output : []));
  const [chunk, ...rest] = files;
  if (chunk === undefined || chunk.type !== 'chunk' || rest.length > 0) {
    throw new Error(`The service worker must build to one script, got: ${files.map((f) => f.fileName).join(', ')}`);
  }
  return chunk.code;
}

/**
 * Emits `sw.js` at the root of the build (production builds only; `vite dev` serves no worker):
 * `src/service-worker/` bundled with the precache manifest of everything else the build emitted.
 * Runs after Vite's own plugins have written index.html, so it is on the list. A build without
 * index.html at its root is not the app (`npm run bench` builds bench/index.html): no worker then.
 */
export function serviceWorker(): Plugin {
  let root = process.cwd();
  return {
    name: 'ksef-cert-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const manifest = precacheManifest(builtFilesOf(bundle));
        if (!manifest.files.includes('index.html')) return;
        this.emitFile({
          type: 'asset',
          fileName: SERVICE_WORKER_FILE,
          source: await compileWorker(root, WORKER_ENTRY, manifest),
        });
      },
    },
  };
}
