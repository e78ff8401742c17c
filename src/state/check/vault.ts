/**
 * The checker's secrets, in module memory only. An opened private key (a WebCrypto key) is kept here
 * under the id of the file it came from, and nowhere else: never in the zustand store, never
 * serialised, never written to storage, a request or a log. It is dropped when its file is removed or
 * its content replaced, and `forgetAll` drops every key when the checker is cleared (leaving the
 * screen clears it). Passwords are not kept here either: they travel from the form straight into the
 * one action call that uses them.
 */
import type { LoadedPrivateKey } from '../../crypto/key-type';

export interface CheckVault {
  /** The opened private keys, by the id of the file each came from. */
  readonly keys: Map<number, LoadedPrivateKey>;
}

/** The one vault of the checker. */
export const vault: CheckVault = { keys: new Map() };

/** Drops the key opened from file `fileId`, if any. */
export function forgetKey(fileId: number): void {
  vault.keys.delete(fileId);
}

/** Drops every key. */
export function forgetAll(): void {
  vault.keys.clear();
}
