import { STATUS_CODES } from 'node:http';
import { SECURITY_HEADERS } from './security-headers.ts';

/**
 * What the server refuses itself, outside the relay, each with one status. The body is
 * `{"error": "<code>"}` like the relay's, so every refusal is told apart by its code.
 */
export const SERVER_ERRORS = {
  /** A request Node's parser could not read (request line, header syntax), or without `Host`. */
  'bad-request': 400,
  /** The request's headers or body did not arrive within the server's time limit. */
  'request-timeout': 408,
  /** A body on a route that takes none (static files, GET and HEAD). */
  'body-not-allowed': 413,
  /** Chunk extensions past Node's limit. */
  'chunk-extensions-too-large': 413,
  /** An `Expect` other than `100-continue`. */
  'expectation-failed': 417,
  /** A `Host` the server was not told to answer for (`server/host-check.ts`). */
  'host-not-allowed': 421,
  /** Request headers past Node's limit (16 KiB by default). */
  'headers-too-large': 431,
  /** A failure of our own code. */
  'internal-error': 500,
} as const;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;

/** One refusal: status, headers (the security headers, no caching) and the coded JSON body. */
export interface ServerError {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The refusal for `code`; `close` ends the connection (a body was left unread, or cannot be parsed). */
export function serverError(code: ServerErrorCode, close = false): ServerError {
  const body = JSON.stringify({ error: code });
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  };
  if (close) headers.Connection = 'close';
  return { status: SERVER_ERRORS[code], headers, body };
}

/** The refusal as a fetch `Response`. */
export function serverErrorResponse(code: ServerErrorCode, close = false): Response {
  const { status, headers, body } = serverError(code, close);
  return new Response(body, { status, headers });
}

/**
 * The refusal as raw HTTP/1.1 bytes, for the socket Node's parser gave up on; always closes the
 * connection, since what follows on it cannot be parsed.
 */
export function rawServerError(code: ServerErrorCode): string {
  const { status, headers, body } = serverError(code, true);
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n${body}`;
}
