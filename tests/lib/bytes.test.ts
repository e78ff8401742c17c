import { describe, expect, it } from 'vitest';
import { bytesEqual, concatBytes, fromBase64, toBase64, toHex } from '../../src/lib/bytes';

describe('bytes', () => {
  it.each([
    ['', new Uint8Array([])],
    ['AA==', new Uint8Array([0])],
    ['/+8=', new Uint8Array([0xff, 0xef])],
    ['AQID\nBA==', new Uint8Array([1, 2, 3, 4])],
  ])('decodes base64 %j', (text, bytes) => {
    expect(fromBase64(text)).toEqual(bytes);
  });

  it.each(['A', '****', 'AAA=A', 'AA==AA=='])('rejects %j as base64', (text) => {
    expect(fromBase64(text)).toBeNull();
  });

  it('round-trips base64 over long input', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('formats hex in uppercase and compares bytes', () => {
    expect(toHex(new Uint8Array([0x0a, 0xff]))).toBe('0AFF');
    expect(bytesEqual(concatBytes(new Uint8Array([1]), new Uint8Array([2])), new Uint8Array([1, 2]))).toBe(true);
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(bytesEqual(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe(false);
  });
});
