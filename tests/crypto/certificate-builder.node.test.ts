import { describe, expect, it } from 'vitest';
import { issueCertificate } from '../../src/crypto/certificate-builder';
import { buildSubject, encodeName } from '../../src/crypto/distinguished-name';
import { generateKeyPair } from '../../src/crypto/keys';
import { encodePem } from '../../src/crypto/pem';
import { openssl, withTempDir } from '../support/openssl-x509';

describe('issueCertificate, checked by openssl', () => {
  it.each(['EC-P256', 'RSA-2048'] as const)(
    'a %s CA and a leaf it signs verify, with the extensions we wrote',
    async (algorithm) => {
      const ca = await generateKeyPair(algorithm);
      const leaf = await generateKeyPair('EC-P256');
      const caName = encodeName(
        buildSubject({ commonName: 'SANDBOX CCK KSeF', countryName: 'PL', organizationName: 'ksef-cert' }),
      );
      const leafName = encodeName(
        buildSubject({
          commonName: 'Spółka Testowa (offline)',
          countryName: 'PL',
          organizationName: 'SPÓŁKA TESTOWA',
          organizationIdentifier: 'VATPL-5265877635',
        }),
      );
      const caSpki = new Uint8Array(await crypto.subtle.exportKey('spki', ca.publicKey));
      const now = Date.now();
      const caCert = await issueCertificate(
        {
          serialNumber: Uint8Array.of(1),
          issuer: caName,
          subject: caName,
          notBefore: new Date(now - 3_600_000),
          notAfter: new Date(now + 86_400_000),
          subjectPublicKeyInfo: caSpki,
          keyUsage: ['keyCertSign', 'cRLSign'],
          certificateAuthority: true,
        },
        ca.privateKey,
      );
      const leafCert = await issueCertificate(
        {
          serialNumber: Uint8Array.of(0x71, 2, 3, 4, 5, 6, 7, 8),
          issuer: caName,
          subject: leafName,
          notBefore: new Date(now - 60_000),
          notAfter: new Date(now + 86_400_000),
          subjectPublicKeyInfo: new Uint8Array(await crypto.subtle.exportKey('spki', leaf.publicKey)),
          keyUsage: ['nonRepudiation'],
          issuerPublicKeyInfo: caSpki,
        },
        ca.privateKey,
      );
      await withTempDir((dir) => {
        dir.write('ca.pem', encodePem('CERTIFICATE', caCert));
        dir.write('leaf.pem', encodePem('CERTIFICATE', leafCert));
        expect(openssl(['verify', '-CAfile', 'ca.pem', 'leaf.pem'], { cwd: dir.path }).stdout.trim()).toBe(
          'leaf.pem: OK',
        );
        const text = openssl(['x509', '-in', 'leaf.pem', '-noout', '-text', '-nameopt', 'utf8'], {
          cwd: dir.path,
        }).stdout;
        expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Non Repudiation\n/);
        expect(text).toContain('Serial Number: 8143074392038311688 (0x7102030405060708)');
        expect(text).toContain('CN=Spółka Testowa (offline)');
        expect(text).toContain('X509v3 Authority Key Identifier');
        const caText = openssl(['x509', '-in', 'ca.pem', '-noout', '-text'], { cwd: dir.path }).stdout;
        expect(caText).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:TRUE\n/);
        expect(caText).toMatch(/X509v3 Key Usage: critical\n\s+Certificate Sign, CRL Sign\n/);
        // Strict DER: openssl re-encodes the certificate to the same bytes.
        const reencoded = openssl(['x509', '-in', 'leaf.pem', '-outform', 'DER', '-out', 'leaf.der'], {
          cwd: dir.path,
        });
        expect(reencoded.status).toBe(0);
        expect(dir.read('leaf.der')).toEqual(leafCert);
      });
    },
  );
});
