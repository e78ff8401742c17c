import { create } from 'zustand';
import type { CertificatesState } from './model';

/**
 * The certificates screen. Non-secret state only, in memory, no persist middleware: the session is
 * in `vault.ts`. Change it only through the actions in `*-actions.ts`.
 */
export const initialCertificatesState: CertificatesState = {
  environment: null,
  contextNip: null,
  signIn: { status: 'idle' },
  external: null,
  limits: { status: 'idle' },
  list: { status: 'idle' },
  selected: [],
  retrieve: { status: 'idle' },
  pair: { status: 'idle' },
  revoke: { status: 'idle' },
};

export const useCertificatesStore = create<CertificatesState>()(() => initialCertificatesState);
