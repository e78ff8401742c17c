import { describe, expect, it } from 'vitest';
import { checkPairs, inspectFile } from '../../src/crypto/check-files';
import { fixture } from '../support/key-fixtures';
import { openssl, withTempDir } from '../support/openssl';

const NOW = new Date();

describe('checkPairs, CA certificates', () => {
  it('marks the issuer of the certificate that pairs as a CA even without basicConstraints', () =>
    withTempDir(async (dir) => {
      dir.write('ca.key', fixture('ec-p384.pkcs8.pem'));
      dir.write('leaf.key', fixture('ec-p256.pkcs8.pem'));
      // Version 1 certificates: no extensions at all, so only the names tell the issuer.
      const caCsr = openssl(['req', '-new', '-key', 'ca.key', '-subj', '/CN=Issuer without basicConstraints'], {
        cwd: dir.path,
      }).stdout;
      openssl(['x509', '-req', '-signkey', 'ca.key', '-days', '30', '-out', 'ca.pem'], { cwd: dir.path, input: caCsr });
      const leafCsr = openssl(['req', '-new', '-key', 'leaf.key', '-subj', '/CN=Leaf'], { cwd: dir.path }).stdout;
      openssl(
        ['x509', '-req', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '7', '-days', '30', '-out', 'leaf.pem'],
        {
          cwd: dir.path,
          input: leafCsr,
        },
      );
      const text = openssl(['x509', '-in', 'ca.pem', '-noout', '-text'], { cwd: dir.path }).stdout.toString();
      expect(text).toContain('Version: 1');
      expect(text).not.toContain('Basic Constraints');

      const stranger = await inspectFile(fixture('rsa-2048.cert.pem'), NOW);
      const chain = await inspectFile(new Uint8Array([...dir.read('leaf.pem'), ...dir.read('ca.pem')]), NOW);
      const key = await inspectFile(fixture('ec-p256.pkcs8.pem'), NOW);
      if (chain.kind !== 'certificates' || stranger.kind !== 'certificates' || key.kind !== 'key')
        throw new Error('unexpected fixtures');
      const pairs = await checkPairs(
        key.key,
        [...chain.certificates, ...stranger.certificates].map((certificate) => ({ certificate })),
      );
      expect(pairs.map((p) => [p.certificate.subjectText, p.result.match, p.ca])).toEqual([
        ['CN=Leaf', true, false],
        ['CN=Issuer without basicConstraints', false, true],
        ['C=PL, CN=Fixture RSA 2048', false, false],
      ]);
    }));
});
