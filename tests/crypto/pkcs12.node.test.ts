import { beforeAll, describe, expect, it } from 'vitest';
import { parsePem } from '../../src/crypto/pem';
import { buildPfx } from '../../src/crypto/pkcs12';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { engines } from '../support/engines';
import { fixture, fixtureText } from '../support/key-fixtures';
import { type TempDir, openssl, withTempDir } from '../support/openssl';

/** Non-ASCII on purpose: OpenSSL turns it into a BMPString for the MAC and uses UTF-8 for PBKDF2. */
const PASSWORD = 'Zażółć-gęślą-jaźń-PFX-1!';
const FRIENDLY_NAME = 'Certyfikat KSeF – Zażółć';

function der(pem: string): Uint8Array {
  const [block] = parsePem(pem);
  if (block === undefined) throw new Error('no PEM block');
  return block.der;
}

/**
 * How OpenSSL 3.0 prints a BMPString friendlyName: the low byte of each UTF-16 code unit. Comparing
 * with that (in latin1) checks our UTF-16 code units without decoding them ourselves.
 */
const FRIENDLY_NAME_AS_PRINTED = `friendlyName: ${String.fromCharCode(...Array.from(FRIENDLY_NAME, (c) => c.charCodeAt(0) & 0xff))}`;

function pkcs12(dir: TempDir, args: readonly string[]): { stdout: string; stderr: string } {
  const { stdout, stderr } = openssl(['pkcs12', '-in', 'ours.p12', '-passin', 'env:KSEF_TEST_PASSWORD', ...args], {
    cwd: dir.path,
    password: PASSWORD,
  });
  return { stdout: stdout.toString('latin1'), stderr };
}

describe.each(engines)('buildPfx against openssl ($name)', ({ crypto }) => {
  let pfx: Uint8Array;
  beforeAll(async () => {
    const key = await readPrivateKey(fixture('ec-p256.pkcs8.pem'), undefined, crypto);
    pfx = await buildPfx(
      {
        privateKey: key.privateKey,
        certificate: der(fixtureText('ec-p256.cert.pem')),
        chain: [der(fixtureText('ca.cert.pem'))],
        friendlyName: FRIENDLY_NAME,
        password: PASSWORD,
      },
      crypto,
    );
  }, 60_000);

  it.each([{ flags: [] }, { flags: ['-legacy'] }])(
    'passes openssl pkcs12 -info $flags with the algorithms we chose',
    async ({ flags }) => {
      await withTempDir((dir) => {
        dir.write('ours.p12', pfx);
        const { stderr } = pkcs12(dir, ['-info', '-noout', ...flags]);
        expect(stderr).toContain('MAC: sha256, Iteration 100000');
        expect(stderr).toContain(
          'PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256',
        );
        expect(stderr).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256');
      });
    },
  );

  it('gives openssl the same key, the leaf with our attributes, and the chain', async () => {
    await withTempDir((dir) => {
      dir.write('ours.p12', pfx);
      dir.write('fixture.pem', fixtureText('ec-p256.pkcs8.pem'));
      const keys = pkcs12(dir, ['-nodes', '-nocerts']).stdout;
      expect(keys).toContain(FRIENDLY_NAME_AS_PRINTED);
      expect(keys).toMatch(/localKeyID: [0-9A-F ]{95}/);
      dir.write('extracted.pem', keys);
      const normalised = (file: string): Uint8Array =>
        new Uint8Array(
          openssl(['pkcs8', '-topk8', '-nocrypt', '-in', file, '-outform', 'DER'], { cwd: dir.path }).stdout,
        );
      expect(normalised('extracted.pem')).toEqual(normalised('fixture.pem'));

      const leaf = pkcs12(dir, ['-nokeys', '-clcerts']).stdout;
      expect(leaf).toContain(FRIENDLY_NAME_AS_PRINTED);
      expect(der(leaf)).toEqual(der(fixtureText('ec-p256.cert.pem')));
      expect(der(pkcs12(dir, ['-nokeys', '-cacerts']).stdout)).toEqual(der(fixtureText('ca.cert.pem')));
    });
  });

  it('is refused by openssl with a wrong password', async () => {
    await withTempDir((dir) => {
      dir.write('ours.p12', pfx);
      const result = openssl(['pkcs12', '-in', 'ours.p12', '-passin', 'env:KSEF_TEST_PASSWORD', '-info', '-noout'], {
        cwd: dir.path,
        password: 'Zazolc-gesla-jazn-PFX-1!',
        allowFailure: true,
      });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('Mac verify error');
    });
  });
});
