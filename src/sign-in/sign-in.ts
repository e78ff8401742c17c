/**
 * The three ways to sign in to KSeF (docs/ksef-contract.md §4): with a KSeF certificate whose key the user holds,
 * with a file the user signs in their own software (qualified signature or seal), and with a
 * throwaway self-signed identity on environments that accept one. Every path signs in the browser or
 * takes the user's signed file as is; the private key never leaves memory and is never sent.
 */
import {
  type AuthContextIdentifier,
  type SubjectIdentifierType,
  buildAuthTokenRequest,
} from '../crypto/auth-token-request';
import { readCertificate } from '../crypto/certificate-reader';
import { classifyCertificate } from '../crypto/ksef-profile';
import type { LoadedPrivateKey } from '../crypto/key-type';
import type { KeyAlgorithm } from '../crypto/algorithms';
import { checkPair } from '../crypto/pair';
import { type TestIdentity, type TestIdentityInput, createTestIdentity } from '../crypto/test-identity';
import { type XadesSigner, signAuthTokenRequest } from '../crypto/xades-sign';
import type { AuthOperations } from '../ksef/auth-operations';
import type { CallOptions } from '../ksef/call-options';
import { KSEF_ENVIRONMENT_INFO, type KsefEnvironment } from '../ksef/environments';
import { type CompleteSignInOptions, type SignedInSession, type SignInProgress, completeSignIn } from '../ksef/sign-in';
import { SignInError } from './errors';
import { checkSignedFile } from './signed-file';

export type { SignedInSession } from '../ksef/sign-in';

/** The KSeF calls a sign-in makes. */
export type SignInClient = Pick<
  AuthOperations,
  'requestChallenge' | 'submitXadesSignature' | 'getAuthStatus' | 'redeemTokens'
>;

/** Where a sign-in is: our own steps, then `completeSignIn`'s. */
export type SignInStep =
  /** POST /auth/challenge is on its way. */
  | { readonly stage: 'challenge' }
  /** The browser signs the AuthTokenRequest. */
  | { readonly stage: 'signing' }
  | SignInProgress;

/** Options every sign-in takes; the seams default to the real clock and WebCrypto. */
export interface SignInOptions extends CallOptions {
  readonly onProgress?: (step: SignInStep) => void;
  readonly pollOptions?: CompleteSignInOptions['pollOptions'];
  /** Sent as `?verifyCertificateChain=`; unset leaves it to KSeF's default. */
  readonly verifyCertificateChain?: boolean;
  /** Default `certificateSubject` (identity from the certificate's subject). */
  readonly subjectIdentifierType?: SubjectIdentifierType;
  /** Clock for certificate validity, SigningTime and the challenge's age. */
  readonly now?: () => Date;
  readonly crypto?: Crypto;
  /** Where the client signs in; lets `signInWithKsefCertificate` refuse what that environment refuses. */
  readonly environment?: KsefEnvironment;
}

/** What the user supplied to sign in with a KSeF (or any file-based) certificate. */
export interface KsefCertificateSignIn {
  readonly key: LoadedPrivateKey;
  /** DER. */
  readonly certificate: Uint8Array;
  /** On whose behalf to act, e.g. `{ type: 'Nip', value: '5265877635' }`. */
  readonly context: AuthContextIdentifier;
}

/**
 * Signs in with a certificate and its private key (typically a KSeF Authentication certificate, to
 * apply for further or renewed certificates, docs/ksef-contract.md §4.12): challenge, `buildAuthTokenRequest`,
 * XAdES signature in the browser, then `completeSignIn`.
 *
 * Refused before KSeF is contacted, by what `classifyCertificate` says the certificate is: a KSeF Offline
 * certificate (docs/ksef-contract.md §7, §9), and a self-signed certificate on an environment that does not
 * accept one (`options.environment` without `allowsSelfSignedIdentity`: DEMO, production); then an expired
 * certificate (at `now`) and a key that does not pair with the certificate. Other certificates (KSeF
 * Authentication, qualified signatures and seals, self-signed on TEST and the sandbox) go to KSeF, which
 * decides. A not-yet-valid certificate is left to KSeF: a fresh one can look so on a computer whose clock
 * is a little behind.
 *
 * @throws SignInError 'offline-certificate', 'test-identity-not-allowed', 'certificate-expired', 'key-certificate-mismatch';
 *   CryptoError from reading the certificate ('corrupt-file', ...) or building the request
 *   ('invalid-argument', 'invalid-nip' for a bad context); KsefError from KSeF (see `completeSignIn`).
 */
