import { issueCertificate } from '../../src/crypto/certificate-builder';
import { buildSubject, encodeName } from '../../src/crypto/distinguished-name';
import type { CertificateEnrollmentData } from '../../src/crypto/enrollment-data';
import type { KeyAlgorithm } from '../../src/crypto/algorithms';
import { generateKeyPair } from '../../src/crypto/keys';
import { buildAuthTokenRequest } from '../../src/crypto/auth-token-request';

/** A challenge in the KSeF format. */
export const CHALLENGE = '20251120-CR-20F5EE4000-DA48AE4124-46';

/** The unsigned request the signing tests sign. */
export const UNSIGNED = buildAuthTokenRequest({ challenge: CHALLENGE, context: { type: 'Nip', value: '5265877635' } });

/** A person with Polish letters and a NIP, as KSeF TEST identities look. */
export const SIGNER_SUBJECT: CertificateEnrollmentData = {
  commonName: 'Zażółć Gęślą',
  givenName: 'Zażółć',
  surname: 'Gęślą',
  serialNumber: 'TINPL-5265877635',
  countryName: 'PL',
};

/** A key pair and a self-signed certificate over it, made with our certificate builder. */
export interface TestSigner {
  readonly keyPair: CryptoKeyPair;
  readonly certificate: Uint8Array;
}

/** Makes a signer of `algorithm` whose certificate has `serial` (positive, big-endian). */
export async function makeSigner(
  crypto: Crypto,
  algorithm: KeyAlgorithm,
  serial: Uint8Array = Uint8Array.of(0x41, 2, 3, 4, 5, 6, 7, 8),
  subject: CertificateEnrollmentData = SIGNER_SUBJECT,
): Promise<TestSigner> {
  const keyPair = await generateKeyPair(algorithm, crypto);
  const name = encodeName(buildSubject(subject));
  const certificate = await issueCertificate(
    {
      serialNumber: serial,
      issuer: name,
      subject: name,
      notBefore: new Date(Date.now() - 3_600_000),
      notAfter: new Date(Date.now() + 86_400_000),
      subjectPublicKeyInfo: new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey)),
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    },
    keyPair.privateKey,
    crypto,
  );
  return { keyPair, certificate };
}
