import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

/**
 * Budget check run by `npm test` after `npm run build`: the JavaScript a browser must load before
 * the first paint of each route (the entry chunk plus everything it imports statically, plus the
 * route's own chunk when it is split) stays under 150 KB gzip; no single chunk exceeds 300 KB gzip.
 * Lazily imported chunks (the crypto core) are not part of the first paint.
 */
const FIRST_PAINT_BUDGET = 150 * 1024;
const CHUNK_BUDGET = 300 * 1024;

/** Route -> the source module that renders it (when it is code-split). */
const ROUTES: Readonly<Record<string, string | null>> = {
  '#/': null,
  '#/check': 'src/features/check/check-page.tsx',
  '#/apply': 'src/features/apply/apply-page.tsx',
  '#/certificates': 'src/features/certificates/certificates-page.tsx',
  '#/offline-link': 'src/features/offline-link/offline-link-page.tsx',
};

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
  }),
);
type Manifest = z.infer<typeof manifestSchema>;

const dist = join(import.meta.dirname, '..', 'dist');
const manifest: Manifest = manifestSchema.parse(
  JSON.parse(await readFile(join(dist, '.vite', 'manifest.json'), 'utf8')),
);

const gzipCache = new Map<string, number>();
async function gzipSize(file: string): Promise<number> {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(await readFile(join(dist, file)), { level: 6 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

/** Every JS file loaded with `key` before it runs: the chunk and its static imports, transitively. */
function staticClosure(keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) return;
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return files;
}

const entries = Object.entries(manifest)
  .filter(([, c]) => c.isEntry === true)
  .map(([key]) => key);
if (entries.length === 0) throw new Error('The build manifest names no entry chunk');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = false;

for (const [route, module] of Object.entries(ROUTES)) {
  // A split route missing from the manifest would be measured without its own chunk: refuse that.
  if (module !== null && manifest[module] === undefined) throw new Error(`The build manifest has no ${module}`);
  const keys = module !== null ? [...entries, module] : entries;
  const files = [...staticClosure(keys)];
  const sizes = await Promise.all(files.map(gzipSize));
  const total = sizes.reduce((a, b) => a + b, 0);
  const ok = total <= FIRST_PAINT_BUDGET;
  failed ||= !ok;
  console.warn(
    `${ok ? 'ok  ' : 'FAIL'} first paint of ${route}: ${kb(total)} gzip in ${files.length} file(s), budget ${kb(FIRST_PAINT_BUDGET)}`,
  );
}

const chunkFiles = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith('.js'));
for (const file of chunkFiles) {
  const size = await gzipSize(file);
  if (size > CHUNK_BUDGET) {
    failed = true;
    console.warn(`FAIL chunk ${file}: ${kb(size)} gzip, budget ${kb(CHUNK_BUDGET)}`);
  }
}
const largest = Math.max(...(await Promise.all(chunkFiles.map(gzipSize))));
console.warn(
  `${failed ? 'FAIL' : 'ok  '} ${chunkFiles.length} chunk(s), the largest ${kb(largest)} gzip, budget ${kb(CHUNK_BUDGET)}`,
);
process.exitCode = failed ? 1 : 0;