export async function signInWithKsefCertificate(
  client: SignInClient,
  input: KsefCertificateSignIn,
  options: SignInOptions = {},
): Promise<SignedInSession> {
  const now = options.now ?? (() => new Date());
  const crypto = options.crypto ?? globalThis.crypto;
  const summary = await readCertificate(input.certificate, now(), crypto);
  // keyUsage alone does not decide: qualified certificates carry nonRepudiation too (classifyCertificate).
  const kind = classifyCertificate(summary);
  if (kind.kind === 'ksef' && kind.purpose === 'Offline') {
    throw new SignInError(
      'offline-certificate',
      'An Offline certificate cannot sign in to KSeF; use an Authentication certificate',
    );
  }
  const environment = options.environment;
  if (
    kind.kind === 'not-ksef' &&
    kind.what === 'self-signed' &&
    environment !== undefined &&
    !KSEF_ENVIRONMENT_INFO[environment].allowsSelfSignedIdentity
  ) {
    throw new SignInError('test-identity-not-allowed', `KSeF ${environment} does not accept self-signed certificates`);
  }
  if (summary.validity === 'expired')
    throw new SignInError('certificate-expired', `The certificate expired on ${summary.notAfter.toISOString()}`);
  const pair = await checkPair(input.key, input.certificate, crypto);
  if (!pair.match) {
    throw new SignInError(
      'key-certificate-mismatch',
      `The private key does not belong to the certificate (${pair.reason})`,
      { pairReason: pair.reason },
    );
  }
  return signInWithSigner(
    client,
    { privateKey: input.key.privateKey, certificate: input.certificate },
    input.context,
    options,
  );
}

/** The challenge and the unsigned request for the user's signing software. */
export interface PreparedExternalSignature {
  readonly challenge: string;
  /**
   * By this browser's clock, just before the challenge was asked for: its age is then measured on one
   * clock (KSeF's `timestamp` would be off by any difference between the two clocks).
   */
  readonly challengeIssuedAt: Date;
  /** The `AuthTokenRequest` to sign, as text; save it as UTF-8, unchanged. */
  readonly unsignedXml: string;
  readonly fileName: typeof EXTERNAL_SIGNATURE_FILE_NAME;
}

/** The name of the file the user downloads and signs. */
export const EXTERNAL_SIGNATURE_FILE_NAME = 'AuthTokenRequest.xml';

/**
 * Step 1 of signing in with the user's own signing software: a fresh challenge and the unsigned
 * `AuthTokenRequest` for `context`. The challenge lives 10 minutes.
 *
 * @throws KsefError from POST /auth/challenge; CryptoError 'invalid-argument' / 'invalid-nip' for a bad context.
 */
export async function prepareExternalSignature(
  client: Pick<AuthOperations, 'requestChallenge'>,
  input: { readonly context: AuthContextIdentifier; readonly subjectIdentifierType?: SubjectIdentifierType },
  options: CallOptions & { readonly now?: () => Date } = {},
): Promise<PreparedExternalSignature> {
  const challengeIssuedAt = (options.now ?? (() => new Date()))();
  const { challenge } = await client.requestChallenge({ signal: options.signal });
  const unsignedXml = buildAuthTokenRequest({
    challenge,
    context: input.context,
    subjectIdentifierType: input.subjectIdentifierType,
  });
  return { challenge, challengeIssuedAt, unsignedXml, fileName: EXTERNAL_SIGNATURE_FILE_NAME };
}

/**
 * Step 2: checks the file the user signed (`checkExternalSignature`: UTF-8, one enveloped or
 * enveloping signature, our challenge, not older than 10 minutes), verifies its signature in the
 * browser (`verifyExternalSignature`: a file changed after signing, e.g. re-indented, is refused here
 * rather than by KSeF with 9105) and completes the sign-in with the file's bytes exactly as given.
 *
 * @throws CryptoError 'empty-file', 'xml-not-utf8', 'xml-dtd-forbidden', 'xml-malformed',
 *   'not-auth-token-request', 'signature-missing', 'signature-multiple', 'signature-detached',
 *   'challenge-mismatch', 'challenge-expired', 'corrupt-file', 'signature-digest-mismatch',
 *   'signature-certificate-missing', 'signature-value-invalid' (nothing sent for any of these);
 *   KsefError from KSeF (see `completeSignIn`).
 */
