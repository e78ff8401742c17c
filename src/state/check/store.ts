import { create } from 'zustand';
import { readFileBytes, ReadFileError } from '../../browser/read-file';
import { downloadFile } from '../../browser/download';
import { nextPaint } from '../../browser/next-paint';
import type { CertificateSummary } from '../../crypto/certificate-summary';
import type { InspectedFile } from '../../crypto/check-files';
import { isCryptoError } from '../../crypto/errors';
import type { LoadedPrivateKey } from '../../crypto/key-type';
import { encodePem } from '../../crypto/pem';
import { certificateFileBase } from '../file-name';
import type { Problem } from '../../problem/problem';
import { planCheck, type CheckRun, type OpenedFile, type OpenedFileContent, type PfxExport } from './model';
import { logUnexpected } from '../log-unexpected';
import { forgetAll, forgetKey, vault } from './vault';

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

const loadCheckCrypto = () => import('../../crypto/check-files');

/**
 * Starts loading the crypto code in the background once the checker is on screen, so that opening
 * files makes no request at all and the first paint does not wait for it.
 */
export function preloadCheckCrypto(): void {
  loadCheckCrypto().catch((error: unknown) => logUnexpected('Loading the crypto code failed', error));
}

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
      if (id !== undefined) setContent(id, await inspect(file));
    }),
  );
  revision++;
  await evaluate();
}

/** Removes one opened file and checks the rest again. */
export async function removeFile(id: number): Promise<void> {
  forgetKey(id);
  useCheckStore.setState((s) => ({ files: s.files.filter((f) => f.id !== id), pfxExport: { status: 'idle' } }));
  revision++;
  await evaluate();
}

/** Forgets every opened file and result. */
export function clearFiles(): void {
  revision++;
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
  try {
    const { unlockFile } = await loadCheckCrypto();
    // A PFX's MAC key derivation holds the main thread (up to ~2 s): show "checking" first.
    await nextPaint();
    const opened = await unlockFile(plan.file.content, password);
    if (own !== revision) return;
    setContent(plan.file.id, opened);
  } catch (error) {
    if (own !== revision) return;
    useCheckStore.setState({ run: { status: 'failed', problem: toProblem(error), fileName: plan.file.name } });
    return;
  }
  await evaluate();
}

/** Saves the key and `certificate` of a matching pair as `<owner>_<serial>.pfx`, encrypted with `password`. */
export async function exportPfx(certificate: CertificateSummary, password: string): Promise<void> {
  const { run } = useCheckStore.getState();
  if (run.status !== 'done') return;
  useCheckStore.setState({ pfxExport: { status: 'exporting' } });
  try {
    const crypto = await loadCheckCrypto();
    // The PFX's MAC key derivation holds the main thread: show "creating" first.
    await nextPaint();
    const pfx = await crypto.exportPfx(
      keyOf(run.keyFileId),
      certificate,
      password,
      certificate.ownerName ?? certificate.serialHex,
    );
    const fileName = `${certificateFileBase(certificate)}.pfx`;
    downloadFile(fileName, pfx, 'application/x-pkcs12');
    useCheckStore.setState({ pfxExport: { status: 'done', fileName } });
  } catch (error) {
    useCheckStore.setState({ pfxExport: { status: 'failed', problem: toProblem(error) } });
  }
}

/** Returns the PFX export to its start, e.g. when the form is closed. */
export function resetPfxExport(): void {
  useCheckStore.setState({ pfxExport: { status: 'idle' } });
}

/** Saves the certificate as PEM text (`.crt`, what the Taxpayer Application hands out too). */
export function downloadCertificate(certificate: CertificateSummary): void {
  downloadFile(
    `${certificateFileBase(certificate)}.crt`,
    encodePem('CERTIFICATE', certificate.der),
    'application/x-pem-file',
  );
}

type FileError = Extract<OpenedFileContent, { kind: 'error' }>;

async function inspect(file: File): Promise<InspectedFile | FileError> {
  try {
    const bytes = await readFileBytes(file);
    const { inspectFile } = await loadCheckCrypto();
    return await inspectFile(bytes);
  } catch (error) {
    return { kind: 'error', problem: toProblem(error) };
  }
}

/**
 * Records what file `id` turned out to be. An opened key goes to the vault and the store keeps only
 * its format and certificates; a file removed meanwhile keeps nothing, so its key is dropped here.
 */
function setContent(id: number, found: InspectedFile | FileError): void {
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

/** The key opened from file `id`; the store and the vault change together, so it is always there. */
function keyOf(id: number): LoadedPrivateKey {
  const key = vault.keys.get(id);
  if (key === undefined) throw new Error(`No opened key for file ${id}`);
  return key;
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

/** Names what went wrong. Anything we cannot name is logged (type and stack only) and shown generically. */
function toProblem(error: unknown): Problem {
  if (isCryptoError(error)) return { source: 'crypto', code: error.code };
  if (error instanceof ReadFileError) return { source: 'file', code: error.code };
  logUnexpected('The check failed unexpectedly', error);
  return { source: 'unexpected' };
}
