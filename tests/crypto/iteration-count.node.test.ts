import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ITERATIONS } from '../../src/crypto/iteration-count';
import { readPfx } from '../../src/crypto/pkcs12';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { FIXTURE_PASSWORD, expectedSpki } from '../support/key-fixtures';
import { openssl, withTempDir } from '../support/openssl';
import { recordingCrypto } from '../support/recording-crypto';

const KEYS = join(import.meta.dirname, '..', 'fixtures', 'keys');

/**
 * Each place an iteration count comes from, in files OpenSSL 3.0 writes with `iterations` there and as
 * few as it allows elsewhere (its -iter sets the PBKDF2/PBE and the MAC counts; -noiter puts the
 * former, -nomaciter the latter back to 1), and what `openssl ... -info` says it wrote.
 */
const PLACES = [
  {
    place: 'the PFX MAC',
    args: (n: number) => ['pkcs12', '-export', '-iter', String(n), '-noiter'],
    info: (n: number) => `MAC: sha256, Iteration ${n}`,
  },
  {
    place: 'PBKDF2 in a PFX',
    args: (n: number) => ['pkcs12', '-export', '-iter', String(n), '-nomaciter'],
    info: (n: number) => `Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration ${n}`,
  },
  {
    place: 'PKCS#12 PBE in a PFX',
    args: (n: number) => ['pkcs12', '-export', '-legacy', '-iter', String(n), '-nomaciter'],
    info: (n: number) => `Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration ${n}`,
  },
  {
    place: 'PBKDF2 in a .key',
    args: (n: number) => ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-iter', String(n)],
  },
  {
    place: 'PBES1 (PBKDF1) in a .key',
    args: (n: number) =>
      ['pkcs8', '-topk8', '-provider', 'legacy', '-provider', 'default', '-v1', 'PBE-SHA1-DES'].concat([
        '-iter',
        String(n),
      ]),
  },
  {
    place: 'PKCS#12 PBE in a .key',
    args: (n: number) => ['pkcs8', '-topk8', '-v1', 'PBE-SHA1-3DES', '-iter', String(n)],
  },
] as const;

async function made(args: readonly string[], info?: string): Promise<Uint8Array> {
  return withTempDir((dir) => {
    const io = ['-inkey', join(KEYS, 'ec-p256.pkcs8.pem'), '-in', join(KEYS, 'ec-p256.cert.pem')];
    const files = args[0] === 'pkcs12' ? io : ['-in', join(KEYS, 'ec-p256.pkcs8.pem')];
    const out = args[0] === 'pkcs12' ? 'out.p12' : 'out.key';
    openssl([...args, ...files, '-passout', 'env:KSEF_TEST_PASSWORD', '-out', out], {
      cwd: dir.path,
      password: FIXTURE_PASSWORD,
    });
    if (info !== undefined) {
      const { stderr } = openssl(
        ['pkcs12', '-legacy', '-in', out, '-info', '-noout', '-passin', 'env:KSEF_TEST_PASSWORD'],
        { cwd: dir.path, password: FIXTURE_PASSWORD },
      );
      expect(stderr).toContain(info);
    }
    return dir.read(out);
  });
}

function read(file: Uint8Array, crypto: Crypto = globalThis.crypto) {
  return file[0] === 0x30 ? readPfx(file, FIXTURE_PASSWORD, crypto) : readPrivateKey(file, FIXTURE_PASSWORD, crypto);
}

describe(`iteration counts: at most ${MAX_ITERATIONS}`, () => {
  it('is 600 000, the most the SHA-512 PFX of the bench has, and our own files have less', () => {
    expect(MAX_ITERATIONS).toBe(600_000);
  });

  it.each(PLACES)('opens $place at the cap', async ({ args, ...rest }) => {
    const file = await made(args(MAX_ITERATIONS), 'info' in rest ? rest.info(MAX_ITERATIONS) : undefined);
    const loaded = await read(file);
    expect('key' in loaded ? loaded.key.spki : loaded.spki).toEqual(expectedSpki('ec-p256'));
  });

  it.each(PLACES)('refuses $place one above, before any derivation', async ({ args, ...rest }) => {
    const file = await made(args(MAX_ITERATIONS + 1), 'info' in rest ? rest.info(MAX_ITERATIONS + 1) : undefined);
    const { crypto, calls } = recordingCrypto();
    await expect(read(file, crypto)).rejects.toMatchObject({ code: 'iterations-too-many' });
    expect(calls).toEqual([]);
  });
});
