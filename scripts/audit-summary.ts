import type { Result } from 'lighthouse';

/** The Lighthouse categories `npm run audit` scores. */
export const CATEGORY_IDS = ['performance', 'accessibility', 'best-practices'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** The lowest score each category may have, on the 0..100 scale Lighthouse reports show. */
export const TARGETS: Readonly<Record<CategoryId, number>> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
};

/** An audit of a category below its target that did not pass. */
export interface FailingAudit {
  readonly id: string;
  readonly title: string;
  readonly displayValue: string | undefined;
}

export interface PageSummary {
  readonly page: string;
  /** 0..100 per category; `null` when Lighthouse could not score it (the run errored). */
  readonly scores: Readonly<Record<CategoryId, number | null>>;
  readonly metrics: { readonly fcpMs: number; readonly lcpMs: number; readonly tbtMs: number; readonly cls: number };
  /** Per category below its target (or not scored), the audits that did not pass. */
  readonly failures: ReadonlyMap<CategoryId, readonly FailingAudit[]>;
  readonly warnings: readonly string[];
  /** Lighthouse's measure of this machine's CPU speed during the run: low on a busy machine. */
  readonly benchmarkIndex: number;
}

/** Lighthouse counts an audit as passed from this score on (`PASS_THRESHOLD` in its report code). */
const PASS_THRESHOLD = 0.9;
/** Audits that carry a score; informative, manual and not-applicable ones never fail. */
const SCORED_MODES = new Set(['binary', 'numeric', 'metricSavings']);

/** True when `score` (0..100, `null` for a category Lighthouse could not score) meets the target. */
export function meetsTarget(id: CategoryId, score: number | null): boolean {
  return score !== null && score >= TARGETS[id];
}

function categoryScore(lhr: Result, id: CategoryId): number | null {
  const score = lhr.categories[id]?.score ?? null;
  return score === null ? null : Math.round(score * 100);
}

function failingAudits(lhr: Result, id: CategoryId): FailingAudit[] {
  return (lhr.categories[id]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined)
    .filter((audit) => SCORED_MODES.has(audit.scoreDisplayMode) && audit.score !== null && audit.score < PASS_THRESHOLD)
    .map((audit) => ({ id: audit.id, title: audit.title, displayValue: audit.displayValue }));
}

function numericValue(lhr: Result, auditId: string): number {
  return lhr.audits[auditId]?.numericValue ?? Number.NaN;
}

/** What one Lighthouse report says about a page, measured against `TARGETS`. */
export function summarize(page: string, lhr: Result): PageSummary {
  const scores: Record<CategoryId, number | null> = {
    performance: categoryScore(lhr, 'performance'),
    accessibility: categoryScore(lhr, 'accessibility'),
    'best-practices': categoryScore(lhr, 'best-practices'),
  };
  const failures = new Map<CategoryId, FailingAudit[]>();
  for (const id of CATEGORY_IDS) {
    if (!meetsTarget(id, scores[id])) failures.set(id, failingAudits(lhr, id));
  }
  return {
    page,
    scores,
    metrics: {
      fcpMs: numericValue(lhr, 'first-contentful-paint'),
      lcpMs: numericValue(lhr, 'largest-contentful-paint'),
      tbtMs: numericValue(lhr, 'total-blocking-time'),
      cls: numericValue(lhr, 'cumulative-layout-shift'),
    },
    failures,
    warnings: lhr.runWarnings.map(String),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

/** Rows of cells as a left-aligned text table with a rule under the header row. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  if (header === undefined) return '';
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The table `npm run audit` prints: one row per page, `!` after a score below its target. */
export function scoreTable(summaries: readonly PageSummary[]): string {
  const header = ['page', 'performance', 'accessibility', 'best-practices', 'FCP', 'LCP', 'TBT', 'CLS', 'CPU index'];
  const rows = summaries.map((s) => [
    s.page,
    ...CATEGORY_IDS.map((id) => {
      const score = s.scores[id];
      const text = score === null ? 'error' : String(score);
      return meetsTarget(id, score) ? text : `${text} !`;
    }),
    seconds(s.metrics.fcpMs),
    seconds(s.metrics.lcpMs),
    `${Math.round(s.metrics.tbtMs)} ms`,
    s.metrics.cls.toFixed(3),
    String(Math.round(s.benchmarkIndex)),
  ]);
  return formatTable([header, ...rows]);
}

/** The failing audits of every page below target, one line each, grouped by page and category. */
export function failureList(summaries: readonly PageSummary[]): string {
  const lines: string[] = [];
  for (const s of summaries) {
    for (const [id, audits] of s.failures) {
      lines.push(`${s.page}: ${id} ${s.scores[id] ?? 'not scored'}, target ${TARGETS[id]}`);
      for (const audit of audits)
        lines.push(`  ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  return lines.join('\n');
}
