import { describe, expect, it } from 'vitest';
import { PKCS8_CONVERSION_HINT } from '../../src/crypto/pbes2';
import { readPfx } from '../../src/crypto/pkcs12';
import { LEGACY_PFX_CONVERSION_HINT } from '../../src/crypto/pkcs12-structures';
import { LEGACY_PEM_CONVERSION_HINT, readPrivateKey } from '../../src/crypto/private-key-reader';
import { en } from '../../src/messages/en';
import { pl } from '../../src/messages/pl';
import { FIXTURE_PASSWORD, expectedSpki, fixture } from '../support/key-fixtures';
import { openssl, withTempDir } from '../support/openssl';

/**
 * Every conversion command we show runs as written on this machine's OpenSSL (3.0 in CI) against a file
 * the app refuses, and its output opens in the app. The command is the end of the text, after
 * "openssl"; `&&` separates its steps. Passwords come from the environment: the old one, kept as new.
 */
function commands(text: string): string[][] {
  const start = text.indexOf('openssl ');
  if (start < 0) throw new Error(`no openssl command in: ${text}`);
  return text
    .slice(start)
    .split(' && ')
    .map((step) => {
      const [program, ...args] = step.split(' ');
      if (program !== 'openssl') throw new Error(`not an openssl command: ${step}`);
      return args;
    });
}

/** The commands of a text that gives one per kind of file, each after its "openssl", separated by "; ". */
function commandGroups(text: string): string[][][] {
  return text
    .split('; ')
    .filter((part) => part.includes('openssl '))
    .map(commands);
}

function argAfter(args: readonly string[], option: string): string {
  const value = args[args.indexOf(option) + 1];
  if (!args.includes(option) || value === undefined) throw new Error(`no ${option} in ${args.join(' ')}`);
  return value;
}

const PFX_HINTS = [
  { name: 'LEGACY_PFX_CONVERSION_HINT', text: LEGACY_PFX_CONVERSION_HINT },
  { name: 'pl legacy-pfx-encryption', text: pl.cryptoErrors['legacy-pfx-encryption'] },
  { name: 'en legacy-pfx-encryption', text: en.cryptoErrors['legacy-pfx-encryption'] },
];

const KEY_HINTS = [
  ['PKCS8_CONVERSION_HINT', 'ec-p256.pbes2-rc2.pem', PKCS8_CONVERSION_HINT],
  ['PKCS8_CONVERSION_HINT', 'ec-p256.pbes2-scrypt.pem', PKCS8_CONVERSION_HINT],
  ['pl unsupported-encryption', 'ec-p256.pbes2-rc2.pem', pl.cryptoErrors['unsupported-encryption']],
  ['en unsupported-encryption', 'ec-p256.pbes2-scrypt.pem', en.cryptoErrors['unsupported-encryption']],
  ['LEGACY_PEM_CONVERSION_HINT', 'ec-p256.legacy-aes256.pem', LEGACY_PEM_CONVERSION_HINT],
  ['pl legacy-pem-encryption', 'ec-p256.legacy-aes256.pem', pl.cryptoErrors['legacy-pem-encryption']],
  ['en legacy-pem-encryption', 'rsa-2048.legacy-aes256.pem', en.cryptoErrors['legacy-pem-encryption']],
] as const;

const ITERATION_HINTS = [
  { name: 'pl iterations-too-many', text: pl.cryptoErrors['iterations-too-many'] },
  { name: 'en iterations-too-many', text: en.cryptoErrors['iterations-too-many'] },
];

/** A .key with a million PBKDF2 iterations, made by openssl. */
function millionIterationKey(): Promise<Uint8Array> {
  return withTempDir((dir) => {
    const args = ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-iter', '1000000', '-in', 'in.pem', '-out', 'out.key'];
    dir.write('in.pem', fixture('ec-p256.pkcs8.pem'));
    openssl([...args, '-passout', 'env:KSEF_TEST_PASSWORD'], { cwd: dir.path, password: FIXTURE_PASSWORD });
    return dir.read('out.key');
  });
}

