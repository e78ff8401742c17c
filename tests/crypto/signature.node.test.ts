import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, RSASSAPSSParams } from 'pkijs';
import { describe, expect, it } from 'vitest';
import { OID } from '../../src/crypto/oids';
import { readPublicKey } from '../../src/crypto/public-key';
import { verifySignature } from '../../src/crypto/signature';
import { engines } from '../support/engines';
import { openssl, withTempDir } from '../support/openssl-x509';

const DIGEST_OIDS = { sha256: OID.sha256, sha384: OID.sha384, sha512: OID.sha512 } as const;
const ECDSA_OIDS = { sha256: OID.ecdsaWithSha256, sha384: OID.ecdsaWithSha384, sha512: OID.ecdsaWithSha512 } as const;
const RSA_OIDS = {
  sha256: OID.sha256WithRsaEncryption,
  sha384: OID.sha384WithRsaEncryption,
  sha512: OID.sha512WithRsaEncryption,
} as const;

function pss(hash: keyof typeof DIGEST_OIDS, saltLength: number): AlgorithmIdentifier {
  const params = new RSASSAPSSParams({
    hashAlgorithm: new AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[hash] }),
    maskGenAlgorithm: new AlgorithmIdentifier({
      algorithmId: OID.mgf1,
      algorithmParams: new AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[hash] }).toSchema(),
    }),
    saltLength,
  });
  return new AlgorithmIdentifier({ algorithmId: OID.idRsassaPss, algorithmParams: params.toSchema() });
}

describe('verifySignature on signatures openssl makes', () => {
  it.each([
    ['P-256', 'sha256'],
    ['P-384', 'sha384'],
    ['P-521', 'sha512'],
    ['P-521', 'sha256'],
  ] as const)('ECDSA %s with %s (DER signature from openssl, compressed and uncompressed key)', async (curve, hash) => {
    await withTempDir(async (dir) => {
      const cwd = dir.path;
      dir.write('data.bin', 'KSeF'.repeat(100));
      openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`, '-out', 'key.pem'], { cwd });
      openssl(['pkey', '-in', 'key.pem', '-pubout', '-outform', 'DER', '-out', 'spki.der'], { cwd });
      openssl(
        ['ec', '-in', 'key.pem', '-pubout', '-conv_form', 'compressed', '-outform', 'DER', '-out', 'compressed.der'],
        { cwd },
      );
      openssl(['dgst', `-${hash}`, '-sign', 'key.pem', '-out', 'sig.der', 'data.bin'], { cwd });
      const [data, signature] = [dir.read('data.bin'), dir.read('sig.der')];
      expect(readPublicKey(dir.read('compressed.der'))).toEqual(readPublicKey(dir.read('spki.der')));
      for (const { name, crypto } of engines) {
        for (const spki of [dir.read('spki.der'), dir.read('compressed.der')]) {
          const algorithm = new AlgorithmIdentifier({ algorithmId: ECDSA_OIDS[hash] });
          expect(await verifySignature(spki, algorithm, data, signature, crypto), name).toBe('valid');
          expect(await verifySignature(spki, algorithm, data.subarray(1), signature, crypto), name).toBe('invalid');
        }
      }
    });
  });

  it('RSA PKCS#1 v1.5 and RSA-PSS (openssl -sigopt) with SHA-256/384/512', async () => {
    await withTempDir(async (dir) => {
      const cwd = dir.path;
      dir.write('data.bin', 'KSeF'.repeat(100));
      openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'key.pem'], { cwd });
      openssl(['pkey', '-in', 'key.pem', '-pubout', '-outform', 'DER', '-out', 'spki.der'], { cwd });
      const spki = dir.read('spki.der');
      const data = dir.read('data.bin');
      for (const hash of ['sha256', 'sha384', 'sha512'] as const) {
        openssl(['dgst', `-${hash}`, '-sign', 'key.pem', '-out', `${hash}.sig`, 'data.bin'], { cwd });
        openssl(
          [
            'dgst',
            `-${hash}`,
            '-sign',
            'key.pem',
            '-sigopt',
            'rsa_padding_mode:pss',
            '-sigopt',
            'rsa_pss_saltlen:32',
            '-sigopt',
            `rsa_mgf1_md:${hash}`,
            '-out',
            `${hash}.pss`,
            'data.bin',
          ],
          { cwd },
        );
        for (const { name, crypto } of engines) {
          const pkcs1 = new AlgorithmIdentifier({ algorithmId: RSA_OIDS[hash], algorithmParams: new asn1js.Null() });
          expect(await verifySignature(spki, pkcs1, data, dir.read(`${hash}.sig`), crypto), name).toBe('valid');
          expect(await verifySignature(spki, pss(hash, 32), data, dir.read(`${hash}.pss`), crypto), name).toBe('valid');
          expect(await verifySignature(spki, pss(hash, 32), data, dir.read(`${hash}.sig`), crypto), name).toBe(
            'invalid',
          );
          expect(await verifySignature(spki, pkcs1, data, dir.read(`${hash}.pss`), crypto), name).toBe('invalid');
        }
      }
    });
  });
});
