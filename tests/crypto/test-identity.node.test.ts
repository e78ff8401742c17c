import { describe, expect, it } from 'vitest';
import { encodePem } from '../../src/crypto/pem';
import { createTestIdentity } from '../../src/crypto/test-identity';
import { signAuthTokenRequest } from '../../src/crypto/xades-sign';
import { NAMEOPT, openssl, parseOpensslName, withTempDir } from '../support/openssl-x509';
import { UNSIGNED } from '../support/xades-signers';
import { installNodeXmlDom } from '../support/xml-dom';
import { xmlsec1Verify } from '../support/xml-oracles';

installNodeXmlDom();

describe('createTestIdentity, checked by openssl and xmlsec1', () => {
  it('openssl reads the person subject (UTF8String, Polish letters) and the profile', async () => {
    const { certificate } = await createTestIdentity({
      kind: 'person',
      givenName: 'Żaneta',
      surname: 'Gąsienica-Łęcka',
      pesel: '44051401359',
    });
    await withTempDir((dir) => {
      dir.write('cert.pem', encodePem('CERTIFICATE', certificate));
      const subject = openssl(['x509', '-in', 'cert.pem', '-noout', '-subject', '-nameopt', NAMEOPT], {
        cwd: dir.path,
      }).stdout;
      expect(parseOpensslName(subject)).toEqual([
        ['2.5.4.3', 'UTF8STRING', 'Żaneta Gąsienica-Łęcka'],
        ['2.5.4.4', 'UTF8STRING', 'Gąsienica-Łęcka'],
        ['2.5.4.42', 'UTF8STRING', 'Żaneta'],
        ['2.5.4.6', 'PRINTABLESTRING', 'PL'],
        ['2.5.4.5', 'PRINTABLESTRING', 'PNOPL-44051401359'],
      ]);
      const text = openssl(['x509', '-in', 'cert.pem', '-noout', '-text'], { cwd: dir.path }).stdout;
      expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Non Repudiation\n/);
      // 8 bytes, positive, first byte non-zero: 2^56 <= serial < 2^63.
      const serial = BigInt(/Serial Number: (\d+) \(0x[0-9a-f]+\)/.exec(text)?.[1] ?? '0');
      expect(serial >= 1n << 56n && serial < 1n << 63n).toBe(true);
      expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256');
    });
  });

  it('openssl reads a seal subject without person attributes', async () => {
    const { certificate } = await createTestIdentity(
      { kind: 'seal', organizationName: 'Spółka Testowa', nip: '5265877635', commonName: 'Pieczęć' },
      { algorithm: 'RSA-2048' },
    );
    await withTempDir((dir) => {
      dir.write('cert.pem', encodePem('CERTIFICATE', certificate));
      const subject = openssl(['x509', '-in', 'cert.pem', '-noout', '-subject', '-nameopt', NAMEOPT], {
        cwd: dir.path,
      }).stdout;
      expect(parseOpensslName(subject)).toEqual([
        ['2.5.4.3', 'UTF8STRING', 'Pieczęć'],
        ['2.5.4.10', 'UTF8STRING', 'Spółka Testowa'],
        ['2.5.4.97', 'UTF8STRING', 'VATPL-5265877635'],
        ['2.5.4.6', 'PRINTABLESTRING', 'PL'],
      ]);
      expect(openssl(['x509', '-in', 'cert.pem', '-noout', '-text'], { cwd: dir.path }).stdout).toContain(
        'sha256WithRSAEncryption',
      );
    });
  });

  it.each(['EC-P256', 'RSA-2048'] as const)('a %s identity signs a request xmlsec1 verifies', async (algorithm) => {
    const { keyPair, certificate } = await createTestIdentity(
      { kind: 'person', givenName: 'Jan', surname: 'Kowalski', nip: '5265877635' },
      { algorithm },
    );
    const signed = await signAuthTokenRequest(UNSIGNED, { privateKey: keyPair.privateKey, certificate });
    const result = xmlsec1Verify(signed, certificate);
    expect(result.output).toMatch(/^OK$/m);
    expect(result.ok).toBe(true);
  });
});
