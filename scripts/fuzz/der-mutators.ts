import { EC_CURVE_LIST } from '../../src/crypto/ec-curves';
import { OID } from '../../src/crypto/oids';
import { type DerNode, allNodes, concat, encodeDer, encodeLength, nodesWithParents, parseDer, tlv } from './der-tree';
import type { Random } from './random';

/**
 * Structure-aware mutations of DER: each parses the value into a TLV tree, changes one thing the way a
 * damaged or hostile file would, and writes it back with every other length consistent, so the change
 * reaches the reader that handles that part instead of failing at the outer length check.
 */
export type DerMutator = (der: Uint8Array, random: Random) => Uint8Array | null;

/** Content sizes around the limits worth probing: empty, the P-521 field size, RSA sizes, huge. */
const SIZES = [0, 1, 2, 8, 9, 32, 33, 65, 66, 67, 68, 133, 134, 512, 513, 2048, 2049, 2050, 4097, 70_000, 196_608];

/** A length field rewritten without touching the content: short, long, indefinite, non-minimal, huge. */
const lengthField: DerMutator = (der, random) =>
  onNode(der, random, ({ node }) => {
    const content = encodeDer(node).subarray(node.tag.length + encodeLength(contentLength(node)).length);
    const length = contentLength(node);
    const field = random.pick([
      Uint8Array.of(0x80),
      Uint8Array.of(0x84, 0xff, 0xff, 0xff, 0xff),
      Uint8Array.of(0x88, ...random.bytes(8)),
      Uint8Array.of(0x81, length & 0x7f),
      encodeLength(Math.max(0, length + random.pick([-2, -1, 1, 2, 1000]))),
      Uint8Array.of(0x82, (length >> 8) & 0xff, length & 0xff),
      Uint8Array.of(0xff),
    ]);
    node.raw = concat([node.tag, field, content]);
  });

/** One node changed: removed, duplicated, emptied, retagged, or its content replaced by random bytes. */
const structure: DerMutator = (der, random) =>
  onNode(der, random, ({ node, parent }) => {
    const siblings = parent?.children;
    const at = siblings?.indexOf(node) ?? -1;
    switch (random.int(6)) {
      case 0:
        if (siblings !== undefined) siblings.splice(at, 1);
        break;
      case 1:
        siblings?.splice(at, 0, ...Array.from({ length: 1 + random.int(3) }, () => node));
        break;
      case 2:
        if (node.children !== undefined) node.children = [];
        else node.content = new Uint8Array();
        break;
      case 3:
        node.tag = Uint8Array.of(random.pick([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x24, 0x30, 0x31, 0xa0, 0x80]));
        if ((node.tag[0] ?? 0) & 0x20 && node.children === undefined) node.children = [];
        if (!((node.tag[0] ?? 0) & 0x20)) node.children = undefined;
        break;
      default:
        node.children = undefined;
        node.content = random.bytes(random.pick(SIZES));
        if (node.tag[0] === 0x02 && node.content.length > 0) node.content[0] = (node.content[0] ?? 0) & 0x7f;
    }
  });

/** A node wrapped in deep nesting of SEQUENCEs, constructed OCTET STRINGs or [0] (recursion, stack). */
const nesting: DerMutator = (der, random) =>
  onNode(der, random, ({ node }) => {
    const depth = random.pick([8, 63, 64, 65, 66, 200, 1000, random.chance(0.3) ? 100_000 : 300]);
    node.raw = nested(encodeDer(node), random.pick([0x30, 0x24, 0xa0, 0x31]), depth);
  });

/** A subtree of another value put in place of one of this value's nodes. */
export function splice(der: Uint8Array, donor: Uint8Array, random: Random): Uint8Array | null {
  const other = parseDer(donor);
  if (other === null) return null;
  const graft = random.pick(allNodes(other));
  return onNode(der, random, ({ node }) => {
    node.raw = encodeDer(graft);
  });
}

/** PKCS#12 bag attributes (localKeyId, friendlyName) and bag types changed; any SEQUENCE { OID, SET }. */
const attributes: DerMutator = (der, random) => {
  const root = parseDer(der);
  if (root === null) return null;
  const candidates = allNodes(root).filter(
    (node) => node.children?.length === 2 && node.children[0]?.tag[0] === 0x06 && node.children[1]?.tag[0] === 0x31,
  );
  const bags = allNodes(root).filter(
    (node) => node.children?.[0]?.tag[0] === 0x06 && node.children[1]?.tag[0] === 0xa0,
  );
  if (candidates.length === 0 && bags.length === 0) return null;
  if (bags.length > 0 && (candidates.length === 0 || random.chance(0.3))) {
    const bag = random.pick(bags);
    const bagIds = ['1.2.840.113549.1.12.10.1.1', '1.2.840.113549.1.12.10.1.2', '1.2.840.113549.1.12.10.1.3'];
    const choice = random.int(3);
    if (choice === 0 && bag.children?.[0])
      bag.children[0] = oidNode(random.pick([...bagIds, '1.2.840.113549.1.12.10.1.6']));
    else if (choice === 1 && bag.children?.[1]) bag.children[1].children = [];
    else bag.children?.push(tlvNode(0x31, new Uint8Array()));
    return encodeDer(root);
  }
  const attribute = random.pick(candidates);
  const set = attribute.children?.[1];
  if (set === undefined) return null;
  if (random.chance(0.2)) attribute.children = [oidNode(random.pick([OID.localKeyId, '1.2.840.113549.1.9.20'])), set];
  set.children = random.pick([
    [],
    [tlvNode(0x05, new Uint8Array())],
    [tlvNode(0x02, Uint8Array.of(1))],
    [tlvNode(0x30, new Uint8Array())],
    [tlvNode(0x04, random.bytes(random.pick(SIZES)))],
    [tlvNode(0x1e, random.bytes(random.int(40)))],
    [...(set.children ?? []), ...(set.children ?? [])],
  ]);
  return encodeDer(root);
};