function run(text: string, input: string): Promise<Uint8Array> {
  return runSteps(commands(text), fixture(input));
}

function runSteps(steps: readonly string[][], input: Uint8Array): Promise<Uint8Array> {
  return withTempDir((dir) => {
    const [first] = steps;
    if (first === undefined) throw new Error('no command');
    dir.write(argAfter(first, '-in'), input);
    for (const args of steps) {
      openssl([...args, '-passin', 'env:KSEF_TEST_PASSWORD', '-passout', 'env:KSEF_TEST_PASSWORD'], {
        cwd: dir.path,
        password: FIXTURE_PASSWORD,
      });
    }
    return dir.read(argAfter(steps.at(-1) ?? [], '-out'));
  });
}

describe('conversion commands we suggest', () => {
  it('are refused before conversion (so that each row below proves something)', async () => {
    await expect(readPfx(fixture('ec-p256.pbe-sha1-rc4.p12'), FIXTURE_PASSWORD)).rejects.toThrow(
      LEGACY_PFX_CONVERSION_HINT,
    );
    for (const [, input] of KEY_HINTS) await expect(readPrivateKey(fixture(input), FIXTURE_PASSWORD)).rejects.toThrow();
  });

  it('covers every text of both catalogs that names an openssl command', () => {
    const tested = new Set<string>([
      ...PFX_HINTS.map(({ text }) => text),
      ...KEY_HINTS.map(([, , text]) => text),
      ...ITERATION_HINTS.map(({ text }) => text),
    ]);
    const texts = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : typeof value === 'object' && value !== null
          ? Object.values(value).flatMap(texts)
          : [];
    const withCommands = [...texts(pl), ...texts(en)].filter((text) => text.includes('openssl '));
    expect(withCommands.length).toBeGreaterThan(0);
    for (const text of withCommands) expect(tested).toContain(text);
  });

  it.each(PFX_HINTS)('$name turns an RC4 PFX into one that opens', async ({ text }) => {
    const converted = await run(text, 'ec-p256.pbe-sha1-rc4.p12');
    expect((await readPfx(converted, FIXTURE_PASSWORD)).key.spki).toEqual(expectedSpki('ec-p256'));
  });

  it.each(ITERATION_HINTS)(
    '$name turns a PFX and a .key of 1 000 000 iterations into ones that open',
    async ({ text }) => {
      const [pfxSteps, keySteps, ...rest] = commandGroups(text);
      if (pfxSteps === undefined || keySteps === undefined) throw new Error('expected a PFX and a .key command');
      expect(rest).toEqual([]);
      const pfx = fixture('ec-p256.iter-1000000.p12');
      const key = await millionIterationKey();
      await expect(readPfx(pfx, FIXTURE_PASSWORD)).rejects.toMatchObject({ code: 'iterations-too-many' });
      await expect(readPrivateKey(key, FIXTURE_PASSWORD)).rejects.toMatchObject({ code: 'iterations-too-many' });
      const convertedPfx = await runSteps(pfxSteps, pfx);
      expect((await readPfx(convertedPfx, FIXTURE_PASSWORD)).key.spki).toEqual(expectedSpki('ec-p256'));
      const convertedKey = await runSteps(keySteps, key);
      expect((await readPrivateKey(convertedKey, FIXTURE_PASSWORD)).spki).toEqual(expectedSpki('ec-p256'));
    },
  );

  it.each(KEY_HINTS)('%s turns %s into a key that opens', async (_name, input, text) => {
    const converted = await run(text, input);
    const key = input.startsWith('rsa-2048') ? 'rsa-2048' : 'ec-p256';
    expect((await readPrivateKey(converted, FIXTURE_PASSWORD)).spki).toEqual(expectedSpki(key));
  });
});
