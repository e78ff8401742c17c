import { AppError } from '../lib/app-error';

/**
 * Every failure mode of the crypto readers and writers, one code each (STYLE: decode strictly, fail
 * specifically). The UI translates each code in `src/messages/`; a negative answer (a key that does not
 * pair, a CSR finding) is a result, not one of these.
 */
export type CryptoErrorCode =
  /** The file has no bytes at all. */
  | 'empty-file'
  /** Bytes that are none of the formats we read (not PEM, not DER of a known structure). */
  | 'unrecognized-file'
  /** A key was expected, but the file holds a certificate. */
  | 'certificate-not-key'
  /** A key was expected, but the file holds a certificate signing request. */
  | 'csr-not-key'
  /** A certificate was expected, but the file holds a private key (plain, encrypted or PFX). */
  | 'key-not-certificate'
  /** A certificate was expected, but the file holds a certificate signing request. */
  | 'csr-not-certificate'
  /** A public key (PEM `PUBLIC KEY` or DER SubjectPublicKeyInfo): the private half is needed. */
  | 'public-key-not-private-key'
  /** An OpenSSH private key (`OPENSSH PRIVATE KEY`), which `ssh-keygen -p -m PKCS8` converts. */
  | 'openssh-private-key'
  /** A Java keystore (JKS or JCEKS), which `keytool -importkeystore` converts to PKCS#12. */
  | 'java-keystore'
  /** The file is encrypted and no password was given. */
  | 'password-required'
  /** The password does not open the file (bad padding, a MAC mismatch, or garbage after decryption). */
  | 'wrong-password'
  /** Structurally broken or truncated: bad PEM armour, bad base64, DER that does not parse. */
  | 'corrupt-file'
  /** Encryption we do not implement (RC4, MD2, scrypt, RC2 in PBES2, an unknown cipher or PRF). */
  | 'unsupported-encryption'
  /** More password iterations than any real file uses (`MAX_ITERATIONS`): refused before any work. */
  | 'iterations-too-many'
  /** An OpenSSL "traditional" PEM with `Proc-Type: 4,ENCRYPTED` headers. */
  | 'legacy-pem-encryption'
  /** A PKCS#12/PFX protected with legacy algorithms we do not read (RC4, MD2, RC2 in PBES2). */
  | 'legacy-pfx-encryption'
  /** A key type other than RSA or EC (DSA, Ed25519, X25519, ...). */
  | 'unsupported-key-type'
  /** An EC key on a curve other than P-256, P-384 or P-521. */
  | 'unsupported-curve'
  /** Readable DER or PEM, but not a certificate revocation list (RFC 5280 §5.1). */
  | 'not-a-crl'
  /** A CRL larger than `MAX_CRL_BYTES` (4 MiB): refused before parsing. */
  | 'crl-too-large'
  /** A PFX that holds no private key. */
  | 'pfx-without-key'
  /** A PFX that holds no certificate. */
  | 'pfx-without-certificate'
  /** Enrollment data that cannot make a valid subject (e.g. an empty commonName). */
  | 'invalid-enrollment-data'
  /** A caller passed a password, name or option that the rules reject. */
  | 'invalid-argument'
  /** A NIP with the wrong shape or check digit (a test identity, a sign-in context). */
  | 'invalid-nip'
  /** A PESEL with the wrong shape, check digit or date part. */
  | 'invalid-pesel'
  /** A signed sign-in file that is not well-formed XML. */
  | 'xml-malformed'
  /** A signed sign-in file that is not UTF-8, or declares another encoding (KSeF error 21217). */
  | 'xml-not-utf8'
  /** XML with a DOCTYPE: refused so that no entity is ever expanded or fetched (XXE, entity bombs). */
  | 'xml-dtd-forbidden'
  /** Well-formed XML whose document is not an `AuthTokenRequest` (2.0 or 2.1 namespace). */
  | 'not-auth-token-request'
  /** The sign-in file carries no `ds:Signature` (KSeF error 9102). */
  | 'signature-missing'
  /** The sign-in file carries more than one `ds:Signature` (KSeF error 9103). */
  | 'signature-multiple'
  /** The signature does not cover the request inside the file (detached; KSeF rejects it). */
  | 'signature-detached'
  /** The signed request carries a challenge other than the one KSeF gave us for this sign-in. */
  | 'challenge-mismatch'
  /** The challenge is older than the 10 minutes KSeF keeps it; see `ChallengeExpiredError.minutes`. */
  | 'challenge-expired'
  /** A Reference's digest differs from the file's content: the signed content changed after signing (KSeF 9105). */
  | 'signature-digest-mismatch'
  /** The SignatureValue does not verify with the KeyInfo certificate: the signature or SignedInfo changed (KSeF 9105). */
  | 'signature-value-invalid'
  /** The signature carries no X509Certificate in KeyInfo, so neither we nor KSeF can verify it. */
  | 'signature-certificate-missing'
  /** Our own signature does not verify with the given certificate: key and certificate are not a pair. */
  | 'signer-certificate-mismatch'
  /** Explicit EC parameters, a point or a private scalar longer than P-521 allows (checked before any arithmetic). */
  | 'ec-parameters-too-large'
  /** An RSA modulus above 16384 bits or a public exponent above 8 bytes (checked before WebCrypto sees it). */
  | 'rsa-modulus-too-large'
  /** DER nested deeper than 64 constructed values (checked before the parser builds a tree). */
  | 'der-nesting-too-deep'
  /** XML elements nested deeper than 64 (checked before the parser and the canonicalizer recurse). */
  | 'xml-nesting-too-deep'
  /** Reading a file (in its Web Worker) took longer than the time limit: the worker was stopped, the page stays usable. */
  | 'file-read-timed-out'
  /** The user stopped reading a file (its Web Worker was stopped); nothing is lost, the file can be read again. */
  | 'file-read-cancelled';

/** An error from `src/crypto/`, with a stable code the UI translates. */
export class CryptoError extends AppError<CryptoErrorCode> {
  constructor(code: CryptoErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'CryptoError';
  }
}

/** True when `value` is a `CryptoError`, optionally with the given code. */
export function isCryptoError(value: unknown, code?: CryptoErrorCode): value is CryptoError {
  return value instanceof CryptoError && (code === undefined || value.code === code);
}
