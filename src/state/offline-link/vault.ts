/**
 * The offline-link screen's secret, in module memory only: the opened private key (a WebCrypto key), by
 * the id of the file it came from. Never in the zustand store, never serialised, never in storage, a
 * request or a log; `forgetAll` drops it when the screen is left or its files are removed.
 */
import type { LoadedPrivateKey } from '../../crypto/key-type';

export const vault: { readonly keys: Map<number, LoadedPrivateKey> } = { keys: new Map() };

export function forgetAll(): void {
  vault.keys.clear();
}
