/**
 * The messages between the page and the file reader's worker, checked with zod on both ends: the
 * worker parses each job before running it, the page parses each answer before using it. A coded
 * error crosses as `{ source, code, message }` and is rebuilt as the same class with the same code, so
 * every message mapping of the screens works as if the reader had run on the page. Anything else
 * crosses as its name only (a message could quote the file).
 */
import type { CertificateSummary } from '../crypto/certificate-summary';
import { CryptoError, isCryptoError, type CryptoErrorCode } from '../crypto/errors';
import { z } from '../lib/zod-mini';
import { isSignInError, SignInError, type SignInErrorCode } from '../sign-in/errors';
import type { FileJobInputs, FileJobKind, FileJobResults } from './file-jobs';

/**
 * Every code, so that a code from the worker is checked, not assumed. The compiler asks for a new
 * code here when one joins the union.
 */
const CRYPTO_CODES: Readonly<Record<CryptoErrorCode, true>> = {
  'empty-file': true,
  'unrecognized-file': true,
  'certificate-not-key': true,
  'csr-not-key': true,
  'key-not-certificate': true,
  'csr-not-certificate': true,
  'public-key-not-private-key': true,
  'openssh-private-key': true,
  'java-keystore': true,
  'password-required': true,
  'wrong-password': true,
  'corrupt-file': true,
  'unsupported-encryption': true,
  'legacy-pem-encryption': true,
  'legacy-pfx-encryption': true,
  'unsupported-key-type': true,
  'unsupported-curve': true,
  'not-a-crl': true,
  'crl-too-large': true,
  'pfx-without-key': true,
  'pfx-without-certificate': true,
  'invalid-enrollment-data': true,
  'invalid-argument': true,
  'invalid-nip': true,
  'invalid-pesel': true,
  'xml-malformed': true,
  'xml-not-utf8': true,
  'xml-dtd-forbidden': true,
  'not-auth-token-request': true,
  'signature-missing': true,
  'signature-multiple': true,
  'signature-detached': true,
  'challenge-mismatch': true,
  'challenge-expired': true,
  'signature-digest-mismatch': true,
  'signature-value-invalid': true,
  'signature-certificate-missing': true,
  'signer-certificate-mismatch': true,
  'iterations-too-many': true,
  'ec-parameters-too-large': true,
  'rsa-modulus-too-large': true,
  'der-nesting-too-deep': true,
  'xml-nesting-too-deep': true,
  'file-read-timed-out': true,
  'file-read-cancelled': true,
};
const SIGN_IN_CODES: Readonly<Record<SignInErrorCode, true>> = {
  'offline-certificate': true,
  'certificate-expired': true,
  'key-certificate-mismatch': true,
  'test-identity-not-allowed': true,
  'certificate-missing': true,
  'context-required': true,
};

const codeOf = <C extends string>(codes: Readonly<Record<C, true>>) =>
  z.custom<C>((code) => typeof code === 'string' && Object.hasOwn(codes, code));

const bytes = z.instanceof(Uint8Array);
const cryptoKey = z.custom<CryptoKey>((value) => value instanceof CryptoKey);

/** The fields the screens read, checked; the rest of a summary is plain data made by our own reader. */
const certificateSummary = z.custom<CertificateSummary>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    'der' in value &&
    value.der instanceof Uint8Array &&
    'spki' in value &&
    value.spki instanceof Uint8Array &&
    'subjectText' in value &&
    typeof value.subjectText === 'string' &&
    'notAfter' in value &&
    value.notAfter instanceof Date,
);
const certificates = z.array(certificateSummary);

const loadedPrivateKey = z.object({
  keyType: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('EC'), curve: z.enum(['P-256', 'P-384', 'P-521']) }),
    z.object({ kind: z.literal('RSA'), modulusBits: z.int().check(z.positive()) }),
  ]),
  source: z.enum(['encrypted-pkcs8', 'pkcs8', 'pkcs1', 'sec1', 'pkcs12']),
  privateKey: cryptoKey,
  publicKey: cryptoKey,
  spki: bytes,
});