export async function signInWithExternalSignature(
  client: Pick<AuthOperations, 'submitXadesSignature' | 'getAuthStatus' | 'redeemTokens'>,
  prepared: Pick<PreparedExternalSignature, 'challenge' | 'challengeIssuedAt'>,
  signedFile: Uint8Array,
  options: Omit<SignInOptions, 'subjectIdentifierType'> = {},
): Promise<SignedInSession> {
  const checked = await checkSignedFile(signedFile, prepared, options);
  return signInWithCheckedFile(client, checked, options);
}

/**
 * Step 2 when the file was already checked by `checkSignedFile` (the wizard checks it in the file
 * reader's Web Worker): completes the sign-in with the file's bytes exactly as given.
 *
 * @throws KsefError from KSeF (see `completeSignIn`).
 */
export function signInWithCheckedFile(
  client: Pick<AuthOperations, 'submitXadesSignature' | 'getAuthStatus' | 'redeemTokens'>,
  checkedFile: Uint8Array,
  options: Omit<SignInOptions, 'subjectIdentifierType'> = {},
): Promise<SignedInSession> {
  return completeSignIn(client, checkedFile, completeOptions(options));
}

/** Options of `signInWithTestIdentity`. */
export interface TestIdentitySignInOptions extends Omit<SignInOptions, 'verifyCertificateChain'> {
  /** Default EC P-256. */
  readonly algorithm?: KeyAlgorithm;
  /** Default: `Nip` of the identity's NIP; required for a person identified by PESEL. */
  readonly context?: AuthContextIdentifier;
}

/**
 * Mints a self-signed identity (`createTestIdentity`) and signs in with it, on environments that
 * accept one (`allowsSelfSignedIdentity`: the sandbox and TEST), with `verifyCertificateChain=false`
 * as the official SDKs send it. Returns the identity too, so the UI can offer it for download
 * (`exportTestIdentity`); until then its private key exists in memory only.
 *
 * @throws SignInError 'test-identity-not-allowed' (checked first), 'context-required'; CryptoError
 *   from `createTestIdentity` ('invalid-nip', 'invalid-pesel', 'invalid-argument'); KsefError from KSeF.
 */
export async function signInWithTestIdentity(
  client: SignInClient,
  environment: KsefEnvironment,
  identityInput: TestIdentityInput,
  options: TestIdentitySignInOptions = {},
): Promise<{ readonly session: SignedInSession; readonly identity: TestIdentity }> {
  if (!KSEF_ENVIRONMENT_INFO[environment].allowsSelfSignedIdentity) {
    throw new SignInError('test-identity-not-allowed', `KSeF ${environment} does not accept self-signed certificates`);
  }
  const nip = identityInput.nip;
  const context = options.context ?? (nip === undefined ? undefined : { type: 'Nip' as const, value: nip });
  if (context === undefined)
    throw new SignInError('context-required', 'A test identity without a NIP needs the context NIP to sign in for');
  const now = options.now ?? (() => new Date());
  const identity = await createTestIdentity(identityInput, { algorithm: options.algorithm, now }, options.crypto);
  const signer = { privateKey: identity.keyPair.privateKey, certificate: identity.certificate };
  const session = await signInWithSigner(client, signer, context, { ...options, verifyCertificateChain: false });
  return { session, identity };
}

/** Challenge, request, signature in the browser, then `completeSignIn`. */
async function signInWithSigner(
  client: SignInClient,
  signer: XadesSigner,
  context: AuthContextIdentifier,
  options: SignInOptions,
): Promise<SignedInSession> {
  options.onProgress?.({ stage: 'challenge' });
  const { challenge } = await client.requestChallenge({ signal: options.signal });
  const xml = buildAuthTokenRequest({ challenge, context, subjectIdentifierType: options.subjectIdentifierType });
  options.onProgress?.({ stage: 'signing' });
  const signed = await signAuthTokenRequest(xml, signer, { now: options.now }, options.crypto);
  return completeSignIn(client, signed, completeOptions(options));
}

function completeOptions(options: SignInOptions): CompleteSignInOptions {
  return {
    signal: options.signal,
    onProgress: options.onProgress,
    pollOptions: options.pollOptions,
    verifyCertificateChain: options.verifyCertificateChain,
  };
}