/** A namedCurve OID (or explicit parameters) replaced by explicit parameters with one field altered. */
const ecParameters: DerMutator = (der, random) => {
  const root = parseDer(der);
  if (root === null) return null;
  const curveOids = new Set(EC_CURVE_LIST.map((curve) => curve.oid));
  const targets = allNodes(root).filter(
    (node) =>
      (node.tag[0] === 0x06 && curveOids.has(oidText(node.content))) ||
      (node.tag[0] === 0x30 && node.children?.[1]?.children?.[0]?.tag[0] === 0x06 && node.children.length >= 5),
  );
  if (targets.length === 0) return null;
  const target = random.pick(targets);
  target.raw = explicitParameters(random);
  return encodeDer(root);
};

export const DER_MUTATORS: Readonly<Record<string, DerMutator>> = {
  'der-length': lengthField,
  'der-structure': structure,
  'der-nesting': nesting,
  'pkcs12-attributes': attributes,
  'ec-parameters': ecParameters,
};

/** SEC 1 §C.2 SpecifiedECDomain of one of our curves with one field resized, randomized or kept. */
function explicitParameters(random: Random): Uint8Array {
  const curve = random.pick(EC_CURVE_LIST);
  const field = (value: bigint): Uint8Array => fromBigint(value, curve.size);
  const fields = {
    p: integer(fromBigint(curve.p, 0)),
    a: tlv(0x04, field(curve.p - 3n)),
    b: tlv(0x04, field(curve.b)),
    g: tlv(0x04, concat([Uint8Array.of(4), field(curve.gx), field(curve.gy)])),
    n: integer(fromBigint(curve.n, 0)),
  };
  const name = random.pick(['p', 'a', 'b', 'g', 'n', 'none'] as const);
  if (name !== 'none') {
    const size = random.pick(SIZES);
    const content = random.bytes(size);
    fields[name] = name === 'p' || name === 'n' ? integer(content) : tlv(0x04, content);
  }
  const prime = tlv(0x30, concat([oid(OID.primeField), fields.p]));
  const body = [integer(Uint8Array.of(1)), prime, tlv(0x30, concat([fields.a, fields.b])), fields.g, fields.n];
  return tlv(0x30, concat([...body, integer(Uint8Array.of(1))]));
}

function onNode(
  der: Uint8Array,
  random: Random,
  change: (entry: { node: DerNode; parent: DerNode | undefined }) => void,
): Uint8Array | null {
  const root = parseDer(der);
  if (root === null) return null;
  change(random.pick(nodesWithParents(root)));
  return encodeDer(root);
}

/** `depth` levels of `tag` around `inner`, written in one pass (no quadratic copying). */
export function nested(inner: Uint8Array, tag: number, depth: number): Uint8Array {
  const lengths = [inner.length];
  for (let i = 0; i < depth; i++) {
    const last = lengths[lengths.length - 1] ?? 0;
    lengths.push(1 + encodeLength(last).length + last);
  }
  const out = new Uint8Array(lengths[depth] ?? 0);
  let offset = 0;
  for (let level = depth - 1; level >= 0; level--) {
    const header = concat([Uint8Array.of(tag), encodeLength(lengths[level] ?? 0)]);
    out.set(header, offset);
    offset += header.length;
  }
  out.set(inner, offset);
  return out;
}

function contentLength(node: DerNode): number {
  return encodeDer(node).length - node.tag.length - 1;
}

function tlvNode(tag: number, content: Uint8Array): DerNode {
  return { tag: Uint8Array.of(tag), children: undefined, content, prefix: new Uint8Array() };
}

function oidNode(dotted: string): DerNode {
  const encoded = oid(dotted);
  return tlvNode(0x06, encoded.subarray(2));
}

/** OBJECT IDENTIFIER TLV (X.690 §8.19); arcs below 2^31. */
function oid(dotted: string): Uint8Array {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const octets: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const base128 = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) base128.unshift((value & 0x7f) | 0x80);
    octets.push(...base128);
  }
  return tlv(0x06, Uint8Array.from(octets));
}

function oidText(content: Uint8Array): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const [head = 0, ...tail] = arcs;
  const first = Math.min(2, Math.floor(head / 40));
  return [first, head - first * 40, ...tail].join('.');
}

function integer(magnitude: Uint8Array): Uint8Array {
  const padded = (magnitude[0] ?? 0) & 0x80 ? concat([Uint8Array.of(0), magnitude]) : magnitude;
  return tlv(0x02, padded.length === 0 ? Uint8Array.of(0) : padded);
}

/** Big-endian bytes of `value`, at least `size` long. */
function fromBigint(value: bigint, size: number): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  hex = hex.padStart(size * 2, '0');
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
