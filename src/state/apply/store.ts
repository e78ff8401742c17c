import { create } from 'zustand';
import type { ApplyState } from './model';

/**
 * The certificate application wizard (issue 4). Non-secret state only, in memory, with no persist
 * middleware: keys and tokens are in `vault.ts`, passwords never leave the action they are
 * passed to. Change it only through the actions in `*-actions.ts`.
 */
export const initialApplyState: ApplyState = {
  step: 'environment',
  environment: null,
  contextNip: null,
  signIn: { status: 'idle' },
  external: null,
  enrollment: { status: 'idle' },
  details: null,
  key: { status: 'idle' },
  passwordStoredConfirmed: false,
  preflight: null,
  submission: { status: 'idle' },
  result: { status: 'idle' },
  resume: null,
  restored: null,
  fileRead: { status: 'idle' },
};

export const useApplyStore = create<ApplyState>()(() => initialApplyState);
