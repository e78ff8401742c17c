/**
 * The entry of `sw.js`: `build/service-worker.ts` bundles this file into one classic script and
 * replaces `__PRECACHE_MANIFEST__` with the build's file list and version.
 */
import { startWorker, type PrecacheManifest, type WorkerScope } from './offline-cache';

declare const __PRECACHE_MANIFEST__: PrecacheManifest;

// `self` is a ServiceWorkerGlobalScope here; the program is typed with lib.dom, hence the cast.
startWorker(self as unknown as WorkerScope, __PRECACHE_MANIFEST__);
