/**
 * KSeF asked us to wait (HTTP 429 with `Retry-After`, docs/ksef-contract.md §10): the client waits on its own and
 * tries again; this store only lets the UI say so, so a long pause does not look like a hang.
 * Nothing secret: a number of seconds and an instant.
 */
import { create } from 'zustand';

export interface KsefWait {
  /** How long this wait is, rounded up to whole seconds. */
  readonly seconds: number;
  /** When it is over, in ms since the epoch (by the seams' clock). */
  readonly until: number;
}

export const useKsefWaitStore = create<{ readonly wait: KsefWait | null }>()(() => ({ wait: null }));

/** Records a wait of `waitMs` starting at `now`; a later wait replaces an earlier one. */
export function noteKsefWait(waitMs: number, now: Date): void {
  useKsefWaitStore.setState({ wait: { seconds: Math.ceil(waitMs / 1000), until: now.getTime() + waitMs } });
}

/** How long until the last wait is over at `now` (0 when it is). */
export function ksefWaitLeftMs(now: Date): number {
  const { wait } = useKsefWaitStore.getState();
  return wait === null ? 0 : Math.max(0, wait.until - now.getTime());
}
