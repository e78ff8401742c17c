import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type FuzzInput, makeInput } from './fuzz/mutators';
import { readersFor, runReader } from './fuzz/readers';
import { type Finding, type InputResult, Tally } from './fuzz/report';
import { loadSeeds } from './fuzz/seeds';

/**
 * `npm run fuzz`: random, truncated, bit-flipped and structure-aware mutants of the fixtures go to every
 * reader of a user's file in src/crypto, in worker threads, each input under a watchdog. Anything other
 * than a result or a coded CryptoError is a finding, and so is an input the watchdog had to stop; each
 * is saved to `--out` and the run goes on. Exits 1 on any finding. Options: `--count` (100000), `--seed`
 * (1), `--workers` (2), `--timeout-ms` (2000), `--out` (fuzz-results), `--only <index>` (rerun one input
 * here, with stacks).
 */
interface Options {
  readonly count: number;
  readonly seed: number;
  readonly workers: number;
  readonly timeoutMs: number;
  readonly out: string;
}

const seeds = loadSeeds();

/** Worker threads do not inherit tsx's loader hooks: each one loads this file through tsx's API. */
const WORKER_BOOT = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;

async function runInput(input: FuzzInput): Promise<InputResult> {
  const calls = [];
  for (const reader of readersFor(input)) {
    const start = performance.now();
    const outcome = await runReader(reader, input);
    calls.push({ reader, outcome, ms: performance.now() - start });
  }
  return { index: input.index, calls, heapUsed: process.memoryUsage().heapUsed };
}

if (!isMainThread) {
  const { seed } = workerData as { seed: number };
  parentPort?.on('message', (index: number) => {
    void runInput(makeInput(seeds, seed, index)).then((result) => parentPort?.postMessage(result));
  });
  // Loading the readers and their first run take seconds: the watchdog starts once the worker is warm.
  void Promise.all(seeds.slice(0, 3).map((_, index) => runInput(makeInput(seeds, seed + 1, index)))).then(() =>
    parentPort?.postMessage('ready'),
  );
} else {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string', default: '2' },
      'timeout-ms': { type: 'string', default: '2000' },
      out: { type: 'string', default: 'fuzz-results' },
      only: { type: 'string' },
    },
  });
  const options: Options = {
    count: Number(values.count),
    seed: Number(values.seed),
    workers: Number(values.workers),
    timeoutMs: Number(values['timeout-ms']),
    out: values.out,
  };
  if (values.only !== undefined) await replay(options.seed, Number(values.only));
  else process.exitCode = await fuzz(options);
}

async function replay(seed: number, index: number): Promise<void> {
  const input = makeInput(seeds, seed, index);
  console.log(`input ${index}: ${input.seed}, ${input.mutator}, ${input.bytes.length} bytes`);
  for (const call of (await runInput(input)).calls) {
    const outcome = call.outcome.kind === 'uncaught' ? call.outcome.stack : JSON.stringify(call.outcome);
    console.log(`${call.reader} (${call.ms.toFixed(0)} ms): ${outcome}`);
  }
}

async function fuzz(options: Options): Promise<number> {
  const tally = new Tally();
  const started = performance.now();
  mkdirSync(options.out, { recursive: true });
  const rss = setInterval(() => (tally.maxRss = Math.max(tally.maxRss, process.memoryUsage().rss)), 100);
  let next = 0;
  /** Inputs the watchdog stopped once: each runs again in a fresh worker with five times the time. */
  const suspects: number[] = [];
  let retried = 0;
  // Ctrl-C (or SIGTERM) stops handing out inputs: the lanes finish the ones they hold and the table prints.
  let stoppedAt: number | undefined;
  const stop = (): void => {
    stoppedAt = next;
    next = options.count;
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  const save = (kind: string, finding: Finding): void => {
    const sameError = [...tally.uncaught, ...tally.hangs].filter((f) => f.error === finding.error).length;
    if (sameError > 3) return;
    writeFileSync(
      join(options.out, `${kind}-${finding.index}.bin`),
      makeInput(seeds, options.seed, finding.index).bytes,
    );
    writeFileSync(join(options.out, `${kind}-${finding.index}.txt`), `${JSON.stringify(finding, null, 2)}\n`);
  };

  /** One worker takes inputs one at a time until none are left; a stuck or dead one is replaced. */
  const lane = (): Promise<void> =>
    new Promise((resolve) => {
      let worker: Worker;
      let current = -1;
      let retry = false;
      let timer: NodeJS.Timeout | undefined;
      const dispatch = (): void => {
        const suspect = suspects.shift();
        if (suspect === undefined && next >= options.count) {
          void worker.terminate().then(() => resolve());
          return;
        }
        retry = suspect !== undefined;
        current = suspect ?? next++;
        const limit = retry ? options.timeoutMs * 5 : options.timeoutMs;
        timer = setTimeout(() => fail('hang', `no answer within ${limit} ms`), limit);
        worker.postMessage(current);
      };
      const fail = (kind: 'hang' | 'uncaught', error: string): void => {
        clearTimeout(timer);
        worker.removeAllListeners();
        void worker.terminate();
        // A machine shared with other work can stall a worker: a first timeout is only a suspicion.
        if (kind === 'hang' && !retry) {
          suspects.push(current);
          retried++;
          start();
          return;
        }
        const input = makeInput(seeds, options.seed, current);
        const finding = {
          index: current,
          seed: input.seed,
          mutator: input.mutator,
          reader: 'worker',
          error,
          stack: '',
        };
        (kind === 'hang' ? tally.hangs : tally.uncaught).push(finding);
        tally.inputs++;
        save(kind, finding);
        start();
      };
      const start = (): void => {
        worker = new Worker(WORKER_BOOT, {
          eval: true,
          workerData: { seed: options.seed },
          resourceLimits: { maxOldGenerationSizeMb: 1024 },
        });
        worker.on('message', (result: InputResult | 'ready') => {
          if (result === 'ready') return dispatch();
          clearTimeout(timer);
          const input = makeInput(seeds, options.seed, result.index);
          const before = tally.uncaught.length;
          tally.add(result, input.seed, input.mutator);
          for (const finding of tally.uncaught.slice(before)) save('uncaught', finding);
          if (tally.inputs % 2_000 === 0) {
            const found = `${tally.uncaught.length} uncaught, ${tally.hangs.length} hangs`;
            console.error(`${tally.inputs} inputs, ${tally.executions} executions, ${found}`);
          }
          dispatch();
        });
        worker.on('error', (error) => fail('uncaught', `worker died: ${error.name}: ${error.message}`));
      };
      start();
    });

  await Promise.all(Array.from({ length: options.workers }, lane));
  clearInterval(rss);
  const planned = stoppedAt === undefined ? `${options.count}` : `${tally.inputs} (stopped early, of ${options.count})`;
  const header =
    `fuzz: seed ${options.seed}, ${planned} inputs from ${seeds.length} seeds, ${options.workers} workers, ` +
    `watchdog ${options.timeoutMs} ms per input (${retried} timed out once and ran again with ${options.timeoutMs * 5} ms)`;
  console.log(tally.print(header, (performance.now() - started) / 1000));
  const findings = tally.uncaught.length + tally.hangs.length;
  if (findings > 0) console.log(`\nFAIL: ${findings} findings, inputs saved in ${options.out}/`);
  else if (stoppedAt !== undefined) console.log('\nSTOPPED early: 0 uncaught, 0 hangs so far, the run is not complete');
  else console.log('\nOK: 0 uncaught, 0 hangs');
  return findings === 0 && stoppedAt === undefined ? 0 : 1;
}
