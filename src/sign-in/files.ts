/**
 * The files of a sign-in: opening the user's key and certificate (and signing in with them), and
 * saving a test identity.
 */
import { readCertificate, readCertificates } from '../crypto/certificate-reader';
import type { CertificateSummary } from '../crypto/certificate-summary';
import { identifyFile } from '../crypto/file-kind';
import { writeEncryptedKeyFile } from '../crypto/key-file';
import type { LoadedPrivateKey } from '../crypto/key-type';
import { encodePem } from '../crypto/pem';
import { readPfx } from '../crypto/pkcs12';
import { readPrivateKey } from '../crypto/private-key-reader';
import type { TestIdentity } from '../crypto/test-identity';
import type { AuthContextIdentifier } from '../crypto/auth-token-request';
import type { SignedInSession } from '../ksef/sign-in';
import { SignInError } from './errors';
import { type SignInClient, type SignInOptions, signInWithKsefCertificate } from './sign-in';

/** What the user opened: a private key (memory only) and the certificate to sign in with. */
export interface SigningCredentials {
  readonly key: LoadedPrivateKey;
  /** DER. */
  readonly certificate: Uint8Array;
  /** The certificate as the UI shows it (owner, purpose, validity, environment). */
  readonly summary: CertificateSummary;
}

/** The bytes of the files the user chose. */
export interface SigningFiles {
  /** A `.key` (encrypted PKCS#8 or another key format), a PEM holding key and certificate, or a `.pfx`/`.p12`. */
  readonly keyFile: Uint8Array;
  /** A `.crt`/`.cer`/`.pem`; when given it wins over any certificate inside `keyFile`. */
  readonly certificateFile?: Uint8Array;
  /** For an encrypted key or a PFX; ignored otherwise. */
  readonly password?: string;
}

/**
 * Opens the user's signing files: `.key` + `.crt` (the Taxpayer Application's pair), or a PFX, or a
 * PEM with both. Files are told apart by content, not by name. The certificate used is the first in
 * its file (the leaf, in the order KSeF, OpenSSL and PFX writers use; a PFX puts the key's own first).
 * Whether key and certificate pair is checked when signing in, before KSeF is contacted.
 *
 * @throws SignInError 'certificate-missing' when neither file holds a certificate; CryptoError from
 *   the readers: 'password-required', 'wrong-password', 'certificate-not-key' (the files swapped),
 *   'key-not-certificate', 'corrupt-file', 'unrecognized-file', 'legacy-pfx-encryption', ...
 */
export async function openSigningCredentials(
  files: SigningFiles,
  options: { readonly now?: () => Date; readonly crypto?: Crypto } = {},
): Promise<SigningCredentials> {
  const crypto = options.crypto ?? globalThis.crypto;
  const now = (options.now ?? (() => new Date()))();
  const kinds = identifyFile(files.keyFile);
  let key: LoadedPrivateKey;
  let bundled: Uint8Array | undefined;
  if (kinds.includes('pkcs12')) {
    const pfx = await readPfx(files.keyFile, files.password, crypto);
    key = pfx.key;
    bundled = pfx.certificates[0];
  } else {
    key = await readPrivateKey(files.keyFile, files.password, crypto);
    if (kinds.includes('certificate')) bundled = (await readCertificate(files.keyFile, now, crypto)).der;
  }
  if (files.certificateFile !== undefined) {
    const [first] = await readCertificates(files.certificateFile, now, crypto);
    bundled = first?.der;
  }
  if (bundled === undefined)
    throw new SignInError('certificate-missing', 'Choose the certificate (.crt) issued for this key');
  return { key, certificate: bundled, summary: await readCertificate(bundled, now, crypto) };
}

/**
 * Opens the user's signing files (`openSigningCredentials`) and signs in with them for `context`
 * (`signInWithKsefCertificate`). `subject` names who signed in: the certificate's owner, else its
 * subject line.
 *
 * @throws what those two throw.
 */
export async function signInWithSigningFiles(
  client: SignInClient,
  files: SigningFiles,
  context: AuthContextIdentifier,
  options: SignInOptions = {},
): Promise<{ readonly session: SignedInSession; readonly subject: string }> {
  const credentials = await openSigningCredentials(files, { now: options.now, crypto: options.crypto });
  const session = await signInWithKsefCertificate(
    client,
    { key: credentials.key, certificate: credentials.certificate, context },
    options,
  );
  return { session, subject: credentials.summary.ownerName ?? credentials.summary.subjectText };
}

/** A test identity as the two files the user keeps. */
export interface ExportedTestIdentity {
  /** PEM `ENCRYPTED PRIVATE KEY`, the Taxpayer Application's `.key` format. */
  readonly keyPem: string;
  /** PEM `CERTIFICATE`. */
  readonly certificatePem: string;
}

/**
 * The one export of a test identity's private key, encrypted with `password` (`writeEncryptedKeyFile`;
 * the form enforces the password rules with `keyPasswordSchema`), and its certificate as PEM.
 *
 * @throws CryptoError 'invalid-argument' for an empty password or a key that is no longer extractable.
 */
export async function exportTestIdentity(
  identity: TestIdentity,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<ExportedTestIdentity> {
  return {
    keyPem: await writeEncryptedKeyFile(identity.keyPair.privateKey, password, crypto),
    certificatePem: encodePem('CERTIFICATE', identity.certificate),
  };
}
