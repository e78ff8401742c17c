import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one `openssl` run printed. */
export interface OpensslResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `openssl` with `args` (no shell) in `cwd`, as the independent oracle of the certificate tests.
 * Throws with the tool's stderr when it fails, unless `allowFailure` is set.
 */
export function openssl(
  args: readonly string[],
  options: { cwd?: string; allowFailure?: boolean } = {},
): OpensslResult {
  const run = spawnSync('openssl', args, { cwd: options.cwd, encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw run.error;
  const result = { status: run.status, stdout: run.stdout, stderr: run.stderr };
  if (!options.allowFailure && run.status !== 0) {
    throw new Error(`openssl ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  }
  return result;
}

/** A temporary directory for one test, removed afterwards, with small file helpers. */
export interface TempDir {
  readonly path: string;
  write(name: string, data: Uint8Array | string): string;
  read(name: string): Uint8Array;
  readText(name: string): string;
}

/** Runs `fn` with a fresh temporary directory and removes it afterwards. */
export async function withTempDir<T>(fn: (dir: TempDir) => Promise<T> | T): Promise<T> {
  const path = mkdtempSync(join(tmpdir(), 'ksef-cert-x509-'));
  const dir: TempDir = {
    path,
    write: (name, data) => {
      writeFileSync(join(path, name), data);
      return join(path, name);
    },
    read: (name) => new Uint8Array(readFileSync(join(path, name))),
    readText: (name) => readFileSync(join(path, name), 'utf8'),
  };
  try {
    return await fn(dir);
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}

/**
 * A name's attributes as OpenSSL prints them, one `[oid, ASN.1 type, value]` per attribute in encoding
 * order (`-nameopt sep_multiline,utf8,oid,show_type`; values unescaped UTF-8).
 */
export function parseOpensslName(output: string): [string, string, string][] {
  return output
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^\s{4}([0-9.]+)=([A-Z0-9]+):(.*)$/.exec(line);
      if (!match) throw new Error(`Unexpected openssl name line: ${line}`);
      return [match[1] ?? '', match[2] ?? '', match[3] ?? ''];
    });
}

/** OpenSSL's `-nameopt` for `parseOpensslName`. */
export const NAMEOPT = 'sep_multiline,utf8,oid,show_type';
