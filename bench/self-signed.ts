import { issueCertificate } from '../src/crypto/certificate-builder';
import { buildSubject, encodeName } from '../src/crypto/distinguished-name';

/** A one-day self-signed certificate for a bench key pair (the pair check needs a certificate). */
export async function selfSignedCertificate(keyPair: CryptoKeyPair): Promise<Uint8Array> {
  const name = encodeName(buildSubject({ commonName: 'Bench', countryName: 'PL' }));
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
  const now = Date.now();
  return issueCertificate(
    {
      serialNumber: Uint8Array.of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08),
      issuer: name,
      subject: name,
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + 86_400_000),
      subjectPublicKeyInfo: spki,
      keyUsage: ['digitalSignature'],
    },
    keyPair.privateKey,
  );
}
