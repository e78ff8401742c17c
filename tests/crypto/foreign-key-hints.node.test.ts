import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkPair } from '../../src/crypto/pair';
import { CryptoError } from '../../src/crypto/errors';
import { OPENSSH_CONVERSION_HINT } from '../../src/crypto/file-kind';
import { JKS_CONVERSION_HINT } from '../../src/crypto/pem';
import { readPfx } from '../../src/crypto/pkcs12';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { en } from '../../src/messages/en';
import { pl } from '../../src/messages/pl';
import { FIXTURE_PASSWORD, fixture } from '../support/key-fixtures';
import { openssl, withTempDir } from '../support/openssl';

/**
 * The commands we suggest for an OpenSSH key and a Java keystore, each the end of its message in both
 * catalogs. ssh-keygen (Debian's openssh-client, provisioned by scripts/ensure-tools.sh) runs here on a
 * key it has just made. keytool needs a JRE, too large for CI: its output for the committed JKS fixture is
 * committed too (tests/fixtures/README.md has the exact commands), and checked to open here.
 */
function run(program: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(program, args, { cwd, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr.toString()}`);
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return 'opened';
}

describe('the commands suggested for keys in foreign formats', () => {
  it('end the messages of both catalogs', () => {
    for (const catalog of [pl, en]) {
      expect(catalog.cryptoErrors['openssh-private-key'].endsWith(`: ${OPENSSH_CONVERSION_HINT}`)).toBe(true);
      expect(catalog.cryptoErrors['java-keystore'].endsWith(`: ${JKS_CONVERSION_HINT}`)).toBe(true);
    }
  });

  it.each(['ecdsa', 'rsa'])('ssh-keygen -p -m PKCS8 -f key turns a fresh OpenSSH %s key into one that opens', (type) =>
    withTempDir(async (dir) => {
      run('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', 'test', '-f', 'key'], dir.path);
      expect(await code(readPrivateKey(dir.read('key'), undefined))).toBe('openssh-private-key');
      const [program, ...args] = OPENSSH_CONVERSION_HINT.split(' ');
      expect(program).toBe('ssh-keygen');
      // The command as shown, with the (empty) old and new passphrases it would otherwise ask for.
      run('ssh-keygen', [...args, '-P', '', '-N', ''], dir.path);
      const key = await readPrivateKey(dir.read('key'), undefined);
      // openssl, not our reader, says what the public key is.
      const spki = openssl(['pkey', '-in', 'key', '-pubout', '-outform', 'DER'], { cwd: dir.path }).stdout;
      expect(key.spki).toEqual(new Uint8Array(spki));
    }),
  );

  it('the keytool output for the committed JKS fixture opens as a PFX whose key pairs with its certificate', async () => {
    expect(await code(readPfx(fixture('ec-p256.jks'), FIXTURE_PASSWORD))).toBe('java-keystore');
    const pfx = await readPfx(fixture('ec-p256.jks-converted.p12'), FIXTURE_PASSWORD);
    const [certificate] = pfx.certificates;
    if (certificate === undefined) throw new Error('no certificate in the converted PFX');
    expect(await checkPair(pfx.key, certificate)).toEqual({ match: true });
    // openssl reads the same key out of it.
    const spki = await withTempDir((dir) => {
      dir.write('store.p12', fixture('ec-p256.jks-converted.p12'));
      const pem = openssl(['pkcs12', '-in', 'store.p12', '-nocerts', '-nodes', '-passin', 'env:KSEF_TEST_PASSWORD'], {
        cwd: dir.path,
        password: FIXTURE_PASSWORD,
      }).stdout;
      return openssl(['pkey', '-pubout', '-outform', 'DER'], { cwd: dir.path, input: pem }).stdout;
    });
    expect(pfx.key.spki).toEqual(new Uint8Array(spki));
  });
});
