/**
 * The wizard's secrets, in module memory only: never in the zustand store, never serialised, never
 * written to storage or logged. `forgetAll` drops them (sign-out, reset). Passwords are not kept here
 * either: they travel from the form straight into the one action call that uses them.
 */
import type { LoadedPrivateKey } from '../../crypto/key-type';
import type { TestIdentity } from '../../crypto/test-identity';
import type { SignedInSession } from '../../sign-in/sign-in';

export interface ApplyVault {
  /** The KSeF session (access and refresh tokens). */
  session: SignedInSession | null;
  /** The test identity made for this sign-in, kept (key extractable, memory only) so the user can save it
   * again until sign-out or reset forgets it. */
  testIdentity: TestIdentity | null;
  /**
   * The application's key: the generated pair (private key non-extractable once the `.key` was
   * written), or the key opened from the saved `.key` when resuming.
   */
  key: LoadedPrivateKey | null;
  /** DER PKCS#10 of the application, for the pre-flight check and the enrollment. */
  csr: Uint8Array | null;
  /** The encrypted `.key` file as saved (PEM bytes): for "save again" and to build the PFX with the password. */
  keyFile: Uint8Array | null;
}

/** The one vault of the wizard. */
export const vault: ApplyVault = { session: null, testIdentity: null, key: null, csr: null, keyFile: null };

/** Drops the key, the CSR, the `.key` bytes and the test identity (a new key is about to be made). */
export function forgetKey(): void {
  vault.key = null;
  vault.csr = null;
  vault.keyFile = null;
}

/** Drops every secret. */
export function forgetAll(): void {
  vault.session = null;
  vault.testIdentity = null;
  forgetKey();
}
