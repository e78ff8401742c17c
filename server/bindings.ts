import type { Http2Bindings, HttpBindings } from '@hono/node-server';

/** What @hono/node-server hands a fetch handler besides the request: Node's own request and response. */
export type ServerBindings = HttpBindings | Http2Bindings;

/** A fetch-style handler of the Node server; `bindings` is absent where no Node server runs it (tests). */
export type ServerHandler = (request: Request, bindings?: ServerBindings) => Promise<Response>;

/** The peer's IP address as the socket saw it: a proxy in front of the server is the one seen. */
export function clientAddressOf(bindings: ServerBindings | undefined): string | undefined {
  return bindings?.incoming.socket.remoteAddress;
}
