import autocannon from 'autocannon';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The relay's figures under load: relay -> sandbox, both on loopback, each in its own process. */
export interface RelayLoadResult {
  readonly durationSeconds: number;
  readonly connections: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly relayRssBeforeMb: number;
  readonly relayRssAfterMb: number;
}

const serveOne = fileURLToPath(new URL('./serve-one.ts', import.meta.url));

type Server = ChildProcessByStdio<null, Readable, null>;

/** Starts `serve-one.ts <role>` as a plain Node process (so its PID is the server's) and waits for its port. */
async function start(
  role: 'sandbox' | 'relay',
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: Server; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', serveOne, role], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`The ${role} exited with ${code}`)));
  });
  return { child, port };
}

async function rssMb(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/**
 * A bounded load test: `connections` concurrent connections for `durationSeconds` against
 * `POST /api/test/v2/auth/challenge` on the relay, which forwards to the sandbox. Loopback only; it
 * stops by itself. Runs in `npm run bench`, never in `npm test`.
 */
export async function relayLoad(durationSeconds = 30, connections = 100): Promise<RelayLoadResult> {
  const sandbox = await start('sandbox');
  const relay = await start('relay', {
    ...process.env,
    KSEF_UPSTREAM_TEST: `http://127.0.0.1:${sandbox.port}/api/sandbox/v2`,
    // One client on loopback stands for many here: the per-client limit would measure only itself.
    KSEF_RELAY_MAX_CONCURRENT: String(connections),
  });
  try {
    const url = `http://127.0.0.1:${relay.port}/api/test/v2/auth/challenge`;
    await autocannon({ url, method: 'POST', connections: 10, duration: 2 });
    const before = await rssMb(relay.child.pid);
    const result = await autocannon({ url, method: 'POST', connections, duration: durationSeconds });
    const after = await rssMb(relay.child.pid);
    return {
      durationSeconds,
      connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      relayRssBeforeMb: before,
      relayRssAfterMb: after,
    };
  } finally {
    relay.child.kill('SIGTERM');
    sandbox.child.kill('SIGTERM');
  }
}
