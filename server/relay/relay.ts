import { declaresBody, readBoundedBody, RELAY_MAX_BODY_BYTES } from './body.ts';
import { createClientSlots, DEFAULT_RELAY_MAX_CONCURRENT, RELAY_BUSY_RETRY_AFTER_SECONDS } from './concurrency.ts';
import { RELAY_RESPONSE_HEADERS, crlRequestHeaders, relayResponseHeaders, upstreamRequestHeaders } from './headers.ts';
import { isCrossSite } from './origin.ts';
import { CRL_PATH, matchCrl, matchRoute } from './routes.ts';
import { DEFAULT_RELAY_TIMEOUT_MS } from './timeout.ts';
import { isMalformedAnswer, readUpstreamAnswer } from './upstream-answer.ts';
import {
  RELAY_ENVIRONMENTS,
  resolveCrlBases,
  resolveUpstreams,
  type RelayEnvironment,
  type RelayUpstreams,
} from './upstreams.ts';

/**
 * Cap of a relayed CRL (src/crypto/crl.ts reads up to the same 4 MiB). KSeF's TEST CRL is a few KB;
 * a production CRL with tens of thousands of entries stays well below.
 */
export const RELAY_MAX_CRL_BYTES = 4 * 1024 * 1024;

/** Everything the relay answers itself; upstream answers pass through unchanged. */
export type RelayErrorCode =
  | 'not-found'
  | 'cross-origin'
  | 'query-not-allowed'
  | 'body-not-allowed'
  | 'body-too-large'
  | 'too-many-requests'
  | 'upstream-timeout'
  | 'upstream-unreachable'
  | 'upstream-invalid'
  | 'client-closed';

/**
 * One line per request. Security property: it holds no body, header value, query value or path
 * parameter (reference numbers, serials) - only the route template.
 */
export interface RelayLogLine {
  readonly method: string;
  /** `null` when the path names no configured environment. */
  readonly environment: RelayEnvironment | null;
  /** The allowlisted template (`/auth/{referenceNumber}`), `null` when nothing matched. */
  readonly route: string | null;
  readonly status: number;
  /** Until the whole answer was read from upstream. */
  readonly durationMs: number;
  /** Set when the relay answered itself. */
  readonly error?: RelayErrorCode;
}

export interface RelayOptions {
  /** Replaces the official base URL per environment; `sandbox` is served only when given here. */
  readonly upstreams?: RelayUpstreams;
  readonly fetch?: typeof fetch;
  /** Deadline for the whole upstream exchange, response body included; default {@link DEFAULT_RELAY_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Cap of the request body and of the upstream answer's body; default {@link RELAY_MAX_BODY_BYTES}. */
  readonly maxBodyBytes?: number;
  /** Cap of a relayed CRL; default {@link RELAY_MAX_CRL_BYTES}. */
  readonly maxCrlBytes?: number;
  /** Relayed calls one client address may have in flight; default {@link DEFAULT_RELAY_MAX_CONCURRENT}. */
  readonly maxConcurrentPerClient?: number;
  readonly log?: (line: RelayLogLine) => void;
}

/**
 * The relay as a fetch-style handler. `clientAddress` is the peer's IP as the server saw it; calls
 * without one share a single count.
 */
export type RelayHandler = (request: Request, clientAddress?: string) => Promise<Response>;

/** Stderr, as JSON: the lint rule keeps stdout for command-line output. */
const defaultLog = (line: RelayLogLine): void => console.warn(JSON.stringify(line));

const PATH = /^\/api\/([a-z]+)\/v2(\/.*)$/;

/**
 * A stateless same-origin relay to the KSeF API (docs/ksef-contract.md §11): `/api/<environment>/v2/<path>`
 * goes to that environment's base URL, but only for the allowlisted operations (see `routes.ts`), and
 * `GET /api/<environment>/security/crl/<name>.crl` to that environment's CRL host (`matchCrl`, at most
 * `maxCrlBytes`); everything else is answered here without an upstream call. No retries (docs/ksef-contract.md §10): every
 * request is sent upstream at most once, and 429 with `Retry-After` goes back to the app as is. At most
 * `maxConcurrentPerClient` calls per client address are in flight; more get 429 `too-many-requests`.
 * A fetch-style handler with no Node APIs, so it runs on Node and on edge runtimes.
 */
