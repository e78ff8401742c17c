import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SAME_ORIGIN, type ProbeRequest, type RelayProbe } from './probe.ts';
import type { SeenRequest } from './upstream.ts';

/** What the client got back. */
export interface Observed {
  readonly status: number;
  /** Lower-case names, repeats kept. */
  readonly headers: readonly (readonly [string, string])[];
  /** Decoded by its Content-Encoding, read as latin1 (bytes stay bytes). */
  readonly body: string;
}

/**
 * Sends `probe` with node:http, which sends what it is told (a GET body, chunked framing, an
 * unnormalised path), unlike fetch. A relay may answer before it has read a large body and close;
 * the answer counts, the broken write does not.
 */
export function sendProbe(
  origin: string,
  { method, path, headers = {}, body, chunked }: ProbeRequest,
): Promise<Observed> {
  const { hostname, port } = new URL(origin);
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) sent[name] = value.replaceAll(SAME_ORIGIN, origin);
  if (body !== undefined) {
    if (chunked === true) sent['Transfer-Encoding'] = 'chunked';
    else sent['Content-Length'] = String(Buffer.byteLength(body, 'latin1'));
  }
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, method, path, headers: sent, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const decoded = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
        const pairs: [string, string][] = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          pairs.push([response.rawHeaders[i]?.toLowerCase() ?? '', response.rawHeaders[i + 1] ?? '']);
        }
        resolve({ status: response.statusCode ?? 0, headers: pairs, body: decoded.toString('latin1') });
      });
    });
    request.setTimeout(10_000, () => request.destroy(new Error(`${method} ${path}: no answer in 10 s`)));
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (body !== undefined) request.write(body, 'latin1');
    request.end();
  });
}

/** Everything `observed` and `seen` break of the probe's expectation; empty when it passed. */
export function probeProblems(
  probe: RelayProbe,
  origin: string,
  observed: Observed,
  seen: readonly SeenRequest[],
): string[] {
  const { expect } = probe;
  const problems: string[] = [];
  const values = (name: string) => observed.headers.filter(([n]) => n === name.toLowerCase()).map(([, v]) => v);

  if (observed.status !== expect.status) problems.push(`status ${observed.status}, expected ${expect.status}`);
  if (expect.error !== undefined) {
    if (observed.body !== JSON.stringify({ error: expect.error }))
      problems.push(`body ${JSON.stringify(observed.body.slice(0, 80))}, expected {"error":"${expect.error}"}`);
    if (seen.length !== 0) problems.push(`KSeF was called ${seen.length} time(s)`);
  }
  if (expect.notRelayed === true && seen.length !== 0) problems.push(`KSeF was called ${seen.length} time(s)`);
  const { forwarded } = expect;
  if (forwarded !== undefined) {
    const [only] = seen;
    if (seen.length !== 1 || only === undefined) problems.push(`KSeF was called ${seen.length} times, expected once`);
    else {
      if (only.url !== forwarded.path) problems.push(`KSeF got ${only.url}, expected ${forwarded.path}`);
      for (const [name, value] of Object.entries(forwarded.headers ?? {})) {
        const got = only.headers[name.toLowerCase()];
        if (got !== value) problems.push(`KSeF got ${name}: ${String(got)}, expected ${value}`);
      }
      for (const name of forwarded.withheld ?? []) {
        const sent = probe.request.headers?.[name]?.replaceAll(SAME_ORIGIN, origin);
        const got = only.headers[name.toLowerCase()];
        if (sent !== undefined && got !== undefined && String(got).includes(sent))
          problems.push(`KSeF got the client's ${name}: ${String(got)}`);
      }
      if (forwarded.body !== undefined && only.body !== forwarded.body)
        problems.push(`KSeF got a body of ${only.body.length} bytes, expected ${forwarded.body.length}`);
    }
  }
  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    const got = values(name);
    if (got.length !== 1 || got[0] !== value) problems.push(`${name}: ${JSON.stringify(got)}, expected ${value}`);
  }
  for (const [name, value] of Object.entries(expect.withheld ?? {})) {
    if (values(name).some((got) => got.includes(value))) problems.push(`KSeF's ${name} reached the client`);
  }
  if (expect.body !== undefined && observed.body !== expect.body)
    problems.push(`body ${JSON.stringify(observed.body.slice(0, 80))}, expected ${JSON.stringify(expect.body)}`);
  return problems;
}
