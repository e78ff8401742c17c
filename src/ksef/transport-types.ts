/**
 * The shape of a KSeF call and of the transport that sends it, apart from the transport's code: the
 * operations (token-refresh.ts among them) need these types, and transport.ts needs token-refresh.ts,
 * so keeping them here keeps the imports free of cycles.
 */
import type { z } from 'zod/mini';
import type { KsefTokenStore } from './token-store';

/** Which bearer token a call carries (docs/ksef-contract.md §3.1). */
export type KsefAuth =
  /** challenge, xades-signature. */
  | { readonly kind: 'none' }
  /** authenticationToken (auth status, redeem) or refreshToken (refresh, logout), sent as is. */
  | { readonly kind: 'token'; readonly token: string }
  /** The session's accessToken; on HTTP 401 refreshed once through its refreshToken, then retried once. */
  | { readonly kind: 'session'; readonly session: KsefTokenStore };

/** A request body; the XML of xades-signature is sent verbatim (re-serialising breaks its digests). */
export type KsefRequestBody =
  | { readonly contentType: 'application/json'; readonly json: unknown }
  | { readonly contentType: 'application/xml'; readonly text: string };

/** One KSeF call, as the operations describe it. */
export interface KsefRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Below the base URL, starting with `/`, path parameters already validated and encoded. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly auth: KsefAuth;
  readonly body?: KsefRequestBody;
  /** True when repeating the call cannot do anything twice: then network errors and 5xx are retried. */
  readonly idempotent: boolean;
  readonly signal?: AbortSignal | undefined;
}

/** Sends {@link KsefRequest}s: headers, timeout, retries, token refresh, zod on the response. */
export interface KsefTransport {
  /** A call answered with a JSON body, checked by `schema`. */
  json<T>(request: KsefRequest, schema: z.ZodMiniType<T>): Promise<T>;
  /** A call answered with 204 No Content (any body is ignored). */
  empty(request: KsefRequest): Promise<void>;
}
