/**
 * A small seeded generator (SplitMix32-style mixing): input `i` of a run with seed `s` is always the same
 * bytes, whichever worker runs it and in whatever order, so a finding is reproduced by its index.
 */
export interface Random {
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  bytes(length: number): Uint8Array;
}

export function randomFor(seed: number, index: number): Random {
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    int: (n) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => {
      const item = items[random.int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p) => next() < p,
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = random.int(256);
      return out;
    },
  };
  return random;
}
