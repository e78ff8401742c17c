// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI_LIBRARIES = ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'react-hook-form'];
const APP_LAYERS = ['app', 'features', 'state', 'ui', 'messages', 'browser', 'workers'];

/**
 * zod's values come from src/lib/zod-mini.ts, which turns off its eval probe (the CSP forbids eval) and
 * is zod/mini: one classic schema would bring the classic API's share of zod's core into every first paint.
 */
const ZOD = {
  regex: '^zod(/.*)?$',
  allowTypeImports: true,
  message: 'Import z from src/lib/zod-mini: it is configured for the Content-Security-Policy.',
};

/** Patterns that match a relative import of any of `folders` under `src/`. */
const srcFolders = (folders) => folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]);

/**
 * The one direction of imports (STYLE.md): app -> features -> {state, ui, messages, browser, crypto,
 * ksef}; crypto/ and ksef/ are pure and import only src/lib/; sign-in/ is pure too and imports crypto/,
 * ksef/ and lib/; lib/ imports nothing of ours.
 */
const restrict = (patterns, message, extra = [ZOD]) => [
  'error',
  { patterns: [{ group: patterns, message }, ...extra] },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.vitest-attachments/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: 'error',
    },
  },
  {
    // Command-line entry points print their results.
    files: ['bench/run.ts', 'scripts/**/*.ts', 'server/start.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['eslint.config.js', '.dependency-cruiser.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Scripts nginx runs (njs 0.7): plain JavaScript outside the TypeScript project.
  {
    files: ['deploy/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        ['node:*', 'fs', 'path', 'child_process'],
        'src/ runs in the browser: no Node modules.',
      ),
    },
  },
  {
    files: ['src/crypto/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...UI_LIBRARIES, ...srcFolders([...APP_LAYERS, 'ksef', 'sign-in'])],
        'src/crypto is pure: WebCrypto, pkijs, asn1js and src/lib only.',
      ),
    },
  },
  {
    files: ['src/ksef/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...UI_LIBRARIES, ...srcFolders([...APP_LAYERS, 'crypto'])],
        'src/ksef is pure I/O: fetch, zod and src/lib only.',
        // src/sign-in/ sits above ksef/ (ksef has a sign-in.ts of its own, so no `**/sign-in` glob).
        [ZOD, { regex: String.raw`^\.\./sign-in(/|$)`, message: 'src/ksef is pure I/O: fetch, zod and src/lib only.' }],
      ),
    },
  },
  {
    // Signing in combines the two pure layers; a screen's state (the wizard, the certificates list) drives it.
    files: ['src/sign-in/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...UI_LIBRARIES, ...srcFolders(APP_LAYERS)],
        'src/sign-in is pure: it imports src/crypto, src/ksef and src/lib only.',
      ),
    },
  },
  {
    // The file reader's workers run the pure readers off the page's thread: no UI, no state, no I/O.
    files: ['src/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...UI_LIBRARIES, ...srcFolders(['app', 'features', 'state', 'ui', 'messages', 'browser', 'ksef'])],
        'src/workers imports src/crypto, src/sign-in and src/lib only.',
      ),
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...UI_LIBRARIES, '../*', '!./*'],
        'src/lib is a leaf: it imports nothing of ours.',
      ),
    },
  },
  {
    files: ['src/lib/zod-mini.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...UI_LIBRARIES, '../*', '!./*'],
        'src/lib is a leaf: it imports nothing of ours.',
        [],
      ),
    },
  },
  {
    // The service worker is a script of its own (sw.js): nothing of the app, no UI libraries.
    files: ['src/service-worker/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...UI_LIBRARIES, '../*'],
        'src/service-worker is its own script: it imports nothing of the app.',
      ),
    },
  },
  {
    files: ['src/{state,ui,messages,browser}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...srcFolders(['app', 'features'])],
        'Shared layers may not import features or the app shell.',
      ),
    },
  },
  {
    // The catalogs word what state/ produces; the codes and statuses they need live below it (src/problem).
    files: ['src/messages/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...srcFolders(['app', 'features', 'state'])],
        'src/messages imports no state, features or app shell: take codes from src/problem or the pure layers.',
      ),
    },
  },
  {
    // What went wrong, as types both state/ and messages/ import: it names the pure layers' codes only.
    files: ['src/problem/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['node:*', ...UI_LIBRARIES, ...srcFolders(['app', 'features', 'state', 'ui', 'messages', 'workers'])],
        'src/problem is a few types: it imports codes from crypto, ksef, sign-in and browser only.',
      ),
    },
  },
  {
    // A feature imports shared layers (../../x) but never a sibling feature (../y) or the app shell.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(node:|\.\./(?!\.\./)|\.\./\.\./(app|features)(/|$))`,
              message: 'Features do not import each other or the app shell; share data through src/state.',
            },
            ZOD,
          ],
        },
      ],
    },
  },
);
