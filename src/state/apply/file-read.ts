/**
 * The wizard's reads of the user's files (the saved `.key` at the proof or on resuming, the sign-in
 * files), each in the file reader's worker: a slow or hostile file cannot freeze the page, the read
 * has its time limit (CryptoError `file-read-timed-out`), and the user can stop it.
 */
import { isCryptoError } from '../../crypto/errors';
import type { FileJobInputs, FileJobKind, FileJobResults } from '../../workers/file-jobs';
import { fileReader } from '../file-reader';
import { useApplyStore } from './store';

let current: AbortController | null = null;

/**
 * Runs job `kind` on the file named `fileName` in the worker; `fileRead` says so meanwhile.
 *
 * @throws what the job throws; CryptoError `file-read-cancelled` after `stopFileRead` (see `wasStopped`).
 */
export async function readInWorker<K extends FileJobKind>(
  kind: K,
  input: FileJobInputs[K],
  fileName: string,
): Promise<FileJobResults[K]> {
  const controller = new AbortController();
  current?.abort();
  current = controller;
  useApplyStore.setState({ fileRead: { status: 'reading', fileName } });
  try {
    return await fileReader.read(kind, input, { signal: controller.signal });
  } finally {
    if (current === controller) {
      current = null;
      useApplyStore.setState({ fileRead: { status: 'idle' } });
    }
  }
}

/** Stops the read in progress (its worker is stopped at once). */
export function stopFileRead(): void {
  current?.abort();
}

/** True for the error of a read the user stopped: nothing went wrong, nothing is lost. */
export function wasStopped(error: unknown): boolean {
  return isCryptoError(error, 'file-read-cancelled');
}

/**
 * Starts the file reader (its code and its workers) when the wizard opens, so that reading the user's
 * files later makes no request: the wizard works offline from the key step on.
 */
export function prepareFileReads(): void {
  fileReader.warm();
}
