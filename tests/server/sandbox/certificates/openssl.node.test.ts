import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../../../src/crypto/keys';
import { encodePem } from '../../../../src/crypto/pem';
import { openssl, withTempDir } from '../../../support/openssl';
import { NIP, PERSON, SEAL, SEAL_NIP, createSandboxHarness, testSigner } from '../../../support/sandbox-harness';
import { expectKsefProfile } from '../../../support/sandbox-openssl';

/**
 * The independent oracle in depth (the harness already runs `expectKsefProfile` on every certificate
 * any test retrieves): docs/ksef-contract.md §7 keyUsage and CN suffix, key type, two years of validity, the 16-hex
 * serial, and a chain that `openssl verify` accepts against the sandbox CA.
 */
describe('certificates the sandbox issues, read by openssl', () => {
  const h = createSandboxHarness();
  afterEach(() => h.expectContract());

  it.each([
    ['person', 'EC-P256', 'Authentication'],
    ['person', 'RSA-2048', 'Offline'],
    ['seal', 'RSA-2048', 'Authentication'],
    ['seal', 'EC-P256', 'Offline'],
  ] as const)('%s %s %s', async (who, algorithm, type) => {
    const signer = await testSigner(who === 'person' ? PERSON : SEAL);
    const session = await h.signIn(signer, { context: { type: 'Nip', value: who === 'person' ? NIP : SEAL_NIP } });
    const data = await h.enrollmentData(session.accessToken);
    const issued = await h.obtainCertificate(session.accessToken, await generateKeyPair(algorithm), type);
    const ca = await h.control.caCertificate();

    const text = await expectKsefProfile(issued.der, type);
    const suffix = type === 'Authentication' ? ' (uwierzytelnienie)' : ' (offline)';
    expect(text).toContain(`CN=${data.commonName}${suffix}`);
    expect(text).toContain(algorithm === 'EC-P256' ? 'NIST CURVE: P-256' : 'Public-Key: (2048 bit)');
    expect(text).toMatch(/Not Before: Mar {2}2 10:00:0\d 2026 GMT\s+Not After : Mar {2}2 10:00:0\d 2028 GMT/);

    await withTempDir((dir) => {
      dir.write('leaf.der', issued.der);
      dir.write('ca.pem', encodePem('CERTIFICATE', ca));
      const serial = openssl(['x509', '-inform', 'DER', '-in', 'leaf.der', '-noout', '-serial'], {
        cwd: dir.path,
      }).stdout.toString('utf8');
      expect(serial.trim()).toBe(`serial=${issued.serial}`);
      openssl(['x509', '-inform', 'DER', '-in', 'leaf.der', '-out', 'leaf.pem'], { cwd: dir.path });
      // Chain check at the sandbox clock's date (the CA is valid from an hour before its creation).
      const verified = openssl(
        ['verify', '-attime', String(Math.floor(h.clock.now().getTime() / 1000)), '-CAfile', 'ca.pem', 'leaf.pem'],
        { cwd: dir.path },
      );
      expect(verified.stdout.toString('utf8').trim()).toBe('leaf.pem: OK');
    });
  });
});
