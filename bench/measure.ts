/** One benchmark's figures, in milliseconds per operation. */
export interface Measurement {
  readonly name: string;
  readonly runs: number;
  /** Operations timed together in one run (browsers coarsen timers to ~0.1 ms). */
  readonly batch: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/**
 * Runs `operation` once to warm up, then `runs` times `batch` operations in a row, and reports the
 * median, min and max wall time per operation. Each operation awaits the previous one, so the figures
 * are latencies a user would see, not throughput.
 */
export async function measure(
  name: string,
  runs: number,
  operation: () => Promise<unknown>,
  batch = 1,
): Promise<Measurement> {
  await operation();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    for (let j = 0; j < batch; j++) await operation();
    times.push((performance.now() - start) / batch);
  }
  return { ...summarize(name, times), batch };
}

/** Median, min and max of single-operation times measured elsewhere. */
export function summarize(name: string, samples: readonly number[]): Measurement {
  const times = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
  return {
    name,
    runs: times.length,
    batch: 1,
    medianMs: median,
    minMs: times[0] ?? 0,
    maxMs: times[times.length - 1] ?? 0,
  };
}
