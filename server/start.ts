import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildIsStale } from './build-if-needed.ts';
import { decideSandbox, readServerEnv, withSandboxDecision } from './config.ts';
import { createAppHandler } from './app-handler.ts';
import { createNodeServer } from './node-server.ts';

/**
 * `npm start`: builds the app when the sources changed, then serves from one Node process on
 * HOST:PORT: `/api/sandbox/...` goes to the in-memory local KSeF sandbox, `/api/<env>/v2/...` to the
 * KSeF relay (allowlisted calls only), everything else to the production build. Prints the URL.
 * The sandbox is on by default only on loopback; elsewhere KSEF_SANDBOX must say (`decideSandbox`).
 */
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const env = readServerEnv();
const sandbox = decideSandbox(process.env, env.HOST);
if (sandbox.kind === 'refused') {
  process.stderr.write(`${sandbox.reason}\n`);
  process.exit(1);
}

if (await buildIsStale(projectRoot)) {
  console.warn('Building the app (sources changed since the last build)...');
  await build({ root: projectRoot, logLevel: 'warn' });
}

const handler = createAppHandler(`${projectRoot}dist`, withSandboxDecision(process.env, sandbox));

const server = createNodeServer(handler);
server.listen(env.PORT, env.HOST, () => {
  const info = server.address() as AddressInfo;
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  process.stdout.write(`ksef-cert is running at http://${host}:${info.port}/\n`);
  if (sandbox.kind === 'on') process.stdout.write(`${sandbox.announcement}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
