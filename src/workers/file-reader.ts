/**
 * The page's side of the file reader: every job that reads a user's file runs in a Web Worker
 * (`file-reader.worker.ts`), so no file can hold the page's thread. Each job has a time limit and can
 * be cancelled; either stops its worker at once (`terminate`), whatever the reader was doing.
 */
import { CryptoError } from '../crypto/errors';
import type { FileJobInputs, FileJobKind, FileJobResults } from './file-jobs';
import { answerMessageSchema, fromWireError, parseJobResult, type JobMessage } from './protocol';

/**
 * How long one job may take. A PFX at the highest iteration count we open takes about a second, a
 * slow laptop a few times that; nothing honest takes 20 s.
 */
export const FILE_READ_TIME_LIMIT_MS = 20_000;

/** At most this many files are read at once, each in a worker of its own (one per core of a small laptop). */
const CONCURRENCY = 2;

export interface FileReadOptions {
  /** Aborting it stops the job: its promise rejects with CryptoError `file-read-cancelled`. */
  readonly signal?: AbortSignal;
}

/** Runs file jobs. */
export interface FileReader {
  /**
   * Starts the workers before they are needed, so that reading a file makes no request (the worker's
   * script is fetched now) and starts at once.
   */
  warm(): void;
  /**
   * Runs job `kind`.
   *
   * @throws what the job throws (CryptoError, SignInError, rebuilt with their codes); CryptoError
   *   `file-read-timed-out` after the time limit, `file-read-cancelled` when `signal` aborts.
   */
  read<K extends FileJobKind>(kind: K, input: FileJobInputs[K], options?: FileReadOptions): Promise<FileJobResults[K]>;
}

export interface FileReaderOptions {
  /** Makes a worker; the file reader's own by default (tests give one that never answers). */
  readonly spawn?: () => Worker;
  /** How long one job may run, from the moment its worker takes it. */
  readonly timeLimitMs?: number;
}

const spawnFileReader = (): Worker =>
  new Worker(new URL('./file-reader.worker.ts', import.meta.url), { type: 'module', name: 'file-reader' });

/** A function, so that the compiler does not assume the flag cannot change across an `await`. */
const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

const cancelled = () => new CryptoError('file-read-cancelled', 'Reading the file was stopped');

/** A file reader backed by Web Workers: at most `CONCURRENCY` jobs at once, the others wait their turn. */
export function createFileReader(options: FileReaderOptions = {}): FileReader {
  const spawn = options.spawn ?? spawnFileReader;
  const timeLimitMs = options.timeLimitMs ?? FILE_READ_TIME_LIMIT_MS;
  const idle: Worker[] = [];
  const waiting: (() => void)[] = [];
  let running = 0;
  let nextId = 1;

  /** A worker of its own for one job, once fewer than `CONCURRENCY` run. */
  const acquire = (signal: AbortSignal | undefined): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const take = () => {
        signal?.removeEventListener('abort', onAbort);
        running++;
        resolve(idle.pop() ?? spawn());
      };
      const onAbort = () => {
        waiting.splice(waiting.indexOf(take), 1);
        reject(cancelled());
      };
      if (running < CONCURRENCY) return take();
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(take);
    });

  /** A finished job's worker goes back to the idle ones; a stopped one is gone. */
  const release = (worker: Worker | null) => {
    running--;
    if (worker !== null) idle.push(worker);
    waiting.shift()?.();
  };

  const run = <K extends FileJobKind>(worker: Worker, kind: K, input: FileJobInputs[K], signal?: AbortSignal) =>
    new Promise<FileJobResults[K]>((resolve, reject) => {
      const id = nextId++;
      const finish = (keep: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('messageerror', onBroken);
        worker.removeEventListener('error', onBroken);
        if (!keep) worker.terminate();
        release(keep ? worker : null);
      };
      const stop = (error: Error) => {
        finish(false);
        reject(error);
      };
      const onAbort = () => stop(cancelled());
      const onBroken = (event: Event) => {
        // A worker that cannot start (its script missing) or answers what cannot be read is a bug.
        event.preventDefault();
        stop(new Error(`The file reader worker failed (${event.type})`));
      };
      const onMessage = (event: MessageEvent<unknown>) => {
        const answer = answerMessageSchema.safeParse(event.data);
        if (!answer.success || answer.data.id !== id) return stop(new Error('The file reader answered another job'));
        if (!answer.data.ok) {
          finish(true);
          return reject(fromWireError(answer.data.error));
        }
        let result: FileJobResults[K];
        try {
          result = parseJobResult(kind, answer.data.result);
        } catch (error) {
          return stop(new Error('The file reader answered a malformed result', { cause: error }));
        }
        finish(true);
        resolve(result);
      };
      const timer = setTimeout(
        () => stop(new CryptoError('file-read-timed-out', `Reading the file took more than ${timeLimitMs} ms`)),
        timeLimitMs,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.addEventListener('message', onMessage);
      worker.addEventListener('messageerror', onBroken);
      worker.addEventListener('error', onBroken);
      const message: JobMessage = { id, kind, input };
      try {
        worker.postMessage(message);
      } catch (error) {
        // DataCloneError: the job holds something that cannot cross (a bug of the caller).
        stop(new Error('The file job could not be posted', { cause: error }));
      }
    });

  return {
    warm() {
      while (idle.length + running < CONCURRENCY) idle.push(spawn());
    },
    async read(kind, input, { signal } = {}) {
      if (signal?.aborted === true) throw cancelled();
      const worker = await acquire(signal);
      // Cancelled while the worker was being handed over: no abort event will come again.
      if (isAborted(signal)) {
        release(worker);
        throw cancelled();
      }
      return run(worker, kind, input, signal);
    },
  };
}

/**
 * Runs the jobs in this thread, for where there are no Web Workers (Node, where the wizard's journeys
 * are tested). A cancel is honoured only before the job starts. The readers are loaded on first use,
 * so that they stay out of the JavaScript of a page's first paint.
 */
export const inPlaceFileReader: FileReader = {
  warm() {},
  async read(kind, input, { signal } = {}) {
    if (isAborted(signal)) throw cancelled();
    const { runFileJob } = await import('./file-jobs');
    return runFileJob(kind, input);
  },
};
