import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

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
 * `index.html` is revalidated on every load so a new release is picked up.
 */
export function staticFiles(root: string): (request: Request) => Promise<Response> {
  const base = normalize(root + sep);
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
    const body = request.method === 'HEAD' ? null : await readFile(file);
    const immutable = pathname.startsWith('/assets/');
    return new Response(body, {
      headers: {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': String(info.size),
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });
  };
}

function notFound(): Response {
  return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
