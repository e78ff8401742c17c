import type { CertificateSummary } from '../../crypto/certificate-summary';
import type { LockedFormat } from '../../crypto/check-files';
import type { PairResult } from '../../crypto/pair';
import type { Problem } from '../../problem/problem';
import type { PfxExportState } from '../pfx-export';

/**
 * What an opened file turned out to be. Only ciphertext (`locked.bytes`) and public data stay here;
 * an opened key (a WebCrypto key) is held in `vault.ts` under the file's id, never in the store.
 */
export type OpenedFileContent =
  | { readonly kind: 'reading' }
  /** The user stopped reading it: kept in the list (its `File` in the vault) to be read again. */
  | { readonly kind: 'not-read' }
  | {
      readonly kind: 'locked';
      readonly format: LockedFormat;
      readonly bytes: Uint8Array;
      readonly certificates: readonly CertificateSummary[];
    }
  | {
      readonly kind: 'key';
      readonly format: LockedFormat | 'private-key';
      readonly certificates: readonly CertificateSummary[];
    }
  | { readonly kind: 'certificates'; readonly certificates: readonly CertificateSummary[] }
  | { readonly kind: 'csr' }
  | { readonly kind: 'error'; readonly problem: Problem };

export interface OpenedFile {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  readonly content: OpenedFileContent;
}

export type LockedFile = OpenedFile & { readonly content: Extract<OpenedFileContent, { kind: 'locked' }> };

/** A certificate together with the file it came from. */
export interface CertificateEntry {
  /** Stable while the file stays open: `<file id>.<index in the file>`. */
  readonly id: string;
  readonly fileName: string;
  readonly certificate: CertificateSummary;
}

/** One certificate checked against the key. */
export interface PairOutcome extends CertificateEntry {
  readonly result: PairResult;
  /** A CA's certificate that does not pair (carried beside the leaf): not the key's, not a mismatch. */
  readonly ca: boolean;
}

/** The one async state of the checker (STYLE: a union, never a handful of booleans). */
export type CheckRun =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  /** `keyFileId`: the file whose key (in the vault) was checked. */
  | { readonly status: 'done'; readonly keyFileId: number; readonly pairs: readonly PairOutcome[] }
  | { readonly status: 'failed'; readonly problem: Problem; readonly fileName: string | null };

/** The state of a PFX export from a matching pair (the wizard's has the same shape). */
export type PfxExport = PfxExportState;

/** What the opened files allow: check now, or what is missing first. */
export type CheckPlan =
  | { readonly kind: 'empty' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'not-read'; readonly fileName: string }
  | { readonly kind: 'file-error'; readonly fileName: string; readonly problem: Problem }
  | { readonly kind: 'several-keys' }
  | { readonly kind: 'needs-key'; readonly hasCsr: boolean }
  | { readonly kind: 'needs-password'; readonly file: LockedFile }
  | { readonly kind: 'needs-certificate'; readonly hasCsr: boolean }
  | { readonly kind: 'ready'; readonly keyFileId: number; readonly certificates: readonly CertificateEntry[] };

function isLocked(file: OpenedFile): file is LockedFile {
  return file.content.kind === 'locked';
}

/** Every certificate in the opened files (certificate files and those inside a PFX), in order. */
export function certificatesOf(files: readonly OpenedFile[]): CertificateEntry[] {
  return files.flatMap((file) =>
    'certificates' in file.content
      ? file.content.certificates.map((certificate, i) => ({ id: `${file.id}.${i}`, fileName: file.name, certificate }))
      : [],
  );
}

/**
 * Decides what the opened files allow. A file whose reading was stopped waits to be read again or
 * removed; the first file that could not be read blocks the check (its error is the answer); exactly one key (plain, encrypted or PFX) and at least one certificate are
 * needed; the key is checked against every certificate.
 */
export function planCheck(files: readonly OpenedFile[]): CheckPlan {
  if (files.length === 0) return { kind: 'empty' };
  if (files.some((f) => f.content.kind === 'reading')) return { kind: 'reading' };
  const notRead = files.find((f) => f.content.kind === 'not-read');
  if (notRead !== undefined) return { kind: 'not-read', fileName: notRead.name };
  for (const file of files) {
    if (file.content.kind === 'error')
      return { kind: 'file-error', fileName: file.name, problem: file.content.problem };
  }
  const keyFiles = files.filter((f) => f.content.kind === 'key' || f.content.kind === 'locked');
  const hasCsr = files.some((f) => f.content.kind === 'csr');
  const [keyFile, ...otherKeys] = keyFiles;
  if (otherKeys.length > 0) return { kind: 'several-keys' };
  if (keyFile === undefined) return { kind: 'needs-key', hasCsr };
  if (isLocked(keyFile)) return { kind: 'needs-password', file: keyFile };
  if (keyFile.content.kind !== 'key') return { kind: 'needs-key', hasCsr };
  const certificates = certificatesOf(files);
  if (certificates.length === 0) return { kind: 'needs-certificate', hasCsr };
  return { kind: 'ready', keyFileId: keyFile.id, certificates };
}
