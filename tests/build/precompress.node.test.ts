import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressFiles } from '../../build/precompress';

let outDir: string;
const script = `export const words = ${JSON.stringify(Array.from({ length: 3000 }, (_, i) => `wyraz-${i}`))};\n`;

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'precompress-'));
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('precompressFiles', () => {
  it('writes .br and .gz beside each text file of 1 KB or more; brotli and gzip(1) give the file back', async () => {
    const written = await precompressFiles(outDir, [
      { fileName: 'app.js', content: script },
      { fileName: 'index.html', content: new TextEncoder().encode(`<!doctype html>${'<p>tekst</p>'.repeat(200)}`) },
      { fileName: 'tiny.js', content: 'export {};' },
      { fileName: 'logo.png', content: new Uint8Array(8192) },
    ]);
    expect(written.sort()).toEqual(['app.js.br', 'app.js.gz', 'index.html.br', 'index.html.gz']);
    expect((await readdir(outDir)).sort()).toEqual(written.sort());
    const br = await readFile(join(outDir, 'app.js.br'));
    expect(brotliDecompressSync(br).toString('utf8')).toBe(script);
    expect(br.byteLength).toBeLessThan(Buffer.byteLength(script) / 5);
    const gz = await readFile(join(outDir, 'app.js.gz'));
    expect(execFileSync('gzip', ['-dc'], { input: gz }).toString('utf8')).toBe(script);
  });
});
