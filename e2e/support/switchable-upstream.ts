import { createConnection, createServer, type Socket } from 'node:net';

/**
 * KSeF TEST as the e2e server's relay sees it: `playwright.config.ts` points `KSEF_UPSTREAM_TEST` at
 * this TCP forwarder, which pipes every connection on to the same server's `/api/sandbox/v2`. A spec
 * switches it off and on: switched off, nothing listens on the port, so the relay's connection is
 * refused, exactly as when KSeF cannot be reached. Ports as in `playwright.config.ts`: the server on
 * `E2E_PORT`, the forwarder 5 above it.
 */
export const APP_PORT = Number(process.env.E2E_PORT ?? 4173);
export const UPSTREAM_FORWARDER_PORT = APP_PORT + 5;
const HOST = '127.0.0.1';

export interface SwitchableUpstream {
  /** Listens (again); resolves once connections are accepted. */
  start(): Promise<void>;
  /** Stops listening and cuts every open connection, both ways; resolves once the port is free. */
  stop(): Promise<void>;
  /** Connections accepted so far, over every start. */
  readonly connections: number;
}

export function switchableUpstream(
  port: number = UPSTREAM_FORWARDER_PORT,
  target: number = APP_PORT,
): SwitchableUpstream {
  const open = new Set<Socket>();
  let connections = 0;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = createServer((client) => {
    connections++;
    const upstream = createConnection({ host: HOST, port: target });
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    // A reset on one side ends the other; the errors themselves are the point of the exercise.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });

  return {
    start: () =>
      new Promise((resolve, reject) => {
        if (server.listening) {
          resolve();
          return;
        }
        server.once('error', reject);
        server.listen(port, HOST, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    stop: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        for (const socket of open) socket.destroy();
      }),
    get connections() {
      return connections;
    },
  };
}
