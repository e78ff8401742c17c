import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable `passEnv` hands a password to openssl through (`-passin env:...`). */
const PASSWORD_ENV = 'KSEF_TEST_PASSWORD';

/** What `openssl` printed. */
export interface OpensslResult {
  readonly stdout: Buffer;
  readonly stderr: string;
}

/**
 * Runs `openssl` with `args` in `cwd`. Passwords go through the environment (`password` sets
 * `KSEF_TEST_PASSWORD`; pass `-passin env:KSEF_TEST_PASSWORD`), never through the command line, and a
 * failure reports the subcommand and openssl's stderr only, never the arguments.
 */
export function openssl(
  args: readonly string[],
  options: { cwd: string; password?: string; input?: Uint8Array | string; allowFailure?: boolean },
): OpensslResult & { readonly status: number } {
  const env = {
    ...process.env,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    ...(options.password !== undefined && { [PASSWORD_ENV]: options.password }),
  };
  const result = spawnSync('openssl', args, {
    cwd: options.cwd,
    env,
    input: options.input,
    maxBuffer: 16 * 1024 * 1024,
  });
  const status = result.status ?? -1;
  const stderr = result.stderr.toString('utf8');
  if (status !== 0 && options.allowFailure !== true) {
    throw new Error(`openssl ${args[0] ?? ''} failed with status ${status}: ${stderr}`);
  }
  return { stdout: result.stdout, stderr, status };
}

/** A scratch directory for openssl's files, removed after `run` (even when it throws). */
export async function withTempDir<T>(run: (dir: TempDir) => Promise<T> | T): Promise<T> {
  const path = mkdtempSync(join(tmpdir(), 'ksef-cert-'));
  try {
    return await run({
      path,
      write: (name, data) => {
        writeFileSync(join(path, name), data);
        return name;
      },
      read: (name) => new Uint8Array(readFileSync(join(path, name))),
    });
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}

/** A temporary directory with helpers to write inputs and read outputs by file name. */
export interface TempDir {
  readonly path: string;
  write(name: string, data: Uint8Array | string): string;
  read(name: string): Uint8Array;
}
