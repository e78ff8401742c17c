import type { CDPSession, Page } from '@playwright/test';
import { z } from 'zod';

/** A trace event as Chromium's tracing reports it (only the fields read here; others are not ours). */
const traceEventSchema = z.object({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  dur: z.number().optional(),
  tdur: z.number().optional(),
  args: z.object({ name: z.unknown() }).partial().optional(),
});
type TraceEvent = z.infer<typeof traceEventSchema>;

/** The events of a batch that have the fields above (metadata of other kinds lacks some). */
function eventsOf(value: readonly unknown[]): TraceEvent[] {
  return value.flatMap((event) => {
    const parsed = traceEventSchema.safeParse(event);
    return parsed.success ? [parsed.data] : [];
  });
}

/** How long the page's main thread was held by one task: its wall time, and the CPU time it really ran. */
export interface LongestTask {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/**
 * Records every task of the renderer's main thread (`RunTask` on `CrRendererMain`) through the
 * DevTools protocol, from `start` until `stop`. `cpuMs` is the thread time of the longest task: on a
 * loaded machine a task's wall time grows with the time the thread waited for a core, its thread
 * time does not, so it measures what the page itself did. The worker's thread is not the main thread.
 */
export async function startMainThreadTrace(page: Page): Promise<{ stop: () => Promise<LongestTask> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...eventsOf(value)));
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      const mainThreads = new Set(
        events
          .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
          .map((e) => `${e.pid}:${e.tid}`),
      );
      // `RunTask`, or `ThreadControllerImpl::RunTask` where Chromium traces through Perfetto.
      const tasks = events.filter(
        (e) => /(^|::)RunTask$/.test(e.name) && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`),
      );
      if (tasks.length === 0) {
        const threads = events.filter((e) => e.name === 'thread_name').map((e) => String(e.args?.name));
        throw new Error(
          `The trace recorded no task of the main thread (${events.length} events; ${threads.join(', ')})`,
        );
      }
      return {
        wallMs: Math.max(...tasks.map((e) => (e.dur ?? 0) / 1000)),
        cpuMs: Math.max(...tasks.map((e) => (e.tdur ?? e.dur ?? 0) / 1000)),
      };
    },
  };
}
