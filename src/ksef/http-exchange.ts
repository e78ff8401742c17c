import { KsefError } from './errors';

/** A finished HTTP exchange: status, headers, and the whole body as text. */
export interface HttpExchange {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** One HTTP request, ready to send. */
export interface HttpExchangeRequest {
  readonly url: string;
  readonly method: string;
  /** Below the base URL; used in error messages (never carries a token). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
  /** Limit for the whole exchange, body included. */
  readonly timeoutMs: number;
}

/**
 * The browser's own answer to "is there any network?": `navigator.onLine` is `false` only when it
 * knows there is none (no interface, airplane mode, devtools offline). `true` where there is no
 * navigator (Node).
 */
export function browserOnline(): boolean {
  return globalThis.navigator?.onLine !== false;
}

/** The 'aborted' error of a call whose caller's signal fired. */
export function abortedError(method: string, path: string, cause: unknown): KsefError {
  return new KsefError('aborted', `KSeF ${method} ${path} was cancelled`, { cause });
}

/**
 * Sends one request under its timeout (an `AbortSignal` of our own, linked to the caller's) and reads
 * the body. Fails with 'aborted' (caller's signal), 'offline' (`online()` said no, nothing was sent),
 * 'timeout' or 'network'; an HTTP error status is not a failure here.
 */
export async function exchangeOnce(
  fetchFn: typeof globalThis.fetch,
  request: HttpExchangeRequest,
  online: () => boolean = browserOnline,
): Promise<HttpExchange> {
  const { method, path, signal } = request;
  // A function, so the check reads the signal now (it can fire while fetch runs).
  const callerAborted = (): boolean => signal?.aborted === true;
  if (callerAborted()) throw abortedError(method, path, signal?.reason);
  // Asked before sending, so that 'offline' can promise nothing was sent; a failure after sending is
  // 'network' even when the browser went offline meanwhile (KSeF may have received the request).
  if (!online()) throw new KsefError('offline', `KSeF ${method} ${path} was not sent: the browser is offline`);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetchFn(request.url, {
      method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      // Same-origin relay: no cookies, no redirects that could carry the token elsewhere, no caching.
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (cause) {
    if (callerAborted()) throw abortedError(method, path, cause);
    // fetch rejects with TypeError (network, CORS, redirect) or DOMException (abort); anything else is a bug.
    if (!(cause instanceof TypeError || cause instanceof DOMException)) throw cause;
    if (timedOut)
      throw new KsefError('timeout', `KSeF ${method} ${path} timed out after ${request.timeoutMs} ms`, { cause });
    throw new KsefError('network', `KSeF ${method} ${path} could not be reached`, { cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
