import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Inputs of the production build: a change to any of them makes `dist/` stale. */
const BUILD_INPUTS = ['src', 'build', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (info === null) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((e) => newestMtime(join(path, e))));
  return Math.max(info.mtimeMs, ...times);
}

/**
 * True when `dist/index.html` is missing or older than any build input, so `npm start` builds only
 * when the sources changed since the last build.
 */
export async function buildIsStale(projectRoot: string): Promise<boolean> {
  const built = await stat(join(projectRoot, 'dist', 'index.html')).catch(() => null);
  if (built === null) return true;
  const inputs = await Promise.all(BUILD_INPUTS.map((p) => newestMtime(join(projectRoot, p))));
  return Math.max(...inputs) > built.mtimeMs;
}
