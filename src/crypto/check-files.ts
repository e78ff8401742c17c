/**
 * The checker's crypto work on the files it is given, in one module the checker's store loads lazily
 * (`import('../../crypto/check-files')`): it pulls in PKI.js/asn1js, which must stay out of the
 * JavaScript of the first paint.
 */
import * as asn1js from 'asn1js';
import { children, corrupt, decodeDer, isUniversal } from './asn1';
import { parseCertificate, readCertificates } from './certificate-reader';
import type { CertificateSummary } from './certificate-summary';
import { isCryptoError } from './errors';
import { identifyFile } from './file-kind';
import type { LoadedPrivateKey } from './key-type';
import { OID } from './oids';
import { checkPair, type PairResult } from './pair';
import { buildPfx, readPfx } from './pkcs12';
import { readPrivateKey } from './private-key-reader';

/** A key file that needs a password before it can be used. */
export type LockedFormat = 'encrypted-private-key' | 'pkcs12';

/** An encrypted key or PFX kept as ciphertext until the password comes. */
export interface LockedKeyFile {
  readonly format: LockedFormat;
  readonly bytes: Uint8Array;
  readonly certificates: readonly CertificateSummary[];
}

/** An opened private key. `key` is a secret: held in memory only, never stored or sent. */
export interface OpenedKeyFile {
  readonly kind: 'key';
  readonly format: LockedFormat | 'private-key';
  readonly key: LoadedPrivateKey;
  readonly certificates: readonly CertificateSummary[];
}

/** What a file holds, by content. */
export type InspectedFile =
  | ({ readonly kind: 'locked' } & LockedKeyFile)
  | OpenedKeyFile
  | { readonly kind: 'certificates'; readonly certificates: readonly CertificateSummary[] }
  | { readonly kind: 'csr' };

/**
 * Tells what a file holds, by content. A plain private key is opened at once. An encrypted key or a
 * PFX is first tried without a password, so that what no password can fix (OpenSSL's legacy PEM
 * encryption, an RC4 PFX) is reported right away; otherwise it is kept as ciphertext until the
 * password comes. A PFX without a password opens at once.
 *
 * @throws CryptoError from the readers (`empty-file`, `unrecognized-file`, `corrupt-file`, ...).
 */
export async function inspectFile(bytes: Uint8Array, now: Date = new Date()): Promise<InspectedFile> {
  const kinds = new Set(identifyFile(bytes));
  if (kinds.has('pkcs12')) {
    const pfx = await withoutPassword(() => readPfx(bytes, undefined));
    if (pfx === null) return { kind: 'locked', format: 'pkcs12', bytes, certificates: [] };
    return { kind: 'key', format: 'pkcs12', key: pfx.key, certificates: await summarize(pfx.certificates, now) };
  }
  const certificates = kinds.has('certificate') ? await readCertificates(bytes, now) : [];
  if (kinds.has('encrypted-private-key')) {
    const key = await withoutPassword(() => readPrivateKey(bytes, undefined));
    if (key === null) return { kind: 'locked', format: 'encrypted-private-key', bytes, certificates };
    return { kind: 'key', format: 'encrypted-private-key', key, certificates };
  }
  if (kinds.has('private-key')) {
    return { kind: 'key', format: 'private-key', key: await readPrivateKey(bytes, undefined), certificates };
  }
  if (kinds.has('certificate')) return { kind: 'certificates', certificates };
  return { kind: 'csr' };
}

/** The result of `read`, or `null` when it needs a password. */
async function withoutPassword<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isCryptoError(error, 'password-required')) return null;
    throw error;
  }
}

async function summarize(certificates: readonly Uint8Array[], now: Date): Promise<CertificateSummary[]> {
  const summaries: CertificateSummary[] = [];
  for (const der of certificates) summaries.push(...(await readCertificates(der, now)));
  return summaries;
}

/**
 * Opens an encrypted key or a PFX with the password. The password is used for this call only.
 *
 * @throws CryptoError `wrong-password`, `legacy-pfx-encryption`, `unsupported-encryption`, ...
 */
export async function unlockFile(
  file: LockedKeyFile,
  password: string,
  now: Date = new Date(),
): Promise<OpenedKeyFile> {
  const { format, bytes } = file;
  if (format === 'encrypted-private-key') {
    const key = await readPrivateKey(bytes, password);
    return { kind: 'key', format, key, certificates: file.certificates };
  }
  const pfx = await readPfx(bytes, password);
  return { kind: 'key', format, key: pfx.key, certificates: await summarize(pfx.certificates, now) };
}

/**
 * Checks the key against every entry's certificate. A mismatch is a result, not an error. `ca` marks a
 * certificate that does not pair and is a CA's — basicConstraints cA=TRUE (RFC 5280 §4.2.1.9), or the
 * issuer of a certificate that pairs — as a PFX or a chain carries it beside the leaf.
 */
export async function checkPairs<T extends { readonly certificate: CertificateSummary }>(
  key: LoadedPrivateKey,
  entries: readonly T[],
): Promise<(T & { readonly result: PairResult; readonly ca: boolean })[]> {
  const results = await Promise.all(entries.map((entry) => checkPair(key, entry.certificate.der)));
  const issuers = new Set(
    entries.filter((_, i) => results[i]?.match === true).map((entry) => entry.certificate.issuerText),
  );
  return entries.map((entry, i) => {
    const result = results[i] ?? { match: false, reason: 'different-key' };
    const { certificate } = entry;
    const ca = !result.match && (issuers.has(certificate.subjectText) || isCaCertificate(certificate.der));
    return { ...entry, result, ca };
  });
}

/** basicConstraints cA=TRUE. @throws CryptoError `corrupt-file` when the extension is malformed. */
function isCaCertificate(der: Uint8Array): boolean {
  const { certificate } = parseCertificate(der);
  const extension = (certificate.extensions ?? []).find((e) => e.extnID === OID.basicConstraints);
  if (extension === undefined) return false;
  const value = decodeDer(new Uint8Array(extension.extnValue.getValue()), 'The basicConstraints extension');
  if (!isUniversal(value, 16)) throw corrupt('The basicConstraints extension is not a SEQUENCE');
  const [cA] = children(value);
  return cA instanceof asn1js.Boolean && cA.getValue();
}

/** A PFX holding the key and the certificate, encrypted with `password` (AES-256, PBKDF2). */
export function exportPfx(
  key: LoadedPrivateKey,
  certificate: CertificateSummary,
  password: string,
  friendlyName: string,
): Promise<Uint8Array> {
  return buildPfx({ privateKey: key.privateKey, certificate: certificate.der, friendlyName, password });
}
