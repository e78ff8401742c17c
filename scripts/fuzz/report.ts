import type { Outcome } from './readers';

/** What one worker reports for one input. */
export interface InputResult {
  readonly index: number;
  readonly calls: readonly { readonly reader: string; readonly outcome: Outcome; readonly ms: number }[];
  readonly heapUsed: number;
}

export interface Finding {
  readonly index: number;
  readonly seed: string;
  readonly mutator: string;
  readonly reader: string;
  readonly error: string;
  readonly stack: string;
}

/** The counts the run prints: inputs, executions, coded errors by code, findings, times, memory. */
export class Tally {
  inputs = 0;
  executions = 0;
  ok = 0;
  readonly coded = new Map<string, number>();
  readonly uncaught: Finding[] = [];
  readonly hangs: Finding[] = [];
  readonly readers = new Map<
    string,
    { calls: number; ok: number; coded: number; uncaught: number; maxMs: number; totalMs: number }
  >();
  readonly mutators = new Map<string, number>();
  maxMs = 0;
  maxMsAt = '';
  maxHeap = 0;
  maxRss = 0;

  add(result: InputResult, seed: string, mutator: string): void {
    this.inputs++;
    this.mutators.set(mutator, (this.mutators.get(mutator) ?? 0) + 1);
    this.maxHeap = Math.max(this.maxHeap, result.heapUsed);
    for (const { reader, outcome, ms } of result.calls) {
      this.executions++;
      const row = this.readers.get(reader) ?? { calls: 0, ok: 0, coded: 0, uncaught: 0, maxMs: 0, totalMs: 0 };
      this.readers.set(reader, row);
      row.calls++;
      row.maxMs = Math.max(row.maxMs, ms);
      row.totalMs += ms;
      if (ms > this.maxMs) {
        this.maxMs = ms;
        this.maxMsAt = `${reader}, input ${result.index} (${seed}, ${mutator})`;
      }
      if (outcome.kind === 'ok') {
        this.ok++;
        row.ok++;
      } else if (outcome.kind === 'coded') {
        row.coded++;
        this.coded.set(outcome.code, (this.coded.get(outcome.code) ?? 0) + 1);
      } else {
        row.uncaught++;
        this.uncaught.push({ index: result.index, seed, mutator, reader, error: outcome.error, stack: outcome.stack });
      }
    }
  }

  print(header: string, seconds: number): string {
    const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const codedTotal = [...this.coded.values()].reduce((a, b) => a + b, 0);
    const lines = [
      header,
      row('inputs', this.inputs),
      row('executions (reader calls)', this.executions),
      row('results (no error)', this.ok),
      row('coded errors', codedTotal),
      ...[...this.coded.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => row(`  ${code}`, n)),
      row('uncaught errors', this.uncaught.length),
      ...groupFindings(this.uncaught).map((line) => `  ${line}`),
      row('hangs', this.hangs.length),
      ...groupFindings(this.hangs).map((line) => `  ${line}`),
      row('max time of a call', `${this.maxMs.toFixed(0)} ms (${this.maxMsAt})`),
      row('max memory', `${mb(this.maxRss)} RSS of the process, ${mb(this.maxHeap)} heap of a worker`),
      row('wall time', `${seconds.toFixed(0)} s (${(this.inputs / Math.max(seconds, 1)).toFixed(0)} inputs/s)`),
      '',
      `${'reader'.padEnd(26)}${'calls'.padStart(9)}${'ok'.padStart(9)}${'coded'.padStart(9)}${'uncaught'.padStart(10)}${'mean ms'.padStart(9)}${'max ms'.padStart(9)}`,
      ...[...this.readers.entries()].map(
        ([name, r]) =>
          `${name.padEnd(26)}${String(r.calls).padStart(9)}${String(r.ok).padStart(9)}${String(r.coded).padStart(9)}${String(r.uncaught).padStart(10)}${(r.totalMs / r.calls).toFixed(1).padStart(9)}${r.maxMs.toFixed(0).padStart(9)}`,
      ),
      '',
      `inputs by mutator: ${[...this.mutators.entries()].map(([m, n]) => `${m} ${n}`).join(', ')}`,
    ];
    return lines.join('\n');
  }
}

function row(label: string, value: string | number): string {
  return `${label.padEnd(28)}${value}`;
}

/** Findings grouped by their error text: count, first input, first place. */
function groupFindings(findings: readonly Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.reader}: ${finding.error}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const first = list[0];
    return `${list.length} x ${key} (first: input ${first?.index}, ${first?.seed}, ${first?.mutator})`;
  });
}
