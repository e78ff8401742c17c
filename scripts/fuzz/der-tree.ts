/**
 * A minimal TLV tree over DER, written for the fuzzer only: it must stay independent of asn1js, the
 * parser under test, so that a mutation is not limited to what asn1js itself can read. Definite lengths
 * only; an OCTET STRING or BIT STRING whose content is itself one complete constructed DER value (the
 * PFX authSafe, SafeContents, an SPKI's RSAPublicKey) is opened as encapsulated, so mutations reach it.
 */
import { concatBytes } from '../../src/lib/bytes.ts';
export interface DerNode {
  /** The identifier octets, as found. */
  tag: Uint8Array;
  /** Children of a constructed (or encapsulating) node; `undefined` for a primitive one. */
  children: DerNode[] | undefined;
  /** Content octets of a primitive node. */
  content: Uint8Array;
  /** For an encapsulating BIT STRING: the unused-bits octet before the nested DER. */
  prefix: Uint8Array;
  /** When set, the node's whole encoding, written as it is (a mutation that breaks the TLV rules). */
  raw?: Uint8Array;
}

const MAX_DEPTH = 40;

/** Parses one DER value filling `bytes`, or `null` when the bytes are not that. */
export function parseDer(bytes: Uint8Array): DerNode | null {
  const parsed = parseAt(bytes, 0, 0);
  return parsed !== null && parsed.end === bytes.length ? parsed.node : null;
}

function parseAt(bytes: Uint8Array, start: number, depth: number): { node: DerNode; end: number } | null {
  if (depth > MAX_DEPTH || start >= bytes.length) return null;
  let offset = start + 1;
  if (((bytes[start] ?? 0) & 0x1f) === 0x1f) {
    while (offset < bytes.length && ((bytes[offset] ?? 0) & 0x80) !== 0) offset++;
    offset++;
  }
  const tag = bytes.subarray(start, offset);
  const first = bytes[offset];
  if (first === undefined || first === 0x80) return null;
  let length = first;
  offset++;
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[offset + i] ?? 0);
    offset += count;
  }
  const end = offset + length;
  if (end > bytes.length) return null;
  const content = bytes.subarray(offset, end);
  const constructed = ((tag[0] ?? 0) & 0x20) !== 0;
  if (constructed) {
    const children = parseChildren(content, depth);
    return children === null ? null : { node: { tag, children, content, prefix: new Uint8Array() }, end };
  }
  return { node: encapsulated(tag, content, depth) ?? primitive(tag, content), end };
}

function parseChildren(content: Uint8Array, depth: number): DerNode[] | null {
  const children: DerNode[] = [];
  let offset = 0;
  while (offset < content.length) {
    const child = parseAt(content, offset, depth + 1);
    if (child === null) return null;
    children.push(child.node);
    offset = child.end;
  }
  return children;
}

function primitive(tag: Uint8Array, content: Uint8Array): DerNode {
  return { tag, children: undefined, content, prefix: new Uint8Array() };
}

/** An OCTET STRING (04) or BIT STRING (03) that holds one constructed DER value. */
function encapsulated(tag: Uint8Array, content: Uint8Array, depth: number): DerNode | null {
  const skip = tag[0] === 0x03 ? 1 : tag[0] === 0x04 ? 0 : -1;
  if (skip < 0 || content.length < skip + 2 || ((content[skip] ?? 0) & 0x20) === 0) return null;
  const inner = parseAt(content, skip, depth + 1);
  if (inner === null || inner.end !== content.length) return null;
  return { tag, children: [inner.node], content, prefix: content.subarray(0, skip) };
}

/** DER definite length octets for `length`. */
export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

/** Encodes a tree back to DER, lengths recomputed. */
export function encodeDer(node: DerNode): Uint8Array {
  if (node.raw !== undefined) return node.raw;
  const content =
    node.children === undefined ? node.content : concat([node.prefix, ...node.children.map((c) => encodeDer(c))]);
  return concat([node.tag, encodeLength(content.length), content]);
}

/** A TLV with the given tag octet around `content`. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concat([Uint8Array.of(tag), encodeLength(content.length), content]);
}

/** Every node of the tree, parents before children. */
export function allNodes(root: DerNode): DerNode[] {
  const out: DerNode[] = [];
  const walk = (node: DerNode): void => {
    out.push(node);
    node.children?.forEach(walk);
  };
  walk(root);
  return out;
}

/** Every node with its parent (the root has none), so a mutation can replace or remove a node. */
export function nodesWithParents(root: DerNode): { node: DerNode; parent: DerNode | undefined }[] {
  const out: { node: DerNode; parent: DerNode | undefined }[] = [{ node: root, parent: undefined }];
  for (const parent of allNodes(root)) for (const node of parent.children ?? []) out.push({ node, parent });
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  return concatBytes(...parts);
}
