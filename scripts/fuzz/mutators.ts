import { DER_MUTATORS, splice } from './der-mutators';
import { randomFor } from './random';
import type { Seed, SeedKind } from './seeds';
import { armour, isPem, mutateArmour, mutatePemBlock, mutateXml, pemBlocks } from './text-mutators';

/** One fuzz input: its bytes, where it came from, and the readers it goes to. */
export interface FuzzInput {
  readonly index: number;
  readonly bytes: Uint8Array;
  readonly seed: string;
  readonly mutator: string;
  readonly kind: SeedKind | 'random';
  readonly password: string;
}

const DER_NAMES = Object.keys(DER_MUTATORS);

/**
 * Input `index` of the run with `runSeed`: random bytes (5 %), or a seed changed by one mutator, and
 * one time in five a bit flip or a cut on top. The same index always gives the same bytes.
 */
export function makeInput(seeds: readonly Seed[], runSeed: number, index: number): FuzzInput {
  const random = randomFor(runSeed, index);
  if (random.chance(0.05)) {
    const bytes = random.bytes(random.int(4096));
    if (random.chance(0.5)) bytes[0] = 0x30;
    return { index, bytes, seed: '-', mutator: 'random', kind: 'random', password: '' };
  }
  const seed = random.pick(seeds);
  const donor = random.pick(seeds);
  const pem = isPem(seed.bytes);
  const derOf = (bytes: Uint8Array): Uint8Array =>
    isPem(bytes) ? (pemBlocks(new TextDecoder().decode(bytes))[0]?.der ?? bytes) : bytes;
  const names = ['truncate', 'bit-flip', 'splice', ...DER_NAMES, ...(pem ? ['pem-armour'] : [])];
  const mutator = seed.kind === 'xml' ? 'xml' : random.pick(names);
  const inDer = (change: (der: Uint8Array) => Uint8Array | null): Uint8Array | null =>
    pem ? mutatePemBlock(seed.bytes, random, change) : change(seed.bytes);
  let bytes: Uint8Array | null;
  switch (mutator) {
    case 'truncate':
      bytes = seed.bytes.slice(0, random.int(seed.bytes.length));
      break;
    case 'bit-flip':
      bytes = flipBits(seed.bytes, random);
      break;
    case 'splice':
      bytes = inDer((der) => splice(der, derOf(donor.bytes), random));
      break;
    case 'pem-armour':
      bytes = mutateArmour(
        seed.bytes,
        random,
        pemBlocks(new TextDecoder().decode(donor.bytes))
          .map((b) => armour(b.label, b.der))
          .join('') || armour('EC PARAMETERS', Uint8Array.of(0x06, 0x00)),
      );
      break;
    case 'xml':
      bytes = mutateXml(seed.bytes, random, (der) => DER_MUTATORS[random.pick(DER_NAMES)]?.(der, random) ?? null);
      break;
    default:
      bytes = inDer((der) => DER_MUTATORS[mutator]?.(der, random) ?? null);
  }
  // A mutator that found nothing to change (no attribute, no curve) falls back to a bit flip.
  const result = bytes ?? flipBits(seed.bytes, random);
  const stacked = random.chance(0.2)
    ? random.chance(0.5)
      ? flipBits(result, random)
      : result.slice(0, random.int(result.length + 1))
    : result;
  return {
    index,
    bytes: stacked,
    seed: seed.name,
    mutator: bytes === null ? 'bit-flip' : mutator,
    kind: seed.kind,
    password: seed.password,
  };
}

function flipBits(bytes: Uint8Array, random: ReturnType<typeof randomFor>): Uint8Array {
  const copy = bytes.slice();
  if (copy.length === 0) return copy;
  for (let i = 1 + random.int(8); i > 0; i--) {
    const at = random.int(copy.length);
    copy[at] = (copy[at] ?? 0) ^ (1 << random.int(8));
  }
  return copy;
}
