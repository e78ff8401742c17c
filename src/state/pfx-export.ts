import type { Problem } from '../problem/problem';

/** A PFX being made from a key and its certificate, in the wizard or the checker. */
export type PfxExportState =
  | { readonly status: 'idle' }
  | { readonly status: 'exporting' }
  | { readonly status: 'done'; readonly fileName: string }
  | { readonly status: 'failed'; readonly problem: Problem };
