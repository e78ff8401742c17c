/**
 * The certificates screen's secret, in module memory only: never in the zustand store, never
 * serialised, written to storage or logged. The `.key` and its password used to build a PFX are not
 * kept at all: they go from the form into the one action that uses them.
 */
import type { SignedInSession } from '../../sign-in/sign-in';

export interface CertificatesVault {
  /** The KSeF session (access and refresh tokens). */
  session: SignedInSession | null;
}

export const vault: CertificatesVault = { session: null };

/** Drops every secret (sign-out, another environment). */
export function forgetSession(): void {
  vault.session = null;
}