export function createRelay(options: RelayOptions = {}): RelayHandler {
  const upstreams = resolveUpstreams(options.upstreams);
  const crlBases = resolveCrlBases(upstreams);
  const maxCrlBytes = options.maxCrlBytes ?? RELAY_MAX_CRL_BYTES;
  const upstreamFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_RELAY_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? RELAY_MAX_BODY_BYTES;
  const slots = createClientSlots(options.maxConcurrentPerClient ?? DEFAULT_RELAY_MAX_CONCURRENT);
  const log = options.log ?? defaultLog;

  return async (request, clientAddress) => {
    const started = performance.now();
    const url = new URL(request.url);
    const api = PATH.exec(url.pathname);
    const crl = api === null ? CRL_PATH.exec(url.pathname) : null;
    const bases = crl === null ? upstreams : crlBases;
    const named = api?.[1] ?? crl?.[1];
    const environment = RELAY_ENVIRONMENTS.find((e) => e === named && bases[e] !== undefined) ?? null;
    const base = environment === null ? undefined : bases[environment];
    const match =
      api?.[2] !== undefined
        ? matchRoute(request.method, api[2], url.searchParams)
        : crl?.[2] !== undefined
          ? matchCrl(request.method, crl[2], url.searchParams)
          : null;
    const maxAnswerBytes = crl === null ? maxBodyBytes : maxCrlBytes;
    let bodyRead = false;

    const finish = (response: Response, route: string | null, error?: RelayErrorCode): Response => {
      const durationMs = Math.round(performance.now() - started);
      const line = { method: request.method, environment, route, status: response.status, durationMs };
      log(error === undefined ? line : { ...line, error });
      return response;
    };
    const refuse = (status: number, error: RelayErrorCode, route: string | null = null): Response => {
      const headers = new Headers(RELAY_RESPONSE_HEADERS);
      // A body left unread would otherwise be read and thrown away by the server to keep the
      // connection: closing it bounds what a refused client can make us receive.
      if (!bodyRead && declaresBody(request.headers)) headers.set('Connection', 'close');
      if (status === 429) headers.set('Retry-After', String(RELAY_BUSY_RETRY_AFTER_SECONDS));
      return finish(Response.json({ error }, { status, headers }), route, error);
    };

    if (base === undefined || match === null || match.kind === 'not-found') return refuse(404, 'not-found');
    if (isCrossSite(request, url)) return refuse(403, 'cross-origin', match.template);
    if (match.kind === 'query-not-allowed') return refuse(400, 'query-not-allowed', match.template);
    if (!match.hasBody && declaresBody(request.headers)) return refuse(413, 'body-not-allowed', match.template);

    const release = slots.take(clientAddress);
    if (release === null) return refuse(429, 'too-many-requests', match.template);
    try {
      let body: Uint8Array<ArrayBuffer> | undefined;
      if (match.hasBody) {
        const read = await readBoundedBody(request, maxBodyBytes);
        if (read.kind === 'too-large') return refuse(413, 'body-too-large', match.template);
        bodyRead = true;
        body = read.bytes;
      }

      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = AbortSignal.any([timeout, request.signal]);
      let answered = false;
      try {
        const upstream = await upstreamFetch(`${base}${match.path}${match.query}`, {
          method: request.method,
          headers: crl === null ? upstreamRequestHeaders(request.headers) : crlRequestHeaders(request.headers),
          body,
          redirect: 'manual',
          signal,
        });
        answered = true;
        const answer = await untilAborted(readUpstreamAnswer(upstream, maxAnswerBytes), signal, () => {
          upstream.body?.cancel().catch(() => undefined);
        });
        if (answer.kind === 'invalid') return refuse(502, 'upstream-invalid', match.template);
        const headers = relayResponseHeaders(answer.headers);
        if (answer.body !== null) headers.set('Content-Length', String(answer.body.byteLength));
        const response = new Response(answer.body, { status: answer.status, headers });
        return finish(response, match.template);
      } catch (cause) {
        if (timeout.aborted) return refuse(504, 'upstream-timeout', match.template);
        // Nobody reads this answer; 499 (nginx's "client closed request") keeps the log line honest.
        if (request.signal.aborted) return refuse(499, 'client-closed', match.template);
        // Fetch reports every network failure (refused, reset, DNS, TLS) and every malformed answer as a
        // TypeError; once the answer has begun, a failure means KSeF got the request.
        if (cause instanceof TypeError) {
          const invalid = answered || isMalformedAnswer(cause);
          return refuse(502, invalid ? 'upstream-invalid' : 'upstream-unreachable', match.template);
        }
        throw cause;
      }
    } finally {
      release();
    }
  };
}

/**
 * `work`, or a rejection as soon as `signal` aborts (after `onAbort`). Fetch's own signal should end
 * the body's stream, but with a gzip-encoded body that is not gzip undici's decoder was seen to leave
 * the read pending forever, which would hold the client's slot for good: the deadline is enforced here too.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, onAbort: () => void): Promise<T> {
  const aborted = () => new Error('The relay gave up on the upstream answer', { cause: signal.reason });
  if (signal.aborted) {
    onAbort();
    return Promise.reject(aborted());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(aborted());
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
