import { derSequence, derUnsignedInteger } from './der-writer';
import { CryptoError } from './errors';

/**
 * Encodes a WebCrypto ECDSA signature (IEEE P1363 `r || s`, both halves the field size) as the DER
 * `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` of RFC 3279 §2.2.3, with minimal, positive
 * INTEGERs — what X.509 and PKCS#10 carry (docs/ksef-contract.md §6.1).
 *
 * @throws CryptoError `invalid-argument` when `raw` is empty or of odd length.
 */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  if (raw.length === 0 || raw.length % 2 !== 0) {
    throw new CryptoError('invalid-argument', 'A raw ECDSA signature is two halves of equal length');
  }
  const half = raw.length / 2;
  return derSequence(derUnsignedInteger(raw.subarray(0, half)), derUnsignedInteger(raw.subarray(half)));
}

/**
 * Decodes a DER `Ecdsa-Sig-Value` into `r || s`, each left-padded to `fieldSize` bytes (32 for P-256,
 * 48 for P-384, 66 for P-521) — the form WebCrypto verifies. Strict DER: definite minimal lengths,
 * exactly two minimal non-negative INTEGERs that fit the field, nothing after them.
 *
 * @throws CryptoError `corrupt-file` for anything else; `invalid-argument` for a bad `fieldSize`.
 */
export function ecdsaDerToRaw(der: Uint8Array, fieldSize: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(fieldSize) || fieldSize < 1 || fieldSize > 1024) {
    throw new CryptoError('invalid-argument', 'fieldSize must be a positive number of bytes');
  }
  const fail = (why: string): CryptoError => new CryptoError('corrupt-file', `ECDSA signature: ${why}`);
  let offset = 0;
  const readLength = (): number => {
    const first = der[offset++];
    if (first === undefined) throw fail('truncated');
    if (first < 0x80) return first;
    const count = first & 0x7f;
    if (count === 0 || count > 2) throw fail('unsupported length form');
    let length = 0;
    for (let i = 0; i < count; i++) {
      const b = der[offset++];
      if (b === undefined) throw fail('truncated');
      length = (length << 8) | b;
    }
    if (length < 0x80 || (count === 2 && length < 0x100)) throw fail('non-minimal length');
    return length;
  };
  if (der[offset++] !== 0x30) throw fail('not a SEQUENCE');
  const sequenceLength = readLength();
  if (offset + sequenceLength !== der.length) throw fail('length does not match the data');
  const out = new Uint8Array(2 * fieldSize);
  for (const index of [0, 1]) {
    if (der[offset++] !== 0x02) throw fail('expected an INTEGER');
    const length = readLength();
    const content = der.subarray(offset, offset + length);
    offset += length;
    if (length === 0 || content.length !== length) throw fail('truncated INTEGER');
    const first = content[0] ?? 0;
    if (first & 0x80) throw fail('negative INTEGER');
    if (length > 1 && first === 0 && ((content[1] ?? 0) & 0x80) === 0) throw fail('non-minimal INTEGER');
    const magnitude = first === 0 ? content.subarray(1) : content;
    if (magnitude.length > fieldSize) throw fail('INTEGER larger than the field');
    out.set(magnitude, (index + 1) * fieldSize - magnitude.length);
  }
  if (offset !== der.length) throw fail('data after the INTEGERs');
  return out;
}
