/**
 * Header allowlists in both directions. An allowlist, not a blocklist: cookies, hop-by-hop headers,
 * `Host`, `Origin`, `Referer` and `X-Forwarded-*` never reach KSeF, whatever a browser or a proxy in
 * front of us adds, and nothing KSeF's WAF sets (`Set-Cookie: visid_incap_*`, docs/ksef-contract.md §2) reaches
 * the browser.
 */

/** docs/ksef-contract.md §3.1, §3.2, §11. deploy/nginx/ksef-cert.conf forwards the same (a test compares). */
export const FORWARDED_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'Accept-Language',
  'X-Error-Format',
  'X-KSeF-Feature',
  'X-Test-System-Warning',
] as const;

/**
 * docs/ksef-contract.md §3.2 (`X-System-Warning`), §10 (`Retry-After`). deploy/nginx/ksef-cert-headers.js
 * passes the same (a test compares).
 */
export const PASSED_RESPONSE_HEADERS = ['Content-Type', 'Retry-After', 'X-System-Warning'] as const;

/** Headers on every relay response: KSeF answers carry tokens and must not be cached anywhere. */
export const RELAY_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function upstreamRequestHeaders(incoming: Headers): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

/** A CRL is public: of the browser's headers only `Accept` goes to the CRL host, never `Authorization`. */
export function crlRequestHeaders(incoming: Headers): Headers {
  const headers = new Headers();
  const accept = incoming.get('Accept');
  if (accept !== null) headers.set('Accept', accept);
  return headers;
}

/**
 * The allowlisted upstream headers. `Content-Length` and `Content-Encoding` never pass: the relay
 * sends the body fetch decoded and read whole, and the server frames it with its own length.
 */
export function relayResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers(RELAY_RESPONSE_HEADERS);
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}
