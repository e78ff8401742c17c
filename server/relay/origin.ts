/**
 * True when a browser tells us the request comes from another site's page. The relay is same-origin
 * by design and sends no CORS headers, so such a page could never read the answer - but it could
 * still make visitors' browsers send "simple" requests through our IP, and KSeF counts rate limits
 * and abuse per client IP (docs/ksef-contract.md §10). Requests without these headers (curl, server-side
 * clients) are not refused: this is a guard against cross-site pages, not access control.
 *
 * Only the host (with port) is compared, not the scheme: behind a TLS-terminating proxy the request
 * URL says `http:` while the browser's `Origin` says `https:`. An opaque `Origin: null` (sandboxed
 * frames, `file:`) is refused.
 */
export function isCrossSite(request: Request, url: URL): boolean {
  const origin = request.headers.get('Origin');
  if (origin !== null) return hostOf(origin) !== url.host;
  const site = request.headers.get('Sec-Fetch-Site');
  return site === 'cross-site' || site === 'same-site';
}

function hostOf(origin: string): string | null {
  if (!URL.canParse(origin)) return null;
  return new URL(origin).host;
}
