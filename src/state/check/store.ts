import { create } from 'zustand';
import { readFileBytes } from '../../browser/read-file';
import type { InspectedFile } from '../../crypto/check-files';
import { isCryptoError } from '../../crypto/errors';
import { planCheck, type CheckRun, type OpenedFile, type OpenedFileContent, type PfxExport } from './model';
import { fileReader } from '../file-reader';
import { logUnexpected } from '../log-unexpected';
import { loadCheckCrypto } from './load-crypto';
import { toProblem } from './problems';
import { forgetAll, forgetFile, forgetKey, keyOf, vault } from './vault';

/**
 * The offline checker. Files and results live in memory only: this store has no persist middleware,
 * and no password ever enters it (passwords go from the form straight into one action call). Opened
 * private keys are not here either: they stay in `vault.ts`, and the store names their file.
 */
export interface CheckState {
  readonly files: readonly OpenedFile[];
  readonly run: CheckRun;
  readonly pfxExport: PfxExport;
}

const initialState: CheckState = { files: [], run: { status: 'idle' }, pfxExport: { status: 'idle' } };

export const useCheckStore = create<CheckState>()(() => initialState);

/**
 * Starts loading the crypto code and the file reader's workers in the background once the checker is
 * on screen, so that opening files makes no request at all and the first paint does not wait for them.
 */
export function preloadCheckCrypto(): void {
  loadCheckCrypto().catch((error: unknown) => logUnexpected('Loading the crypto code failed', error));
  fileReader.warm();
}

/** The reads in progress, by file id, and the unlock in progress: what "Stop" stops. */
const reading = new Map<number, AbortController>();
let unlocking: AbortController | null = null;

let nextFileId = 1;
/** Bumped on every change of the files; an evaluation whose number is stale drops its result. */
let revision = 0;

/** Opens the files the user chose or dropped and checks them as soon as they allow it. */
export async function addFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const added = files.map((file): OpenedFile => ({
    id: nextFileId++,
    name: file.name,
    size: file.size,
    content: { kind: 'reading' },
  }));
  useCheckStore.setState((s) => ({
    files: [...s.files, ...added],
    run: { status: 'checking' },
    pfxExport: { status: 'idle' },
  }));
  revision++;
  await Promise.all(
    files.map(async (file, index) => {
      const id = added[index]?.id;
      if (id !== undefined) await read(id, file);
    }),
  );
  revision++;
  await evaluate();
}

/** Reads again a file whose reading was stopped. */
export async function readAgain(id: number): Promise<void> {
  const file = vault.files.get(id);
  if (file === undefined) return;
  setContent(id, { kind: 'reading' });
  useCheckStore.setState({ run: { status: 'checking' }, pfxExport: { status: 'idle' } });
  revision++;
  await read(id, file);
  revision++;
  await evaluate();
}

/** Stops reading file `id` (its worker is stopped); the file stays in the list, "not read". */
export function stopReading(id: number): void {
  reading.get(id)?.abort();
}

/** Stops opening the locked file (its worker is stopped); it stays locked, for another try. */
export function stopUnlocking(): void {
  unlocking?.abort();
}

/** Removes one opened file and checks the rest again. */
export async function removeFile(id: number): Promise<void> {
  stopReading(id);
  forgetFile(id);
  useCheckStore.setState((s) => ({ files: s.files.filter((f) => f.id !== id), pfxExport: { status: 'idle' } }));
  revision++;
  await evaluate();
}

/** Forgets every opened file and result. */
export function clearFiles(): void {
  revision++;
  for (const controller of reading.values()) controller.abort();
  unlocking?.abort();
  forgetAll();
  useCheckStore.setState(initialState);
}

/**
 * Opens the encrypted key or PFX with `password`, then checks. A wrong password leaves the file
 * locked and the run `failed` with `wrong-password`, so the user can try again.
 */
export async function unlock(password: string): Promise<void> {
  const plan = planCheck(useCheckStore.getState().files);
  if (plan.kind !== 'needs-password') return;
  const own = ++revision;
  useCheckStore.setState({ run: { status: 'checking' } });
  const controller = new AbortController();
  unlocking = controller;
  try {
    const { format, bytes, certificates } = plan.file.content;
    const file = { format, bytes, certificates };
    // Off the page's thread: a PFX's key derivation can take seconds.
    const opened = await fileReader.read('unlock', { file, password, now: new Date() }, { signal: controller.signal });
    if (own !== revision) return;
    setContent(plan.file.id, opened);
  } catch (error) {
    if (own !== revision) return;
    // Stopped by the user: the file stays locked and nothing is wrong.
    if (isCryptoError(error, 'file-read-cancelled')) useCheckStore.setState({ run: { status: 'idle' } });
    else useCheckStore.setState({ run: { status: 'failed', problem: toProblem(error), fileName: plan.file.name } });
    return;
  } finally {
    if (unlocking === controller) unlocking = null;
  }
  await evaluate();
}

type FileOutcome = InspectedFile | Extract<OpenedFileContent, { kind: 'error' | 'not-read' | 'reading' }>;

/**
 * Reads `file` as file `id`, in the file reader's worker. Stopped by the user, the file becomes
 * "not read" and its `File` stays in the vault to be read again; otherwise the handle is let go.
 */
async function read(id: number, file: File): Promise<void> {
  const controller = new AbortController();
  reading.set(id, controller);
  vault.files.set(id, file);
  const outcome = await inspect(file, controller.signal);
  if (reading.get(id) === controller) reading.delete(id);
  if (outcome.kind !== 'not-read') vault.files.delete(id);
  setContent(id, outcome);
}

async function inspect(file: File, signal: AbortSignal): Promise<FileOutcome> {
  try {
    const bytes = await readFileBytes(file);
    return await fileReader.read('inspect', { bytes, now: new Date() }, { signal });
  } catch (error) {
    if (isCryptoError(error, 'file-read-cancelled')) return { kind: 'not-read' };
    return { kind: 'error', problem: toProblem(error) };
  }
}

/**
 * Records what file `id` turned out to be. An opened key goes to the vault and the store keeps only
 * its format and certificates; a file removed meanwhile keeps nothing, so its key is dropped here.
 */
function setContent(id: number, found: FileOutcome): void {
  if (!useCheckStore.getState().files.some((f) => f.id === id)) return;
  let content: OpenedFileContent;
  if (found.kind === 'key') {
    vault.keys.set(id, found.key);
    content = { kind: 'key', format: found.format, certificates: found.certificates };
  } else {
    forgetKey(id);
    content = found;
  }
  useCheckStore.setState((s) => ({ files: s.files.map((f) => (f.id === id ? { ...f, content } : f)) }));
}

/** Runs the pair check when the files allow it; otherwise settles the run for what is missing. */
async function evaluate(): Promise<void> {
  const own = revision;
  const plan = planCheck(useCheckStore.getState().files);
  switch (plan.kind) {
    case 'reading':
      return;
    case 'file-error':
      useCheckStore.setState({ run: { status: 'failed', problem: plan.problem, fileName: plan.fileName } });
      return;
    case 'ready':
      break;
    default:
      useCheckStore.setState({ run: { status: 'idle' } });
      return;
  }
  useCheckStore.setState({ run: { status: 'checking' } });
  let run: CheckRun;
  try {
    const { checkPairs } = await loadCheckCrypto();
    run = {
      status: 'done',
      keyFileId: plan.keyFileId,
      pairs: await checkPairs(keyOf(plan.keyFileId), plan.certificates),
    };
  } catch (error) {
    run = { status: 'failed', problem: toProblem(error), fileName: null };
  }
  if (own === revision) useCheckStore.setState({ run });
}
