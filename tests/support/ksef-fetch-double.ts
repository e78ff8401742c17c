/**
 * An in-memory KSeF for tests: a `fetch` that answers from per-route queues and records every request.
 * Routes are named by their `open-api.json` path template and method, and reply bodies are typed by the
 * generated contract types, so a double cannot drift from the contract at compile time;
 * `contractViolations()` checks the same at run time with ajv (see open-api-contract.ts).
 */
import type { paths } from '../../src/ksef/generated/open-api';
import { contractViolations, findOperation, type ContractExchange } from './open-api-contract';

type Method = 'get' | 'post' | 'delete';
type Responses<P extends keyof paths, M extends Method> =
  NonNullable<paths[P][M]> extends { responses: infer R } ? R : never;
type Content<P extends keyof paths, M extends Method, S> = S extends keyof Responses<P, M>
  ? Responses<P, M>[S] extends { content: infer C }
    ? C
    : never
  : never;
type JsonBody<P extends keyof paths, M extends Method, S> =
  Content<P, M, S> extends { 'application/json': infer B } ? B : never;
type ProblemBody<P extends keyof paths, M extends Method, S> =
  Content<P, M, S> extends { 'application/problem+json': infer B } ? B : never;
type Status<P extends keyof paths, M extends Method> = keyof Responses<P, M> & number;

/** A request as the double received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  /** Below the base URL, e.g. `/auth/challenge`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly body: string | undefined;
  readonly init: RequestInit;
}

type Reply =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: string;
      readonly offContract: boolean;
    }
  | { readonly kind: 'network-error' }
  | { readonly kind: 'hang' };

/** Queues replies for one route; each request takes the next one. */
export interface Route<P extends keyof paths, M extends Method> {
  /** An `application/json` reply, typed by the contract. */
  json<S extends Status<P, M>>(status: S, body: JsonBody<P, M, S>, headers?: Record<string, string>): Route<P, M>;
  /** An `application/problem+json` reply, typed by the contract. */
  problem<S extends Status<P, M>>(status: S, body: ProblemBody<P, M, S>, headers?: Record<string, string>): Route<P, M>;
  /** 204 No Content. */
  noContent(headers?: Record<string, string>): Route<P, M>;
  /** A reply outside the contract on purpose (a gateway's 503, a malformed body); exempt from the contract check. */
  offContract(status: number, body: string, headers?: Record<string, string>): Route<P, M>;
  /** `fetch` rejects with a TypeError, as on a dropped connection. */
  networkError(): Route<P, M>;
  /** Never answers; rejects only when the request's signal aborts (a stalled connection). */
  hang(): Route<P, M>;
}

/** The double: its `fetch`, what it saw, and the routes to script. */
export interface KsefFetchDouble {
  readonly baseUrl: string;
  readonly fetch: typeof globalThis.fetch;
  readonly requests: RecordedRequest[];
  readonly exchanges: ContractExchange[];
  /** Requests no route had a reply for. */
  readonly unexpected: string[];
  on<P extends keyof paths, M extends Method>(method: M, path: P): Route<P, M>;
  /** Requests to one route template, in order. */
  callsTo(method: Method, path: keyof paths): RecordedRequest[];
  /** Every contract violation in the exchanges so far, plus unexpected requests. */
  violations(): string[];
}

function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  throw new Error('the KSeF client only sends string bodies');
}

/** Creates a double serving `baseUrl` (default: the TEST relay path of a made-up origin). */
export function createKsefFetchDouble(baseUrl = 'https://app.example/api/test/v2'): KsefFetchDouble {
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const queues = new Map<string, Reply[]>();
  const requests: RecordedRequest[] = [];
  const exchanges: ContractExchange[] = [];
  const unexpected: string[] = [];
  const routeKey = (method: string, template: string): string => `${method.toUpperCase()} ${template}`;

  function route<P extends keyof paths, M extends Method>(method: M, path: P): Route<P, M> {
    const queue = queues.get(routeKey(method, path)) ?? [];
    queues.set(routeKey(method, path), queue);
    const respond = (
      status: number,
      body: string,
      headers: Record<string, string>,
      offContract: boolean,
    ): Route<P, M> => {
      queue.push({ kind: 'response', status, body, headers, offContract });
      return self;
    };
    const self: Route<P, M> = {
      json: (status, body, headers = {}) =>
        respond(status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8', ...headers }, false),
      problem: (status, body, headers = {}) =>
        respond(
          status,
          JSON.stringify(body),
          { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
          false,
        ),
      noContent: (headers = {}) => respond(204, '', headers, false),
      offContract: (status, body, headers = {}) => respond(status, body, headers, true),
      networkError: () => {
        queue.push({ kind: 'network-error' });
        return self;
      },
      hang: () => {
        queue.push({ kind: 'hang' });
        return self;
      },
    };
    return self;
  }

  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    const request: RecordedRequest = {
      method,
      url,
      path,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: bodyText(init.body),
      init,
    };
    requests.push(request);
    const exchange = {
      method,
      path,
      query: url.searchParams,
      requestHeaders: request.headers,
      requestBody: request.body,
    };
    const template = findOperation(method, path)?.template;
    const reply = template === undefined ? undefined : queues.get(routeKey(method, template))?.shift();
    if (reply === undefined) {
      unexpected.push(`${method} ${path}: no reply scripted`);
      exchanges.push(exchange);
      throw new TypeError(`no reply scripted for ${method} ${path}`);
    }
    if (reply.kind === 'network-error') {
      exchanges.push(exchange);
      throw new TypeError('Failed to fetch');
    }
    if (reply.kind === 'hang') {
      exchanges.push(exchange);
      return new Promise<Response>((_, reject) => {
        const signal = init.signal;
        const fail = (): void => reject(new DOMException('The operation was aborted.', 'AbortError'));
        if (signal?.aborted === true) fail();
        signal?.addEventListener('abort', fail, { once: true });
      });
    }
    const headers = new Headers(reply.headers);
    exchanges.push({
      ...exchange,
      response: { status: reply.status, headers, body: reply.body },
      responseOffContract: reply.offContract,
    });
    return new Response(reply.status === 204 ? null : reply.body, { status: reply.status, headers });
  };

  return {
    baseUrl,
    fetch,
    requests,
    exchanges,
    unexpected,
    on: route,
    callsTo: (method, path) =>
      requests.filter((r) => findOperation(r.method, r.path)?.template === path && r.method === method.toUpperCase()),
    violations: () => [...unexpected, ...exchanges.flatMap(contractViolations)],
  };
}
