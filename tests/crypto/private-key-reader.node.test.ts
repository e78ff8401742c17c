import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyType, PrivateKeySource } from '../../src/crypto/key-type';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { engines } from '../support/engines';
import { openssl, withTempDir } from '../support/openssl';

const PASSWORD = 'Fresh-Keys-Ąę-123!';

interface Generated {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly spki: Uint8Array;
  readonly keyType: KeyType;
  readonly source: PrivateKeySource;
  readonly password?: string;
}

const KEYS: readonly { name: string; genpkey: string[]; keyType: KeyType }[] = [
  {
    name: 'ec-p256',
    genpkey: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    keyType: { kind: 'EC', curve: 'P-256' },
  },
  {
    name: 'ec-p384',
    genpkey: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
    keyType: { kind: 'EC', curve: 'P-384' },
  },
  {
    name: 'ec-p521',
    genpkey: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'],
    keyType: { kind: 'EC', curve: 'P-521' },
  },
  {
    name: 'rsa-2048',
    genpkey: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    keyType: { kind: 'RSA', modulusBits: 2048 },
  },
];

/** Fresh keys from openssl in every format we read; their public keys from `openssl pkey -pubout`. */
function generate(): Promise<Generated[]> {
  return withTempDir((dir) => {
    const run = (args: string[]): Buffer => openssl(args, { cwd: dir.path, password: PASSWORD }).stdout;
    const pass = ['-passout', 'env:KSEF_TEST_PASSWORD'];
    const out: Generated[] = [];
    for (const { name, genpkey, keyType } of KEYS) {
      run(['genpkey', ...genpkey, '-out', `${name}.pem`]);
      const spki = new Uint8Array(run(['pkey', '-in', `${name}.pem`, '-pubout', '-outform', 'DER']));
      const add = (format: string, args: string[], source: PrivateKeySource, password?: string): void => {
        out.push({
          name: `${name} ${format}`,
          bytes: new Uint8Array(run(args)),
          spki,
          keyType,
          source,
          ...(password && { password }),
        });
      };
      add('PKCS#8 PEM', ['pkey', '-in', `${name}.pem`], 'pkcs8');
      add('PKCS#8 DER', ['pkcs8', '-topk8', '-nocrypt', '-in', `${name}.pem`, '-outform', 'DER'], 'pkcs8');
      add(
        'PBES2 PEM',
        [
          'pkcs8',
          '-topk8',
          '-in',
          `${name}.pem`,
          '-v2',
          'aes-256-cbc',
          '-v2prf',
          'hmacWithSHA256',
          '-iter',
          '2048',
          ...pass,
        ],
        'encrypted-pkcs8',
        PASSWORD,
      );
      add(
        'PBES2 DER',
        [
          'pkcs8',
          '-topk8',
          '-in',
          `${name}.pem`,
          '-v2',
          'aes-128-cbc',
          '-v2prf',
          'hmacWithSHA512',
          '-iter',
          '2048',
          '-outform',
          'DER',
          ...pass,
        ],
        'encrypted-pkcs8',
        PASSWORD,
      );
      if (keyType.kind === 'RSA') {
        add('PKCS#1 PEM', ['rsa', '-in', `${name}.pem`, '-traditional'], 'pkcs1');
        add('PKCS#1 DER', ['rsa', '-in', `${name}.pem`, '-traditional', '-outform', 'DER'], 'pkcs1');
      } else {
        add('SEC 1 PEM', ['ec', '-in', `${name}.pem`], 'sec1');
        add('SEC 1 DER', ['ec', '-in', `${name}.pem`, '-outform', 'DER'], 'sec1');
        add('SEC 1 without public key', ['ec', '-in', `${name}.pem`, '-no_public'], 'sec1');
        add('SEC 1 with explicit parameters', ['ec', '-in', `${name}.pem`, '-param_enc', 'explicit'], 'sec1');
      }
      run([
        'req',
        '-x509',
        '-new',
        '-key',
        `${name}.pem`,
        '-subj',
        '/CN=Fresh key/C=PL',
        '-days',
        '1',
        '-out',
        `${name}.crt`,
      ]);
      add('PKCS#12', ['pkcs12', '-export', '-inkey', `${name}.pem`, '-in', `${name}.crt`, ...pass], 'pkcs12', PASSWORD);
    }
    return out;
  });
}

describe('readPrivateKey against keys openssl generates now', () => {
  let generated: Generated[] = [];
  beforeAll(async () => {
    generated = await generate();
  }, 60_000);

  describe.each(engines)('$name', ({ crypto }) => {
    it('reads every format with the public key openssl derives', async () => {
      expect(generated.length).toBeGreaterThan(30);
      for (const { name, bytes, spki, keyType, source, password } of generated) {
        const loaded = await readPrivateKey(bytes, password, crypto);
        expect({ name, keyType: loaded.keyType, source: loaded.source }).toEqual({ name, keyType, source });
        expect(loaded.spki, name).toEqual(spki);
      }
    });
  });
});
