import { toHex } from '../../../src/lib/bytes.ts';
import { compactDate } from './clock.ts';

/** Where the sandbox gets randomness: challenges, reference numbers, serials, tokens, trace ids. */
export interface SandboxRandom {
  bytes(length: number): Uint8Array;
}

/** Random bytes from WebCrypto (the default). */
export function cryptoRandom(crypto: Crypto = globalThis.crypto): SandboxRandom {
  return { bytes: (length) => crypto.getRandomValues(new Uint8Array(length)) };
}

/** Uppercase hex of `length` random bytes. */
export function randomHex(random: SandboxRandom, length: number): string {
  return toHex(random.bytes(length));
}

/** The kinds of 36-character identifiers KSeF hands out (docs/ksef-contract.md §3.4). */
export type IdentifierKind = 'CR' | 'AU' | 'EH';

/**
 * `YYYYMMDD-XX-XXXXXXXXXX-XXXXXXXXXX-XX`: date, kind (`CR` challenge, `AU` authentication, `EH`
 * enrollment), then uppercase hex. Matches the XSD pattern of `Challenge` and the 36-character
 * `ReferenceNumber`. KSeF's last group may be a checksum; here it is random.
 */
export function ksefIdentifier(kind: IdentifierKind, date: Date, random: SandboxRandom): string {
  return `${compactDate(date)}-${kind}-${randomHex(random, 5)}-${randomHex(random, 5)}-${randomHex(random, 1)}`;
}

/**
 * An 8-byte positive serial with a non-zero first byte, so its DER INTEGER is exactly 8 bytes and its
 * hex exactly the 16 uppercase characters of `certificateSerialNumber` (docs/ksef-contract.md §7).
 */
export function certificateSerial(random: SandboxRandom): Uint8Array {
  const serial = Uint8Array.from(random.bytes(8));
  serial[0] = (serial[0] ?? 0) & 0x7f || 0x01;
  return serial;
}

/** A 32-character lowercase hex trace id, like the `traceId` of KSeF's Problem Details. */
export function traceId(random: SandboxRandom): string {
  return randomHex(random, 16).toLowerCase();
}
