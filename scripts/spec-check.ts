/**
 * `npm run spec:check`: the official KSeF files kept in the repository are still the bytes
 * spec/ksef/SOURCES.md names (its checksum table), every file in spec/ksef/ is in that table, and
 * src/ksef/generated/open-api.ts is what spec/ksef/open-api.json generates today (regenerated in
 * memory, nothing is written). Prints one line per problem and exits 1 when there is any.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApiTypes, OUTPUT_URL, SPEC_URL } from '../tools/codegen/generate.ts';

/** The repository root. */
export const ROOT = new URL('../', import.meta.url);
/** Where the provenance and checksums of the official files are written down. */
export const SOURCES_PATH = 'spec/ksef/SOURCES.md';
/** The folder of official files; each file in it must be in the checksum table. */
const SPEC_DIR = 'spec/ksef/';

/** A checksum-table row: `` | `path` | `64 hex digits` | ``. */
const ROW = /^\|\s*`([^`]+)`\s*\|\s*`?([0-9a-fA-F]{64})`?\s*\|/;

/** The checksum table of SOURCES.md: path from the repository root -> lowercase sha256. */
export function parseChecksums(markdown: string): Map<string, string> {
  const table = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const match = ROW.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) table.set(match[1], match[2].toLowerCase());
  }
  return table;
}

/** Hex SHA-256 of some bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The first line where two texts differ (1-based), or `null` when they are equal. */
export function firstDifferentLine(a: string, b: string): number | null {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) if (left[i] !== right[i]) return i + 1;
  return null;
}

/** What is wrong with the checksummed files under `root` (an empty list when nothing is). */
export async function checksumProblems(root: URL): Promise<string[]> {
  const rootPath = fileURLToPath(root);
  const table = parseChecksums(await readFile(new URL(SOURCES_PATH, root), 'utf8'));
  if (table.size === 0) return [`${SOURCES_PATH} has no checksum table rows (| \`path\` | \`sha256\` |)`];
  const problems: string[] = [];
  for (const [path, expected] of table) {
    const url = new URL(path, root);
    const inside = relative(rootPath, fileURLToPath(url));
    if (inside.startsWith('..') || isAbsolute(inside)) {
      problems.push(`${path}: listed in ${SOURCES_PATH} but outside the repository`);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(url);
    } catch {
      problems.push(`${path}: listed in ${SOURCES_PATH} but missing`);
      continue;
    }
    const actual = sha256(bytes);
    if (actual !== expected) {
      problems.push(
        `${path}: sha256 is ${actual}, ${SOURCES_PATH} says ${expected}. ` +
          `Restore the official bytes, or, after updating it on purpose, record the new sha256 in ${SOURCES_PATH}`,
      );
    }
  }
  for (const entry of await readdir(new URL(SPEC_DIR, root), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(rootPath, `${entry.parentPath}/${entry.name}`).split('\\').join('/');
    if (path !== SOURCES_PATH && !table.has(path))
      problems.push(`${path}: not listed in the checksum table of ${SOURCES_PATH}`);
  }
  return problems;
}

/** Whether the committed generated module matches the contract; a problem line when it does not. */
export async function generatedProblems(): Promise<string[]> {
  const generated = await generateApiTypes(await readFile(SPEC_URL, 'utf8'));
  const committed = await readFile(OUTPUT_URL, 'utf8').catch(() => '');
  const line = firstDifferentLine(generated, committed);
  if (line === null) return [];
  return [
    `src/ksef/generated/open-api.ts is not what spec/ksef/open-api.json generates (first difference at line ${line}): ` +
      'run npm run generate:api and commit the result',
  ];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = [...(await checksumProblems(ROOT)), ...(await generatedProblems())];
  if (problems.length > 0) {
    for (const problem of problems) console.error(`spec:check: ${problem}`);
    process.exit(1);
  }
  const count = parseChecksums(await readFile(new URL(SOURCES_PATH, ROOT), 'utf8')).size;
  console.log(
    `spec:check: ${count} official files match ${SOURCES_PATH}; src/ksef/generated/open-api.ts is up to date`,
  );
}
