/**
 * The I/O seams of the certificates screen's actions (STYLE 8): the browser's by default, a test's
 * when `configureCertificates` was called.
 */
import { downloadFile } from '../../browser/download';
import type { Sleep } from '../../ksef/sleep';
import { sleep as realSleep } from '../../ksef/sleep';
import type { RecordStorage } from '../apply/records';

export type DownloadSink = (fileName: string, content: Uint8Array | string, mimeType: string) => void;

export interface CertificatesSeams {
  readonly fetch: typeof globalThis.fetch;
  /** KSeF is called through the same-origin relay `<origin>/api/<env>/v2`. */
  readonly origin: string;
  readonly now: () => Date;
  readonly sleep: Sleep;
  /** Where this browser's application records are (read only here). */
  readonly storage: RecordStorage;
  readonly download: DownloadSink;
  readonly crypto: Crypto;
}

let overrides: Partial<CertificatesSeams> = {};

/** Replaces some seams (tests: the sandbox's origin, its clock, a capturing download sink). */
export function configureCertificates(seams: Partial<CertificatesSeams>): void {
  overrides = { ...overrides, ...seams };
}

/** The seams in force; browser globals are read only when not overridden. */
export function seams(): CertificatesSeams {
  return {
    fetch: overrides.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    origin: overrides.origin ?? globalThis.location.origin,
    now: overrides.now ?? (() => new Date()),
    sleep: overrides.sleep ?? realSleep,
    storage: overrides.storage ?? globalThis.localStorage,
    download: overrides.download ?? downloadFile,
    crypto: overrides.crypto ?? globalThis.crypto,
  };
}
