export type BoundedBody =
  { readonly kind: 'read'; readonly bytes: Uint8Array<ArrayBuffer> } | { readonly kind: 'too-large' };

/**
 * Reads the request body into memory, never more than `maxBytes` (+ one chunk): a declared
 * `Content-Length` above the cap is refused before reading, and a body without one (chunked) is
 * counted while it arrives and the stream is cancelled as soon as it passes the cap. Buffering the
 * capped body lets the relay refuse before any upstream call and send KSeF a plain `Content-Length`.
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<BoundedBody> {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) return { kind: 'too-large' };
  if (request.body === null) return { kind: 'read', bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
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
