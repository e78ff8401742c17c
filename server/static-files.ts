import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { chooseEncoding, compress, isCompressible, precompressedSuffix, type ContentEncoding } from './compression.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * A fetch-style handler (`Request` -> `Response`) serving the production build from `root`.
 * Only GET and HEAD; `/` is `index.html` (the app routes by hash, so no rewrites are needed);
 * paths that escape `root` or name a dot-file are 404. Hashed assets are cached for a year,
 * `index.html` is revalidated on every load so a new release is picked up. Text files of 1 KB or more
 * go brotli- or gzip-compressed when the browser accepts it: the build's precompressed `<file>.br` /
 * `<file>.gz` when it is there and not older than the file, else compressed here once per version of
 * the file (path, size and modification time) and kept in memory.
 */
export function staticFiles(root: string): (request: Request) => Promise<Response> {
  const base = normalize(root + sep);
  const compressed = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const compressedOnce = async (
    file: string,
    info: { size: number; mtimeMs: number },
    encoding: ContentEncoding,
  ): Promise<Uint8Array<ArrayBuffer>> => {
    const key = `${encoding} ${info.size}:${info.mtimeMs} ${file}`;
    let pending = compressed.get(key);
    if (pending === undefined) {
      pending = readPrecompressed(file, info.mtimeMs, encoding).then(
        async (ready) => ready ?? compress(await readFile(file), encoding, 'fast'),
      );
      compressed.set(key, pending);
    }
    return pending;
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch (cause) {
      if (cause instanceof URIError) return notFound();
      throw cause;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(base, pathname));
    if (!file.startsWith(base) || pathname.split('/').some((s) => s.startsWith('.'))) return notFound();

    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile()) return notFound();
    const contentType = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const immutable = pathname.startsWith('/assets/');
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    const compressible = isCompressible(contentType, info.size);
    const encoding = compressible ? chooseEncoding(request.headers.get('Accept-Encoding')) : null;
    // Caches must keep the encodings apart, also for a browser that took the identity this time.
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (encoding === null) {
      headers['Content-Length'] = String(info.size);
      return new Response(request.method === 'HEAD' ? null : await readFile(file), { headers });
    }
    const body = await compressedOnce(file, info, encoding);
    headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = String(body.byteLength);
    return new Response(request.method === 'HEAD' ? null : body, { headers });
  };
}

/** The build's `<file>.br` / `<file>.gz`, when there and not older than `file`. */
async function readPrecompressed(
  file: string,
  fileMtimeMs: number,
  encoding: ContentEncoding,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const path = file + precompressedSuffix(encoding);
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile() || info.mtimeMs < fileMtimeMs) return null;
  return new Uint8Array(await readFile(path));
}

function notFound(): Response {
  return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
