/**
 * A certificate being replaced (issue 13, "replace"): chosen on the certificates screen, read by the
 * wizard to prefill the application and, once the new certificate is issued and pairs, to offer
 * revoking the old one. Non-secret, in memory only: a reload forgets it (the old certificate stays
 * on the certificates screen, to be revoked there).
 */
import { create } from 'zustand';
import type { KsefCertificateType } from '../ksef/common-schemas';
import type { KsefEnvironment } from '../ksef/environments';

export interface Replacement {
  readonly environment: KsefEnvironment;
  /** The context NIP the certificates screen signed in for: the wizard starts with it. */
  readonly contextNip: string;
  readonly serialNumber: string;
  readonly name: string;
  readonly type: KsefCertificateType;
  /** The new certificate's name (`replacementName`). */
  readonly newName: string;
  /** The wizard took the environment, NIP, name and type (once). */
  readonly prefilled: boolean;
}

export const useReplacementStore = create<{ readonly replacement: Replacement | null }>()(() => ({
  replacement: null,
}));

/** Starts replacing `replacement`; the wizard picks it up. */
export function startReplacement(replacement: Replacement): void {
  useReplacementStore.setState({ replacement });
}

/** The replacement in progress, if any. */
export function currentReplacement(): Replacement | null {
  return useReplacementStore.getState().replacement;
}

/** The wizard took the prefill. */
export function markPrefilled(): void {
  const { replacement } = useReplacementStore.getState();
  if (replacement !== null) useReplacementStore.setState({ replacement: { ...replacement, prefilled: true } });
}

/** Done (the old one revoked) or given up. */
export function endReplacement(): void {
  useReplacementStore.setState({ replacement: null });
}

const MAX_NAME = 100;

/**
 * The new certificate's name: the old one without a trailing date (` 2026`, ` 2026-01`) and with
 * today's year and month (`Biuro 2025-03` -> `Biuro 2026-12`), within KSeF's 100 characters.
 */
export function replacementName(oldName: string, now: Date): string {
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const base = oldName.replace(/\s+\d{4}(-\d{2})?$/, '').trim();
  return `${base.slice(0, MAX_NAME - month.length - 1).trim()} ${month}`;
}
