import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The encodings the static files are sent in, best first. */
export type ContentEncoding = 'br' | 'gzip';

/** Text types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;

/** Below this, compression saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * The encoding to send, from the request's `Accept-Encoding` (RFC 9110 §12.5.3): brotli when
 * acceptable, else gzip; `null` for identity. A coding with `q=0` is refused; `*` accepts both.
 */
export function chooseEncoding(acceptEncoding: string | null): ContentEncoding | null {
  if (acceptEncoding === null) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (coding: ContentEncoding): number => weights.get(coding) ?? weights.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/** Whether a file of `contentType` and `size` bytes is sent compressed. */
export function isCompressible(contentType: string, size: number): boolean {
  return size >= MIN_BYTES && COMPRESSIBLE.test(contentType);
}

/** The build's file types that are sent compressed (see `CONTENT_TYPES` in `static-files.ts`). */
const COMPRESSIBLE_FILE = /\.(html|js|css|json|svg|webmanifest|txt)$/;

/** Whether the build's file `fileName` of `size` bytes is sent compressed (for the build's precompression). */
export function isCompressibleFile(fileName: string, size: number): boolean {
  return size >= MIN_BYTES && COMPRESSIBLE_FILE.test(fileName);
}

/** The suffix of a file precompressed with `encoding`, next to the file: `app.js.br`, `app.js.gz`. */
export function precompressedSuffix(encoding: ContentEncoding): string {
  return encoding === 'br' ? '.br' : '.gz';
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Two efforts. `max`, once per build (`build/precompress.ts`): brotli 11 and gzip 9, the smallest
 * files. `fast`, on the first request of a file that was not precompressed (then kept, see
 * `staticFiles`): measured on the largest chunk (521 KB) on a 2-core machine, brotli 11 gives 93 KB
 * but takes 0.9 s, which the first visitor after a start would wait for; brotli 5 gives 105 KB in
 * 11 ms; gzip 9 gives 113 KB in 15 ms.
 */
export type CompressionEffort = 'max' | 'fast';

const BROTLI_QUALITY: Readonly<Record<CompressionEffort, number>> = { max: constants.BROTLI_MAX_QUALITY, fast: 5 };
const GZIP_LEVEL: Readonly<Record<CompressionEffort, number>> = { max: constants.Z_BEST_COMPRESSION, fast: 6 };

/** Compresses `bytes` with `encoding` at `effort`. */
export async function compress(
  bytes: Uint8Array,
  encoding: ContentEncoding,
  effort: CompressionEffort,
): Promise<Uint8Array<ArrayBuffer>> {
  const out =
    encoding === 'br'
      ? await brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        })
      : await gzipAsync(bytes, { level: GZIP_LEVEL[effort] });
  return new Uint8Array(out);
}
