import { concatBytes } from '../lib/bytes';

/**
 * One DER TLV with a low tag number and a definite, minimal length (X.690 §8.1.3, §10.1). We assemble
 * signed structures (CSR, certificate) from exact DER pieces so that what is signed is byte for byte
 * what goes out.
 */
export function tlv(tag: number, ...contents: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const content = concatBytes(...contents);
  return concatBytes(Uint8Array.of(tag, ...derLength(content.length)), content);
}

/** The DER length octets for `n` content bytes. */
function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const octets: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest & 0xff);
  return [0x80 | octets.length, ...octets];
}

/** DER INTEGER of a non-negative big-endian magnitude (leading zeros dropped, a 0x00 added when the top bit is set). */
export function derUnsignedInteger(magnitude: Uint8Array): Uint8Array<ArrayBuffer> {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const body =
    trimmed.length === 0
      ? Uint8Array.of(0)
      : (trimmed[0] ?? 0) & 0x80
        ? concatBytes(Uint8Array.of(0), trimmed)
        : trimmed;
  return tlv(0x02, body);
}

/** DER SEQUENCE. */
export const derSequence = (...contents: readonly Uint8Array[]): Uint8Array<ArrayBuffer> => tlv(0x30, ...contents);
