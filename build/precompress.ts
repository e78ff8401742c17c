import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compress, isCompressibleFile, precompressedSuffix, type ContentEncoding } from '../server/compression.ts';

const ENCODINGS: readonly ContentEncoding[] = ['br', 'gzip'];

/** One file of the build: its name below the output folder and its bytes. */
export interface BuiltFile {
  readonly fileName: string;
  readonly content: string | Uint8Array;
}

/**
 * Writes `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) next to each compressible file of the build
 * in `outDir`, so that the servers send the smallest files without compressing anything per request:
 * `npm start` (`server/static-files.ts`) and nginx (`gzip_static`). @returns the names written.
 */
export async function precompressFiles(outDir: string, files: readonly BuiltFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const { fileName, content } of files) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    if (!isCompressibleFile(fileName, bytes.byteLength)) continue;
    for (const encoding of ENCODINGS) {
      const name = fileName + precompressedSuffix(encoding);
      await writeFile(join(outDir, name), await compress(bytes, encoding, 'max'));
      written.push(name);
    }
  }
  return written;
}

/** The Vite plugin: precompresses every file of a production build once it is written. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'ksef-cert-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      order: 'post',
      async handler(_options, bundle) {
        await precompressFiles(
          outDir,
          Object.values(bundle).map((item) => ({
            fileName: item.fileName,
            content: item.type === 'chunk' ? item.code : item.source,
          })),
        );
      },
    },
  };
}
