/** One benchmark's figures, in milliseconds. */
export interface Measurement {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/**
 * Runs `operation` once to warm up, then `runs` times, and reports median, min and max wall time.
 * Each run awaits the previous one, so the figures are latencies a user would see, not throughput.
 */
export async function measure(name: string, runs: number, operation: () => Promise<unknown>): Promise<Measurement> {
  await operation();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await operation();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
  return { name, runs, medianMs: median, minMs: times[0] ?? 0, maxMs: times[times.length - 1] ?? 0 };
}
