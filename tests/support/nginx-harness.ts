import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { nginxBinary } from '../../scripts/nginx-test-config';

/** A port that was free a moment ago on 127.0.0.1 (nginx cannot be told to pick one itself). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** A running nginx in the foreground; `stop()` ends it and waits. */
export interface RunningNginx {
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

/** Starts nginx with `main` under `prefix` and waits until `readyUrl` answers (or nginx exits). */
export async function startNginx(prefix: string, main: string, readyUrl: string): Promise<RunningNginx> {
  const child: ChildProcess = spawn(nginxBinary(), ['-p', prefix, '-c', main, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${output}`);
    // A redirect counts as an answer: the redirect server answers nothing else.
    const answered = await fetch(readyUrl, { redirect: 'manual' }).then(
      () => true,
      () => false,
    );
    if (answered) return { output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`nginx did not answer at ${readyUrl}: ${output}`);
}
