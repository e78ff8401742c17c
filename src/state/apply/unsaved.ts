/**
 * What leaving the wizard would lose (issue 12, "files never lost"): files of the issued certificate
 * not saved yet, and a key that exists only in this tab's memory.
 */
import type { KeyState, ResultState } from './model';
import { useApplyStore } from './store';
import { vault } from './vault';

/** The files of a certificate that pairs which were not handed to the browser yet, by name. */
export interface UnsavedFiles {
  readonly certificate: string | null;
  /** Only while the wizard can still make it: the saved `.key` is in memory. */
  readonly pfx: string | null;
}

/** The part of the result the question needs. */
type ResultFiles =
  | { readonly status: Exclude<ResultState['status'], 'ready'> }
  | Pick<
      Extract<ResultState, { status: 'ready' }>,
      'status' | 'pair' | 'fileBase' | 'certificateFileName' | 'pfxFileName'
    >;

/** The unsaved files of `result`; `keyFileInMemory`: the saved `.key`'s bytes are at hand for a PFX. */
export function unsavedFiles(result: ResultFiles, keyFileInMemory: boolean): UnsavedFiles {
  if (result.status !== 'ready' || !result.pair.match) return { certificate: null, pfx: null };
  return {
    certificate: result.certificateFileName === undefined ? `${result.fileBase}.crt` : null,
    pfx: result.pfxFileName === undefined && keyFileInMemory ? `${result.fileBase}.pfx` : null,
  };
}

/**
 * Whether closing the tab would lose what no saved file holds: a key in memory whose `.key` was not
 * proven saved, or a certificate not saved. (An unmade PFX is not lost: the checker makes one later.)
 */
export function leaveLoses(key: Pick<KeyState, 'status'>, result: ResultFiles, keyInMemory: boolean): boolean {
  const keyOnlyInMemory = keyInMemory && key.status !== 'proven';
  return keyOnlyInMemory || unsavedFiles(result, false).certificate !== null;
}

/** `unsavedFiles` of the wizard as it is now. */
export function currentUnsavedFiles(): UnsavedFiles {
  return unsavedFiles(useApplyStore.getState().result, vault.keyFile !== null);
}

/** `leaveLoses` of the wizard as it is now. */
export function currentLeaveLoses(): boolean {
  const { key, result } = useApplyStore.getState();
  return leaveLoses(key, result, vault.key !== null);
}
