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
  /**
   * The files as chosen (a plain key's bytes are behind such a handle), by id, while their reading
   * was stopped: so that they can be read again without choosing them again.
   */
  readonly files: Map<number, File>;
}

/** The one vault of the checker. */
export const vault: CheckVault = { keys: new Map(), files: new Map() };

/** Drops the key opened from file `fileId`, if any. */
export function forgetKey(fileId: number): void {
  vault.keys.delete(fileId);
}

/** Drops everything kept for file `fileId`. */
export function forgetFile(fileId: number): void {
  forgetKey(fileId);
  vault.files.delete(fileId);
}

/** Drops every key and file. */
export function forgetAll(): void {
  vault.keys.clear();
  vault.files.clear();
}

/** The key opened from file `id`; the store and the vault change together, so it is always there. */
export function keyOf(id: number): LoadedPrivateKey {
  const key = vault.keys.get(id);
  if (key === undefined) throw new Error(`No opened key for file ${id}`);
  return key;
}
