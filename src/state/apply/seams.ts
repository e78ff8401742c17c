/**
 * The I/O seams of the wizard's actions (STYLE 8): the browser's by default, a test's when
 * `configureApply` was called.
 */
import { downloadFile } from '../../browser/download';
import type { Sleep } from '../../ksef/sleep';
import { sleep as realSleep } from '../../ksef/sleep';
import type { DraftStorage } from './draft';
import type { RecordStorage } from './records';

/** Where a saved file goes: the browser's download by default. */
export type DownloadSink = (fileName: string, content: Uint8Array | string, mimeType: string) => void;

export interface ApplySeams {
  readonly fetch: typeof globalThis.fetch;
  /** The app's origin: KSeF is called through the same-origin relay `<origin>/api/<env>/v2`. */
  readonly origin: string;
  readonly now: () => Date;
  readonly sleep: Sleep;
  readonly storage: RecordStorage;
  /** Where the tab's draft lives: the browser's sessionStorage by default. */
  readonly draftStorage: DraftStorage;
  readonly download: DownloadSink;
  readonly crypto: Crypto;
}

let overrides: Partial<ApplySeams> = {};

/** Replaces some seams (tests: a loopback relay origin, the sandbox clock, a capturing download sink). */
export function configureApply(seams: Partial<ApplySeams>): void {
  overrides = { ...overrides, ...seams };
}

/** The seams in force; browser globals are read only when not overridden. */
export function seams(): ApplySeams {
  return {
    fetch: overrides.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    origin: overrides.origin ?? globalThis.location.origin,
    now: overrides.now ?? (() => new Date()),
    sleep: overrides.sleep ?? realSleep,
    storage: overrides.storage ?? globalThis.localStorage,
    draftStorage: overrides.draftStorage ?? globalThis.sessionStorage,
    download: overrides.download ?? downloadFile,
    crypto: overrides.crypto ?? globalThis.crypto,
  };
}