const lockedFormat = z.enum(['encrypted-private-key', 'pkcs12']);
const openedKeyFile = z.object({
  kind: z.literal('key'),
  format: z.enum(['encrypted-private-key', 'pkcs12', 'private-key']),
  key: loadedPrivateKey,
  certificates,
});

const INPUTS: { readonly [K in FileJobKind]: z.ZodMiniType<FileJobInputs[K]> } = {
  inspect: z.object({ bytes, now: z.date() }),
  unlock: z.object({
    file: z.object({ format: lockedFormat, bytes, certificates }),
    password: z.string(),
    now: z.date(),
  }),
  'open-key-file': z.object({ bytes, password: z.string() }),
  'signing-credentials': z.object({
    files: z.object({ keyFile: bytes, certificateFile: z.optional(bytes), password: z.optional(z.string()) }),
    now: z.date(),
  }),
  'signed-file': z.object({ bytes, challenge: z.string(), challengeIssuedAt: z.date(), now: z.date() }),
};

const RESULTS: { readonly [K in FileJobKind]: z.ZodMiniType<FileJobResults[K]> } = {
  inspect: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('locked'), format: lockedFormat, bytes, certificates }),
    openedKeyFile,
    z.object({ kind: z.literal('certificates'), certificates }),
    z.object({ kind: z.literal('csr') }),
  ]),
  unlock: openedKeyFile,
  'open-key-file': z.object({ key: loadedPrivateKey, publicKeyFingerprint: z.string() }),
  'signing-credentials': z.object({ key: loadedPrivateKey, certificate: bytes, summary: certificateSummary }),
  'signed-file': bytes,
};

const jobKind = z.custom<FileJobKind>((kind) => typeof kind === 'string' && Object.hasOwn(INPUTS, kind));

/** A job as the page posts it: one job per message, `id` names its answer. */
export const jobMessageSchema = z.object({ id: z.int(), kind: jobKind, input: z.unknown() });
export type JobMessage = z.infer<typeof jobMessageSchema>;

/** The input of job `kind`, checked. @throws $ZodError for a malformed job. */
export function parseJobInput<K extends FileJobKind>(kind: K, input: unknown): FileJobInputs[K] {
  const schema: z.ZodMiniType<FileJobInputs[K]> = INPUTS[kind];
  return schema.parse(input);
}

/** An error as it crosses: a coded one with its code and message, anything else by name only. */
const wireErrorSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('crypto'), code: codeOf(CRYPTO_CODES), message: z.string() }),
  z.object({ source: z.literal('sign-in'), code: codeOf(SIGN_IN_CODES), message: z.string() }),
  z.object({ source: z.literal('other'), name: z.string() }),
]);
type WireError = z.infer<typeof wireErrorSchema>;

/** The answer of the worker to job `id`. */
export const answerMessageSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.int(), ok: z.literal(false), error: wireErrorSchema }),
]);
export type AnswerMessage = z.infer<typeof answerMessageSchema>;

/** The result of job `kind`, checked. @throws $ZodError when the worker answered something else. */
export function parseJobResult<K extends FileJobKind>(kind: K, result: unknown): FileJobResults[K] {
  const schema: z.ZodMiniType<FileJobResults[K]> = RESULTS[kind];
  return schema.parse(result);
}

/** `error` as it may cross to the page. */
export function toWireError(error: unknown): WireError {
  if (isCryptoError(error)) return { source: 'crypto', code: error.code, message: error.message };
  if (isSignInError(error)) return { source: 'sign-in', code: error.code, message: error.message };
  return { source: 'other', name: error instanceof Error ? error.name : typeof error };
}

/** The error the reader threw, rebuilt on the page: the same class and code for a coded one. */
export function fromWireError(error: WireError): Error {
  switch (error.source) {
    case 'crypto':
      return new CryptoError(error.code, error.message);
    case 'sign-in':
      return new SignInError(error.code, error.message);
    case 'other':
      return new Error(`The file reader failed with ${error.name}`);
  }
}
