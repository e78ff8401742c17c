/**
 * The application key (issue 4): the key pair, its CSR and the one export of the private key as the
 * encrypted `.key`, then the proofs that bind later files to that key (the saved `.key` reopened, the
 * issued certificate, the PFX).
 */
import type { KeyAlgorithm } from './algorithms';
import { readCertificate } from './certificate-reader';
import type { CertificateSummary } from './certificate-summary';
import { buildCsr } from './csr';
import type { CertificateEnrollmentData } from './enrollment-data';
import { writeEncryptedKeyFile } from './key-file';
import type { KeyType, LoadedPrivateKey } from './key-type';
import { exportSpki, generateKeyPair, toNonExtractable } from './keys';
import { checkPair, type PairResult } from './pair';
import { encodePem } from './pem';
import { buildPfx } from './pkcs12';
import { readPrivateKey } from './private-key-reader';
import { toHex } from '../lib/bytes';

const KEY_TYPES: Readonly<Record<KeyAlgorithm, KeyType>> = {
  'EC-P256': { kind: 'EC', curve: 'P-256' },
  'RSA-2048': { kind: 'RSA', modulusBits: 2048 },
};

/** A generated application key: the key in memory, its CSR, the encrypted `.key` text and the fingerprint. */
export interface GeneratedKey {
  /** Non-extractable from here on. */
  readonly key: LoadedPrivateKey;
  readonly csr: Uint8Array;
  /** PEM `ENCRYPTED PRIVATE KEY` (the Taxpayer Application's `.key` format). */
  readonly keyFilePem: string;
  readonly publicKeyFingerprint: string;
}

/**
 * Generates the key pair, signs the CSR for `enrollmentData`, writes the one export of the private key
 * encrypted with `password`, then re-imports the private key as non-extractable: after this call no
 * code can read the key's bytes out of memory again.
 *
 * @throws CryptoError `invalid-argument` (empty password), `invalid-enrollment-data`.
 */
export async function generateApplicationKey(
  algorithm: KeyAlgorithm,
  enrollmentData: CertificateEnrollmentData,
  password: string,
  crypto: Crypto,
): Promise<GeneratedKey> {
  const pair = await generateKeyPair(algorithm, crypto);
  const csr = await buildCsr(enrollmentData, pair, crypto);
  const keyFilePem = await writeEncryptedKeyFile(pair.privateKey, password, crypto);
  const privateKey = await toNonExtractable(pair.privateKey, crypto);
  const spki = await exportSpki(pair.publicKey, crypto);
  const key: LoadedPrivateKey = {
    keyType: KEY_TYPES[algorithm],
    source: 'encrypted-pkcs8',
    privateKey,
    publicKey: pair.publicKey,
    spki,
  };
  return { key, csr, keyFilePem, publicKeyFingerprint: await publicKeyFingerprint(spki, crypto) };
}

/** SHA-256 of a DER SubjectPublicKeyInfo, uppercase hex. */
export async function publicKeyFingerprint(spki: Uint8Array, crypto: Crypto): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(spki))));
}

/** A key file opened with its password, and the fingerprint of its public key. */
export interface OpenedKeyFile {
  readonly key: LoadedPrivateKey;
  readonly publicKeyFingerprint: string;
}

/**
 * Opens a saved `.key` with its password (the key's SPKI is derived from the private key itself). The
 * private key comes back non-extractable, like a generated one once its `.key` was written.
 *
 * @throws CryptoError `wrong-password`, `password-required`, `certificate-not-key`, `corrupt-file`, ...
 */
export async function openKeyFile(bytes: Uint8Array, password: string, crypto: Crypto): Promise<OpenedKeyFile> {
  const read = await readPrivateKey(bytes, password, crypto);
  const key: LoadedPrivateKey = { ...read, privateKey: await toNonExtractable(read.privateKey, crypto) };
  return { key, publicKeyFingerprint: await publicKeyFingerprint(key.spki, crypto) };
}

/**
 * The CSR for `enrollmentData` signed with a key opened from its `.key` (after a reload, the saved key
 * goes on in place of the one generated before).
 *
 * @throws CryptoError `invalid-enrollment-data`, `unsupported-key-type`.
 */
export async function applicationCsr(
  key: LoadedPrivateKey,
  enrollmentData: CertificateEnrollmentData,
  crypto: Crypto,
): Promise<Uint8Array> {
  return buildCsr(enrollmentData, { privateKey: key.privateKey, publicKey: key.publicKey }, crypto);
}

/** The issued certificate read back and checked against the key in memory. */
export interface CheckedCertificate {
  readonly certificate: CertificateSummary;
  readonly pair: PairResult;
  readonly certificatePem: string;
}

/**
 * Reads the certificate KSeF returned (base64 DER) and checks it pairs with `key`.
 *
 * @throws CryptoError `corrupt-file` and the other reader errors.
 */
export async function checkIssuedCertificate(
  der: Uint8Array,
  key: LoadedPrivateKey,
  now: Date,
  crypto: Crypto,
): Promise<CheckedCertificate> {
  const certificate = await readCertificate(der, now, crypto);
  return {
    certificate,
    pair: await checkPair(key, certificate.der, crypto),
    certificatePem: encodePem('CERTIFICATE', certificate.der),
  };
}

/**
 * A PFX of the certificate and the key from the saved `.key` file, both under `password` (the key's
 * password opens the `.key`; the in-memory key is non-extractable, so the file is the only source).
 *
 * @throws CryptoError `wrong-password`, `invalid-argument` (certificate not of this key), ...
 */
export async function buildApplicationPfx(
  keyFile: Uint8Array,
  certificate: Uint8Array,
  password: string,
  friendlyName: string,
  crypto: Crypto,
): Promise<Uint8Array> {
  const opened = await readPrivateKey(keyFile, password, crypto);
  return buildPfx({ privateKey: opened.privateKey, certificate, friendlyName, password }, crypto);
}
