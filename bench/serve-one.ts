import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { ServerHandler } from '../server/bindings.ts';

/**
 * One server of the relay load test, in a process of its own so its memory can be read alone:
 * `sandbox` or `relay` (pointed at the sandbox by KSEF_UPSTREAM_TEST). Each role imports only its own
 * code. Quiet: no per-request log. Prints its port on stdout once listening, on loopback only.
 */
const role = process.argv[2];
const quiet = (): void => undefined;

async function handlerFor(name: string | undefined): Promise<ServerHandler> {
  if (name === 'sandbox') {
    const { createSandbox } = await import('../server/sandbox/sandbox.ts');
    const sandbox = createSandbox({ log: quiet });
    return (request) => sandbox.handle(request);
  }
  if (name === 'relay') {
    const [{ createRelay }, { readRelayUpstreams }, { readRelayMaxConcurrent }, { clientAddressOf }] =
      await Promise.all([
        import('../server/relay/relay.ts'),
        import('../server/relay/upstreams.ts'),
        import('../server/relay/concurrency.ts'),
        import('../server/bindings.ts'),
      ]);
    const relay = createRelay({
      upstreams: readRelayUpstreams(),
      maxConcurrentPerClient: readRelayMaxConcurrent(),
      log: quiet,
    });
    return (request, bindings) => relay(request, clientAddressOf(bindings));
  }
  throw new Error('usage: serve-one.ts sandbox|relay');
}

const server = serve({ fetch: await handlerFor(role), hostname: '127.0.0.1', port: 0 });
server.once('listening', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
