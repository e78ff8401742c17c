/**
 * The most a KSeF exchange carries either way, request or answer. The largest real ones are a signed
 * `AuthTokenRequest` (a few KB), a CSR, and ten certificates from `/certificates/retrieve` (about
 * 30 KB, docs/ksef-contract.md §5.5): 1 MiB leaves room and keeps a relayed call's memory small.
 */
export const RELAY_MAX_BODY_BYTES = 1024 * 1024;

export type BoundedBody =
  { readonly kind: 'read'; readonly bytes: Uint8Array<ArrayBuffer> } | { readonly kind: 'too-large' };

/**
 * True when the request says a body follows (`Transfer-Encoding`, or a `Content-Length` other than 0),
 * whether or not anything has read it. For GET and HEAD a fetch `Request` never exposes the body, so
 * the headers are the only way to see one the client is still sending.
 */
export function declaresBody(headers: Headers): boolean {
  const length = headers.get('Content-Length');
  return headers.has('Transfer-Encoding') || (length !== null && !/^0+$/.test(length.trim()));
}

/**
 * Reads the request body into memory, never more than `maxBytes` (+ one chunk): a declared
 * `Content-Length` above the cap is refused before reading, and a body without one (chunked) is
 * counted while it arrives and the stream is cancelled as soon as it passes the cap. Buffering the
 * capped body lets the relay refuse before any upstream call and send KSeF a plain `Content-Length`.
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<BoundedBody> {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) return { kind: 'too-large' };
  return readBoundedStream(request.body, maxBytes);
}

/**
 * Reads `stream` to its end, or cancels it as soon as more than `maxBytes` arrived. Errors of the
 * stream (a connection cut short, an abort) are thrown as they are.
 */
export async function readBoundedStream(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<BoundedBody> {
  if (stream === null) return { kind: 'read', bytes: new Uint8Array(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { kind: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'read', bytes };
}
