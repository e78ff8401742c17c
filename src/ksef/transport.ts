import type { z } from 'zod/mini';
import { ksefErrorFromResponse } from './error-body';
import { KsefError } from './errors';
import { abortedError, browserOnline, exchangeOnce, type HttpExchange } from './http-exchange';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isTransient, parseRetryAfter, type RetryPolicy } from './retry';
import { sleep as realSleep, type Sleep } from './sleep';
import { parseSystemWarnings, SYSTEM_WARNING_HEADER, type SystemWarning } from './system-warning';
import { refreshAccessToken } from './token-refresh';
import type { KsefTokenStore } from './token-store';
import type { KsefAuth, KsefRequest, KsefTransport } from './transport-types';

/** Where a warning came from. */
export interface KsefCallSite {
  readonly method: string;
  readonly path: string;
}

/** Seams and settings of the transport; every one has a default. */
export interface KsefTransportOptions {
  /** API base, e.g. `relayBaseUrl('test', location.origin)`; no trailing slash needed. */
  readonly baseUrl: string;
  /** Default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch;
  /** Every wait (backoff, `Retry-After`) goes through it. Default: the real timer. */
  readonly sleep?: Sleep;
  /** Clock for `Retry-After` given as an HTTP-date. Default: `new Date()`. */
  readonly now?: () => Date;
  /** Limit for one HTTP exchange, body included. Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Whether the browser has a network at all; asked before each request. Default `navigator.onLine`. */
  readonly online?: () => boolean;
  readonly retry?: Partial<RetryPolicy>;
  /** Receives the parsed `X-System-Warning` header of any response that carries one. */
  readonly onWarning?: (warnings: readonly SystemWarning[], site: KsefCallSite) => void;
  /** Told before each wait after HTTP 429 (`Retry-After`, or the backoff), so the UI can say it is waiting. */
  readonly onRateLimitWait?: (waitMs: number, site: KsefCallSite) => void;
}

/** Default limit of one HTTP exchange. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

function describeIssues(error: z.core.$ZodError): string {
  // Paths and issue codes only: values could be tokens.
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
}

function urlOf(baseUrl: string, request: KsefRequest): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) query.set(name, String(value));
  }
  const search = query.toString() === '' ? '' : `?${query.toString()}`;
  return `${baseUrl.replace(/\/+$/, '')}${request.path}${search}`;
}

/** Creates a transport; see {@link KsefTransportOptions} for the defaults. */
export function createKsefTransport(options: KsefTransportOptions): KsefTransport {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const online = options.online ?? browserOnline;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  // One refresh at a time per session, shared by the calls that met the same expired token (it runs
  // under the first caller's signal).
  const refreshing = new WeakMap<KsefTokenStore, Promise<void>>();

  async function wait(ms: number, request: KsefRequest): Promise<void> {
    try {
      await sleep(ms, request.signal);
    } catch (cause) {
      if (request.signal?.aborted === true) throw abortedError(request.method, request.path, cause);
      throw cause;
    }
  }

  function bearerOf(auth: KsefAuth): string | undefined {
    if (auth.kind === 'token') return auth.token;
    if (auth.kind === 'session') return auth.session.accessToken.token;
    return undefined;
  }

  /** One HTTP exchange of `request` with `bearer`. */
  async function exchange(request: KsefRequest, bearer: string | undefined): Promise<HttpExchange> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Error-Format': 'problem-details',
      ...request.headers,
    };
    if (bearer !== undefined) headers.Authorization = `Bearer ${bearer}`;
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['Content-Type'] = request.body.contentType;
      body = request.body.contentType === 'application/json' ? JSON.stringify(request.body.json) : request.body.text;
    }
    const url = urlOf(options.baseUrl, request);
    return exchangeOnce(
      fetchFn,
      { url, method: request.method, path: request.path, headers, body, signal: request.signal, timeoutMs },
      online,
    );
  }

  async function renewAccessToken(
    session: KsefTokenStore,
    staleToken: string | undefined,
    signal?: AbortSignal,
  ): Promise<void> {
    if (session.accessToken.token !== staleToken) return; // another call refreshed it meanwhile
    let pending = refreshing.get(session);
    if (pending === undefined) {
      pending = refreshAccessToken(transport, session.refreshToken.token, signal)
        .then((refreshed) => {
          session.accessToken = refreshed.accessToken;
        })
        .finally(() => refreshing.delete(session));
      refreshing.set(session, pending);
    }
    await pending;
  }

  /** Sends until success or a final failure; returns the successful exchange. */
  async function send(request: KsefRequest): Promise<HttpExchange> {
    let transientRetries = 0;
    let rateLimitRetries = 0;
    let refreshed = false;
    for (;;) {
      const bearer = bearerOf(request.auth);
      let response: HttpExchange;
      try {
        response = await exchange(request, bearer);
      } catch (error) {
        const transient = error instanceof KsefError && isTransient(error);
        if (!transient || !request.idempotent || transientRetries >= policy.maxTransientRetries) throw error;
        await wait(backoffDelayMs(policy, transientRetries++), request);
        continue;
      }
      const warnings = parseSystemWarnings(response.headers.get(SYSTEM_WARNING_HEADER));
      if (warnings.length > 0) options.onWarning?.(warnings, { method: request.method, path: request.path });
      const { status } = response;
      if (status >= 200 && status <= 299) return response;
      const failure = { method: request.method, path: request.path, status, bodyText: response.text };
      if (status === 429) {
        const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'), now());
        const tooLong = retryAfterSeconds !== undefined && retryAfterSeconds > policy.maxRetryAfterSeconds;
        if (tooLong || rateLimitRetries >= policy.maxRateLimitRetries)
          throw ksefErrorFromResponse({ ...failure, retryAfterSeconds });
        const waitMs = Math.max((retryAfterSeconds ?? 0) * 1000, backoffDelayMs(policy, rateLimitRetries++));
        options.onRateLimitWait?.(waitMs, { method: request.method, path: request.path });
        await wait(waitMs, request);
        continue;
      }
      if (status === 401 && request.auth.kind === 'session' && !refreshed) {
        refreshed = true;
        await renewAccessToken(request.auth.session, bearer, request.signal);
        continue;
      }
      const error = ksefErrorFromResponse(failure);
      if (isTransient(error) && request.idempotent && transientRetries < policy.maxTransientRetries) {
        await wait(backoffDelayMs(policy, transientRetries++), request);
        continue;
      }
      throw error;
    }
  }

  const transport: KsefTransport = {
    async json<T>(request: KsefRequest, schema: z.ZodMiniType<T>): Promise<T> {
      const { status, text } = await send(request);
      const site = `KSeF ${request.method} ${request.path}`;
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (cause) {
        if (!(cause instanceof SyntaxError)) throw cause;
        throw new KsefError('invalid-response', `${site} answered with a body that is not JSON`, { status, cause });
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        throw new KsefError('invalid-response', `${site} answered off contract: ${describeIssues(parsed.error)}`, {
          status,
          cause: parsed.error,
        });
      }
      return parsed.data;
    },
    async empty(request: KsefRequest): Promise<void> {
      await send(request);
    },
  };
  return transport;
}
