import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';
import { serviceWorker } from './build/service-worker.ts';
import { ksefApi } from './server/vite-plugin.ts';

/**
 * `base: './'` makes the build work from any static host path (hash routing needs no server rewrites).
 * `ksefApi()` serves the local sandbox and the KSeF relay under `/api/` in `npm run dev` and `vite preview`.
 * `serviceWorker()` emits `sw.js`, the offline copy of the build (production builds only).
 * `precompress()` writes `<file>.br` and `<file>.gz` beside the build's text files, which both servers send.
 * Heavy crypto (pkijs) loads lazily with the screens that need it, so the first paint stays small.
 */
export default defineConfig({
  base: './',
  plugins: [react(), ksefApi(), serviceWorker(), precompress()],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // The budget check (scripts/check-budget.ts) walks the import graph recorded here.
    manifest: true,
  },
});
