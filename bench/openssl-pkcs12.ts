import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `openssl pkcs12` on the machine, timed the way a user would see it (process start included), beside
 * the same operations in Chromium. The files it makes are what the bench page reads, so both sides
 * read the same bytes.
 */

const PASSWORD = 'Bench-Password-2026!';
const PASSWORD_ENV = 'KSEF_BENCH_PASSWORD';
const KEYS = fileURLToPath(new URL('../tests/fixtures/keys/', import.meta.url));

/** A PFX OpenSSL 3 builds with its defaults (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC), as ours does. */
export interface PfxRecipe {
  /** `-iter`: OpenSSL 3.0 uses it for PBKDF2 and for the MAC alike. */
  readonly iterations: number;
  /** `-macalg`. */
  readonly macAlgorithm: 'sha1' | 'sha256' | 'sha512';
}

export interface OpensslPkcs12 {
  readonly password: string;
  /** The PFX of the EC P-256 fixture key and certificate, built by `openssl pkcs12 -export` once. */
  file(recipe: PfxRecipe): Promise<Uint8Array>;
  /** Milliseconds of one `openssl pkcs12 -export` with `recipe`. */
  timeBuild(recipe: PfxRecipe): number;
  /** Milliseconds of one `openssl pkcs12 -in f.pfx -nodes` on `file(recipe)`. */
  timeRead(recipe: PfxRecipe): Promise<number>;
  close(): Promise<void>;
}

export async function opensslPkcs12(): Promise<OpensslPkcs12> {
  const dir = await mkdtemp(join(tmpdir(), 'ksef-cert-bench-openssl-'));
  const run = (args: readonly string[]) => {
    const start = performance.now();
    const result = spawnSync('openssl', args, { cwd: dir, env: { ...process.env, [PASSWORD_ENV]: PASSWORD } });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`openssl ${args[0] ?? ''} failed: ${result.stderr.toString('utf8')}`);
    return elapsed;
  };
  const name = (recipe: PfxRecipe) => `${recipe.macAlgorithm}-${recipe.iterations}.pfx`;
  const exportArgs = (recipe: PfxRecipe, out: string) => [
    'pkcs12',
    '-export',
    '-inkey',
    join(KEYS, 'ec-p256.pkcs8.pem'),
    '-in',
    join(KEYS, 'ec-p256.cert.pem'),
    '-name',
    'Bench',
    '-iter',
    String(recipe.iterations),
    '-macalg',
    recipe.macAlgorithm,
    '-passout',
    `env:${PASSWORD_ENV}`,
    '-out',
    out,
  ];
  const built = new Set<string>();
  const file = async (recipe: PfxRecipe) => {
    if (!built.has(name(recipe))) {
      run(exportArgs(recipe, name(recipe)));
      built.add(name(recipe));
    }
    return new Uint8Array(await readFile(join(dir, name(recipe))));
  };
  return {
    password: PASSWORD,
    file,
    timeBuild: (recipe) => run(exportArgs(recipe, 'built.pfx')),
    timeRead: async (recipe) => {
      await file(recipe);
      return run(['pkcs12', '-in', name(recipe), '-nodes', '-passin', `env:${PASSWORD_ENV}`, '-out', 'read.pem']);
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
