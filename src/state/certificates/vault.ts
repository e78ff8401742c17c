/**
 * The certificates screen's secrets, in module memory only: never in the zustand store, never
 * serialised, written to storage or logged. The `.key`'s bytes and its password used to build a PFX
 * are not kept at all: they go from the form into the one action that uses them; the key they opened
 * stays (non-extractable) for the sign-in test of that certificate, until sign-out or another pairing.
 */
import type { LoadedPrivateKey } from '../../crypto/key-type';
import type { SignedInSession } from '../../sign-in/sign-in';

export interface CertificatesVault {
  /** The KSeF session (access and refresh tokens). */
  session: SignedInSession | null;
  /** The key of the last certificate paired with its `.key`, with that certificate, for the sign-in test. */
  paired: { readonly serialNumber: string; readonly key: LoadedPrivateKey; readonly certificate: Uint8Array } | null;
}

export const vault: CertificatesVault = { session: null, paired: null };

/** Drops every secret (sign-out, another environment). */
export function forgetSession(): void {
  vault.session = null;
  vault.paired = null;
}
