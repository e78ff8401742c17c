import { describe, expect, it } from 'vitest';
import { writeEncryptedKeyFile } from '../../src/crypto/key-file';
import { exportSpki, generateKeyPair } from '../../src/crypto/keys';
import { engines } from '../support/engines';
import { fixtureText } from '../support/key-fixtures';
import { openssl, withTempDir } from '../support/openssl';

/** Non-ASCII on purpose: openssl must read the password as the same UTF-8 bytes we used. */
const PASSWORD = 'Zażółć-gęślą-jaźń-2025!';

/** `openssl asn1parse` output without offsets and without the random bytes of salt, IV and ciphertext. */
function asn1parseShape(dir: { path: string }, file: string): string[] {
  const { stdout } = openssl(['asn1parse', '-in', file], { cwd: dir.path });
  return stdout
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => line.replace(/^\s*\d+:/, '').replace(/\[HEX DUMP\]:[0-9A-F]+/, '[HEX DUMP]'));
}

describe.each(engines)('writeEncryptedKeyFile against openssl ($name)', ({ crypto }) => {
  it.each(['EC-P256', 'RSA-2048'] as const)(
    'writes a %s .key that openssl decrypts to the same key',
    async (algorithm) => {
      const pair = await generateKeyPair(algorithm, crypto);
      const pem = await writeEncryptedKeyFile(pair.privateKey, PASSWORD, crypto);
      await withTempDir((dir) => {
        dir.write('ours.key', pem);
        const { stdout } = openssl(
          ['pkey', '-in', 'ours.key', '-passin', 'env:KSEF_TEST_PASSWORD', '-pubout', '-outform', 'DER'],
          {
            cwd: dir.path,
            password: PASSWORD,
          },
        );
        return exportSpki(pair.publicKey, crypto).then((spki) => expect(new Uint8Array(stdout)).toEqual(spki));
      });
    },
  );

  it('writes what openssl asn1parse shows as the Taxpayer Application sample’s structure', async () => {
    const pair = await generateKeyPair('EC-P256', crypto);
    const pem = await writeEncryptedKeyFile(pair.privateKey, PASSWORD, crypto);
    await withTempDir((dir) => {
      dir.write('ours.key', pem);
      dir.write('sample.key', fixtureText('taxpayer-app-ec-p256.key'));
      const sample = asn1parseShape(dir, 'sample.key');
      expect(sample.join('\n')).toContain(':hmacWithSHA256');
      expect(sample.join('\n')).not.toContain('NULL');
      expect(asn1parseShape(dir, 'ours.key')).toEqual(sample);
    });
  });

  it('is refused by openssl with a wrong password', async () => {
    const pair = await generateKeyPair('EC-P256', crypto);
    const pem = await writeEncryptedKeyFile(pair.privateKey, PASSWORD, crypto);
    await withTempDir((dir) => {
      dir.write('ours.key', pem);
      const result = openssl(['pkey', '-in', 'ours.key', '-passin', 'env:KSEF_TEST_PASSWORD', '-noout'], {
        cwd: dir.path,
        password: 'Zazolc-gesla-jazn-2025!',
        allowFailure: true,
      });
      expect(result.status).not.toBe(0);
    });
  });
});
