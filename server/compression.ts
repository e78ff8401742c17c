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

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses `bytes` at the highest level: the build's files are compressed once and then served from
 * `cache` (see `staticFiles`), so the slow levels cost nothing per request.
 */
export async function compress(bytes: Uint8Array, encoding: ContentEncoding): Promise<Uint8Array<ArrayBuffer>> {
  const out =
    encoding === 'br'
      ? await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } })
      : await gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION });
  return new Uint8Array(out);
}
