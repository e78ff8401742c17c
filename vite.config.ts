import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `base: './'` makes the build work from any static host path (hash routing needs no server rewrites).
 * Heavy crypto (pkijs) loads lazily with the screens that need it, so the first paint stays small.
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // The budget check (scripts/check-budget.ts) walks the import graph recorded here.
    manifest: true,
  },
});
