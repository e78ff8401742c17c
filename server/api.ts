import { clientAddressOf, type ServerHandler } from './bindings.ts';
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
 * the Vite dev server and `vite preview`. Configured from the environment (`KSEF_UPSTREAM_*`,
 * `KSEF_RELAY_TIMEOUT_MS`, `KSEF_RELAY_MAX_CONCURRENT`, `KSEF_SANDBOX_CONTROL`).
 */
export function createApiHandler(env: NodeJS.ProcessEnv = process.env): ServerHandler {
  // The test controls are mounted only when asked for; otherwise their code is never reached.
  const { exposeControl } = readSandboxOptions(env);
  const sandbox = exposeControl ? createControlledSandbox({ exposeControl }) : createSandbox();
  const relay = createRelay({
    upstreams: readRelayUpstreams(env),
    timeoutMs: readRelayTimeoutMs(env),
    maxConcurrentPerClient: readRelayMaxConcurrent(env),
  });
  return (request, bindings) =>
    isSandboxPath(new URL(request.url).pathname) ? sandbox.handle(request) : relay(request, clientAddressOf(bindings));
}

/** True for the paths `createApiHandler` answers; everything else is the app's static files. */
export function isApiPath(pathname: string): boolean {
  return pathname.startsWith('/api/');
}
