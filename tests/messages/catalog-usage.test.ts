import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificatesPl } from '../../src/messages/certificates-pl';
import { offlineLinkPl } from '../../src/messages/offline-link-pl';
import { pl } from '../../src/messages/pl';

/**
 * Every catalog entry is shown somewhere: a key nothing reads is copy that went stale (the text of
 * a removed button, a message for a state that no longer exists). A key counts as read when code
 * other than the catalogs names it (`.key`, `['key']`, `'key'`), or reads its parent table as a whole
 * or by a computed key (`t.cryptoErrors[code]`, `problemText(t.fileErrors)`): tables indexed by an
 * error code are exhaustive by type, not by name.
 */
function unusedKeys(catalog: object, code: string): string[] {
  const unused: string[] = [];
  const walk = (node: object, path: readonly string[]) => {
    const parent = path.at(-1);
    const parentReadWhole =
      parent !== undefined && new RegExp(String.raw`\b${parent}\[(?!\s*')|\.${parent}\b(?![.\w[])`).test(code);
    for (const [key, value] of Object.entries(node)) {
      const named = new RegExp(String.raw`\.${key}\b|\[\s*'${key}'\s*\]|'${key}'`).test(code);
      if (!named && !parentReadWhole) unused.push([...path, key].join('.'));
      else if (typeof value === 'object' && value !== null) walk(value as object, [...path, key]);
    }
  };
  walk(catalog, []);
  return unused;
}

const ROOT = join(import.meta.dirname, '../..');

/** The catalogs themselves (`pl.ts`, `en.ts`) define the keys, so they do not count as readers. */
const CATALOGS = new Set([
  'src/messages/pl.ts',
  'src/messages/en.ts',
  'src/messages/certificates-pl.ts',
  'src/messages/certificates-en.ts',
  'src/messages/offline-link-pl.ts',
  'src/messages/offline-link-en.ts',
]);

function sourcesReadingCatalogs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourcesReadingCatalogs(path);
    return /\.tsx?$/.test(entry.name) && !CATALOGS.has(relative(ROOT, path)) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('catalog usage', () => {
  it.each([
    { name: 'both keys read by name', code: 'x = t.check.title + t.check.hint', expected: [] },
    { name: 'one read by a quoted name', code: "x = t.check['title']", expected: ['check.hint'] },
    { name: 'a table read by a computed key', code: 'x = t.check[code]', expected: [] },
    { name: 'a table read whole', code: 'problemText(t.check)', expected: [] },
    { name: 'keys nobody reads', code: 'x = t.check.other', expected: ['check.title', 'check.hint'] },
    { name: 'a key read through a longer name', code: 'x = t.check.titles', expected: ['check.title', 'check.hint'] },
  ])('the detector: $name', ({ code, expected }) => {
    expect(unusedKeys({ check: { title: 'T', hint: 'H' } }, code)).toEqual(expected);
  });

  it('every key of the catalog is read by the app', () => {
    expect(unusedKeys(pl, sourcesReadingCatalogs(join(ROOT, 'src')).join('\n'))).toEqual([]);
  });

  it("every key of the certificates screen's catalog is read by the app", () => {
    expect(unusedKeys(certificatesPl, sourcesReadingCatalogs(join(ROOT, 'src')).join('\n'))).toEqual([]);
  });

  it("every key of the offline-link screen's catalog is read by the app", () => {
    expect(unusedKeys(offlineLinkPl, sourcesReadingCatalogs(join(ROOT, 'src')).join('\n'))).toEqual([]);
  });
});
