import { readBoundedStream } from './body.ts';

/**
 * What the relay makes of KSeF's answer. `invalid`: the answer broke HTTP, so it cannot be relayed
 * faithfully, but KSeF received the request and may have acted on it (unlike `unreachable`).
 */
export type UpstreamAnswer =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly headers: Headers;
      readonly body: Uint8Array<ArrayBuffer> | null;
    }
  | { readonly kind: 'invalid' };

/** Fetch and Response allow no body on these statuses. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * RFC 9112 §4: `reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )`, so no control characters. Bytes
 * of obs-text reach us decoded in whichever way fetch chose; the phrase is not relayed, so any
 * character but a control one is accepted.
 */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

/**
 * Reads the whole upstream answer, at most `maxBytes` of (decoded) body. Buffered on purpose: a body
 * cut short, malformed chunking or an oversized answer then becomes the relay's coded 502 instead of
 * a response that breaks off halfway, and a body that stalls past the deadline a clean 504. A status
 * outside 200-599 (which no fetch `Response` can carry) or a reason phrase with control characters
 * is `invalid` too. Errors of the body stream (a connection cut short, malformed chunking, the
 * deadline, the browser going away) are thrown as they are, for the caller to name.
 */
export async function readUpstreamAnswer(upstream: Response, maxBytes: number): Promise<UpstreamAnswer> {
  if (upstream.status < 200 || upstream.status > 599 || hasControlCharacter(upstream.statusText)) {
    await upstream.body?.cancel();
    return { kind: 'invalid' };
  }
  if (NULL_BODY_STATUSES.has(upstream.status)) {
    await upstream.body?.cancel();
    return { kind: 'answer', status: upstream.status, headers: upstream.headers, body: null };
  }
  const read = await readBoundedStream(upstream.body, maxBytes);
  if (read.kind === 'too-large') return { kind: 'invalid' };
  return { kind: 'answer', status: upstream.status, headers: upstream.headers, body: read.bytes };
}

/**
 * Errors of undici's HTTP parser (llhttp, `HPE_*`) and its own protocol checks: the upstream
 * answered, but not in HTTP (duplicated or malformed `Content-Length`, `Content-Length` with
 * chunking, a malformed status line or header, a 1xx where the final answer belongs).
 */
const MALFORMED_CODES = /^(HPE_[A-Z_]+|ERR_ASSERTION)$/;
const MALFORMED_SOCKET_MESSAGES = new Set(['bad response', 'bad upgrade']);

/**
 * True when a fetch failure means the upstream's answer was malformed rather than that the
 * connection failed: fetch reports both as `TypeError('fetch failed')`, the difference is in `cause`.
 */
export function isMalformedAnswer(failure: TypeError): boolean {
  const cause: unknown = failure.cause;
  if (!(cause instanceof Error)) return false;
  const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : '';
  return MALFORMED_CODES.test(code) || (code === 'UND_ERR_SOCKET' && MALFORMED_SOCKET_MESSAGES.has(cause.message));
}
