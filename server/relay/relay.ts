import { readBoundedBody } from './body.ts';
import { RELAY_RESPONSE_HEADERS, relayResponseHeaders, upstreamRequestHeaders } from './headers.ts';
import { isCrossSite } from './origin.ts';
import { matchRoute } from './routes.ts';
import { DEFAULT_RELAY_TIMEOUT_MS } from './timeout.ts';
import { RELAY_ENVIRONMENTS, resolveUpstreams, type RelayEnvironment, type RelayUpstreams } from './upstreams.ts';

/** Everything the relay answers itself; upstream answers pass through unchanged. */
export type RelayErrorCode =
  | 'not-found'
  | 'cross-origin'
  | 'query-not-allowed'
  | 'body-too-large'
  | 'upstream-timeout'
  | 'upstream-unreachable'
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
  /** Until the response headers (the body then streams). */
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
  readonly maxBodyBytes?: number;
  readonly log?: (line: RelayLogLine) => void;
}

/** Stderr, as JSON: the lint rule keeps stdout for command-line output. */
const defaultLog = (line: RelayLogLine): void => console.warn(JSON.stringify(line));

const PATH = /^\/api\/([a-z]+)\/v2(\/.*)$/;

/** Fetch and Response allow no body on these statuses. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A stateless same-origin relay to the KSeF API (docs/ksef-contract.md §11): `/api/<environment>/v2/<path>`
 * goes to that environment's base URL, but only for the allowlisted operations (see `routes.ts`);
 * everything else is answered here without an upstream call. No retries (docs/ksef-contract.md §10): every
 * request is sent upstream at most once, and 429 with `Retry-After` goes back to the app as is.
 * A fetch-style handler with no Node APIs, so it runs on Node and on edge runtimes.
 */
export function createRelay(options: RelayOptions = {}): (request: Request) => Promise<Response> {
  const upstreams = resolveUpstreams(options.upstreams);
  const upstreamFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_RELAY_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const log = options.log ?? defaultLog;

  return async (request) => {
    const started = performance.now();
    const url = new URL(request.url);
    const parts = PATH.exec(url.pathname);
    const environment = RELAY_ENVIRONMENTS.find((e) => e === parts?.[1] && upstreams[e] !== undefined) ?? null;
    const base = environment === null ? undefined : upstreams[environment];
    const match = parts?.[2] === undefined ? null : matchRoute(request.method, parts[2], url.searchParams);

    const finish = (response: Response, route: string | null, error?: RelayErrorCode): Response => {
      const durationMs = Math.round(performance.now() - started);
      const line = { method: request.method, environment, route, status: response.status, durationMs };
      log(error === undefined ? line : { ...line, error });
      return response;
    };
    const refuse = (status: number, error: RelayErrorCode, route: string | null = null): Response =>
      finish(errorResponse(status, error), route, error);

    if (base === undefined || match === null || match.kind === 'not-found') return refuse(404, 'not-found');
    if (isCrossSite(request, url)) return refuse(403, 'cross-origin', match.template);
    if (match.kind === 'query-not-allowed') return refuse(400, 'query-not-allowed', match.template);

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (match.hasBody) {
      const read = await readBoundedBody(request, maxBodyBytes);
      if (read.kind === 'too-large') return refuse(413, 'body-too-large', match.template);
      body = read.bytes;
    }

    const timeout = AbortSignal.timeout(timeoutMs);
    let upstream: Response;
    try {
      upstream = await upstreamFetch(`${base}${match.path}${match.query}`, {
        method: request.method,
        headers: upstreamRequestHeaders(request.headers),
        body,
        redirect: 'manual',
        signal: AbortSignal.any([timeout, request.signal]),
      });
    } catch (cause) {
      if (timeout.aborted) return refuse(504, 'upstream-timeout', match.template);
      // Nobody reads this answer; 499 (nginx's "client closed request") keeps the log line honest.
      if (request.signal.aborted) return refuse(499, 'client-closed', match.template);
      // Fetch reports every network failure (refused, reset, DNS, TLS) as a TypeError.
      if (cause instanceof TypeError) return refuse(502, 'upstream-unreachable', match.template);
      throw cause;
    }

    const passBody = !NULL_BODY_STATUSES.has(upstream.status);
    if (!passBody) await upstream.body?.cancel();
    const response = new Response(passBody ? upstream.body : null, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: relayResponseHeaders(upstream.headers),
    });
    return finish(response, match.template);
  };
}

function errorResponse(status: number, error: RelayErrorCode): Response {
  return Response.json({ error }, { status, headers: RELAY_RESPONSE_HEADERS });
}
