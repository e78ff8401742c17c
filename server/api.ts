import { clientAddressOf, type ServerHandler } from './bindings.ts';
import { sandboxEnabled } from './config.ts';
import { readRelayMaxConcurrent } from './relay/concurrency.ts';
import { createRelay } from './relay/relay.ts';
import { readRelayTimeoutMs } from './relay/timeout.ts';
import { readRelayUpstreams } from './relay/upstreams.ts';
import { isSandboxPath, readSandboxOptions } from './sandbox/config.ts';
import { createControlledSandbox } from './sandbox/control/controlled-sandbox.ts';
import { createSandbox } from './sandbox/sandbox.ts';

/**
 * Everything the server answers under `/api/`: the in-memory local KSeF sandbox at `/api/sandbox/...`
 * and the KSeF relay at `/api/<env>/v2/...` (allowlisted calls only). One composition for `npm start`,
 * the Vite dev server and `vite preview`. Configured from the environment (`KSEF_SANDBOX`,
 * `KSEF_UPSTREAM_*`, `KSEF_RELAY_TIMEOUT_MS`, `KSEF_RELAY_MAX_CONCURRENT`, `KSEF_SANDBOX_CONTROL`).
 *
 * The sandbox is mounted only with `KSEF_SANDBOX=1` (`decideSandbox` in config.ts sets it for a
 * loopback `npm start`); without it `/api/sandbox/...` goes to the relay, which has no such
 * environment and answers 404 `not-found`, the answer the app reads as "this server does not offer it".
 */
export function createApiHandler(env: NodeJS.ProcessEnv = process.env): ServerHandler {
  const relay = createRelay({
    upstreams: readRelayUpstreams(env),
    timeoutMs: readRelayTimeoutMs(env),
    maxConcurrentPerClient: readRelayMaxConcurrent(env),
  });
  const relayed: ServerHandler = (request, bindings) => relay(request, clientAddressOf(bindings));
  if (!sandboxEnabled(env)) return relayed;
  // The test controls are mounted only when asked for; otherwise their code is never reached.
  const { exposeControl } = readSandboxOptions(env);
  const sandbox = exposeControl ? createControlledSandbox({ exposeControl }) : createSandbox();
  return (request, bindings) =>
    isSandboxPath(new URL(request.url).pathname) ? sandbox.handle(request) : relayed(request, bindings);
}

/** True for the paths `createApiHandler` answers; everything else is the app's static files. */
export function isApiPath(pathname: string): boolean {
  return pathname.startsWith('/api/');
}
