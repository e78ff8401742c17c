import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Chain } from '../../src/crypto/sha256-chain';

/** SHA-256 `rounds` times, one whole hash per round: the definition the loop must agree with. */
function reference(digest: Uint8Array, rounds: number): Uint8Array {
  let out = digest;
  for (let i = 0; i < rounds; i++) out = sha256(out);
  return out;
}

describe('sha256Chain', () => {
  it.each([0, 1, 2, 1000])('agrees with @noble/hashes after %i rounds', (rounds) => {
    const digest = sha256(new TextEncoder().encode('ksef-cert'));
    const expected = reference(digest, rounds);
    sha256Chain(digest, rounds);
    expect(digest).toEqual(expected);
  });

  it('agrees with @noble/hashes on any 32 bytes, also inside a larger buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.integer({ min: 0, max: 40 }), (start, rounds) => {
        const buffer = new Uint8Array(48).fill(0xa5);
        buffer.set(start, 8);
        sha256Chain(buffer.subarray(8, 40), rounds);
        expect(buffer.subarray(8, 40)).toEqual(reference(start, rounds));
        expect(buffer.subarray(0, 8)).toEqual(new Uint8Array(8).fill(0xa5));
        expect(buffer.subarray(40)).toEqual(new Uint8Array(8).fill(0xa5));
      }),
    );
  });
});
