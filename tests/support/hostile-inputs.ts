import * as asn1js from 'asn1js';
import { allNodes, encodeDer, parseDer } from '../../scripts/fuzz/der-tree';
import { EC_CURVES } from '../../src/crypto/ec-curves';
import { OID } from '../../src/crypto/oids';
import { bytesFromBigint } from '../../src/lib/bytes';

/**
 * Files shaped to make a reader work hard: oversized EC and RSA fields, deep nesting, malformed PFX bag
 * attributes. Built with asn1js and the fuzzer's TLV tree (no Node modules), so they run in Chromium too.
 */

/** `depth` levels of `tag` around `inner`, written in one pass. */
export function nestedDer(inner: Uint8Array, tag: number, depth: number): Uint8Array {
  const lengths = [inner.length];
  for (let i = 0; i < depth; i++) {
    const last = lengths[i] ?? 0;
    lengths.push(1 + lengthOctets(last).length + last);
  }
  const out = new Uint8Array(lengths[depth] ?? 0);
  let offset = 0;
  for (let level = depth - 1; level >= 0; level--) {
    const header = [tag, ...lengthOctets(lengths[level] ?? 0)];
    out.set(header, offset);
    offset += header.length;
  }
  out.set(inner, offset);
  return out;
}

function lengthOctets(length: number): number[] {
  if (length < 0x80) return [length];
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return [0x80 | octets.length, ...octets];
}

/** The DER of P-256's SpecifiedECDomain (SEC 1 §C.2), each field named in `sizes` replaced by that many 0x5a bytes. */
export function explicitP256Parameters(sizes: Partial<Record<'p' | 'a' | 'b' | 'g' | 'n', number>>): Uint8Array {
  const curve = EC_CURVES['P-256'];
  const filler = (size: number | undefined, real: Uint8Array): Uint8Array =>
    size === undefined ? real : new Uint8Array(size).fill(0x5a);
  const field = (value: bigint): Uint8Array => bytesFromBigint(value, curve.size);
  const integer = (bytes: Uint8Array): asn1js.Integer =>
    new asn1js.Integer({ valueHex: (bytes[0] ?? 0) & 0x80 ? Uint8Array.from([0, ...bytes]) : bytes });
  const generator = Uint8Array.from([4, ...field(curve.gx), ...field(curve.gy)]);
  const sequence = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: OID.primeField }), integer(filler(sizes.p, field(curve.p)))],
      }),
      new asn1js.Sequence({
        value: [
          new asn1js.OctetString({ valueHex: filler(sizes.a, field(curve.p - 3n)) }),
          new asn1js.OctetString({ valueHex: filler(sizes.b, field(curve.b)) }),
        ],
      }),
      new asn1js.OctetString({ valueHex: filler(sizes.g, generator) }),
      integer(filler(sizes.n, field(curve.n))),
      new asn1js.Integer({ value: 1 }),
    ],
  });
  return new Uint8Array(sequence.toBER());
}

/** A PKCS#1 RSAPrivateKey of the given sizes (its numbers are not a key: the sizes are refused first). */
export function rsaPrivateKey(options: { modulusBytes: number; privateExponentBytes?: number }): Uint8Array {
  const number = (length: number): asn1js.Integer =>
    new asn1js.Integer({ valueHex: new Uint8Array(length).fill(0x5a) });
  const half = Math.ceil(options.modulusBytes / 2);
  return new Uint8Array(
    new asn1js.Sequence({
      value: [
        new asn1js.Integer({ value: 0 }),
        number(options.modulusBytes),
        new asn1js.Integer({ value: 65537 }),
        number(options.privateExponentBytes ?? options.modulusBytes),
        ...[half, half, half, half, half].map(number),
      ],
    }).toBER(),
  );
}

/** A SubjectPublicKeyInfo for rsaEncryption with a modulus and exponent of the given lengths. */
export function rsaSpki(modulusBytes: number, exponentBytes: number): Uint8Array {
  const number = (length: number): asn1js.Integer =>
    new asn1js.Integer({ valueHex: new Uint8Array(length).fill(0x5a) });
  const key = new asn1js.Sequence({ value: [number(modulusBytes), number(exponentBytes)] }).toBER();
  return new Uint8Array(
    new asn1js.Sequence({
      value: [
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.rsaEncryption }), new asn1js.Null()] }),
        new asn1js.BitString({ valueHex: key }),
      ],
    }).toBER(),
  );
}

/**
 * A copy of an unencrypted PFX whose bag `localKeyId` attributes hold `values` (each one DER value) in
 * their SET: `[]` is the empty SET that once escaped as a TypeError.
 */
export function pfxWithLocalKeyIdValues(pfx: Uint8Array, values: readonly Uint8Array[]): Uint8Array {
  const root = parseDer(pfx);
  if (root === null) throw new Error('the PFX is not DER');
  const localKeyId = new asn1js.ObjectIdentifier({ value: OID.localKeyId }).toBER();
  const oid = new Uint8Array(localKeyId).subarray(2);
  let found = 0;
  for (const node of allNodes(root)) {
    const [type, set] = node.children ?? [];
    if (type?.tag[0] !== 0x06 || set?.tag[0] !== 0x31 || !sameBytes(type.content, oid)) continue;
    set.children = values.map((raw) => ({ ...set, raw }));
    found++;
  }
  if (found === 0) throw new Error('the PFX has no localKeyId attribute');
  return encodeDer(root);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
