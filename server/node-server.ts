import { getRequestListener, RequestError } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerHandler } from './bindings.ts';
import { rawServerError, serverError, serverErrorResponse, type ServerErrorCode } from './server-errors.ts';

/**
 * The Node HTTP server around a fetch-style handler, answering with the security headers and a coded
 * body also where Node or the adapter would answer on their own: a request Node's parser refuses
 * (400, 408, 431), an `Expect` it does not know (417), a request the adapter cannot turn into a
 * fetch `Request` (a missing or malformed `Host`, 400) and a handler that throws (500).
 * `options` go to `http.createServer` (tests shorten the time limits).
 */
export function createNodeServer(handler: ServerHandler, options: ServerOptions = {}): Server {
  const listener = getRequestListener(handler, {
    errorHandler: (error) => {
      if (error instanceof RequestError) return serverErrorResponse('bad-request', true);
      console.error(error);
      return serverErrorResponse('internal-error');
    },
  });
  // Without a Host, Node would answer 400 itself; the adapter refuses it instead, through errorHandler.
  const server = createServer({ requireHostHeader: false, ...options }, (request, response) => {
    void listener(request, response);
  });
  server.on('clientError', answerClientError);
  server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    const { status, headers, body } = serverError('expectation-failed', true);
    response.writeHead(status, headers).end(body);
  });
  return server;
}

/** Node's own choice of status for a parser error (`socketOnError` in Node's `_http_server.js`). */
function codeForClientError(error: NodeJS.ErrnoException): ServerErrorCode {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return 'headers-too-large';
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 'chunk-extensions-too-large';
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'request-timeout';
    default:
      return 'bad-request';
  }
}

/**
 * Answers a request Node's parser gave up on, as Node would but with our headers, then closes the
 * connection. Like Node, it writes nothing when the peer is gone or a response on this socket has
 * begun already (a second status line would corrupt it).
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // Node's own, not in its types: the response in flight on this socket, if any.
  const inFlight = (socket as { _httpMessage?: { readonly headersSent: boolean } | null })._httpMessage;
  if (
    error.code === 'ECONNRESET' ||
    !socket.writable ||
    (inFlight !== undefined && inFlight !== null && inFlight.headersSent)
  ) {
    socket.destroy();
    return;
  }
  socket.end(rawServerError(codeForClientError(error)), () => socket.destroy());
}
