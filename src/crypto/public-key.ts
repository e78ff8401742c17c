import * as asn1js from 'asn1js';
import { AlgorithmIdentifier } from 'pkijs';
import { toBase64Url } from '../lib/bytes';
import { bitStringBytes, decodeDer, parsePkijsOrNull, unsignedMagnitude } from './asn1';
import { MAX_EC_FIELD_BYTES, checkEcLength, checkRsaSize } from './bounds';
import { type EcCurve, decodePoint, ecCurveByOid } from './ec-curves';
import { CryptoError } from './errors';
import type { KeyType } from './key-type';
import { OID } from './oids';

/** Public key material read from a SubjectPublicKeyInfo, in a form that compares by value. */
export type PublicKeyMaterial =
  /** EC point as affine coordinates, each the field size long (compressed points are decompressed). */
  | { readonly kind: 'EC'; readonly curve: EcCurve; readonly x: Uint8Array; readonly y: Uint8Array }
  /** RSA modulus and exponent, big-endian without leading zeros. */
  | {
      readonly kind: 'RSA';
      readonly modulus: Uint8Array;
      readonly publicExponent: Uint8Array;
      readonly modulusBits: number;
    }
  /** Any other algorithm, or EC on a curve we do not know; `algorithmOid` is the SPKI algorithm. */
  | { readonly kind: 'other'; readonly algorithmOid: string };

/**
 * Reads the key material of a DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): EC keys on P-256/384/521
 * with a named curve (RFC 5480), uncompressed or compressed points, checked to lie on the curve; RSA
 * keys under rsaEncryption or id-RSASSA-PSS (RFC 8017 `RSAPublicKey`). Other algorithms, and EC keys
 * on other curves or with explicit parameters, come back as `kind: 'other'`.
 *
 * @throws CryptoError `corrupt-file` when the structure or the key in it is malformed (trailing bytes, a
 *   point off the curve, a negative or zero modulus); `ec-parameters-too-large` for an EC point longer
 *   than P-521's; `rsa-modulus-too-large`.
 */
export function readPublicKey(spki: Uint8Array): PublicKeyMaterial {
  const fail = (why: string): CryptoError => new CryptoError('corrupt-file', `SubjectPublicKeyInfo: ${why}`);
  const seq = decodeDer(Uint8Array.from(spki), 'The SubjectPublicKeyInfo');
  if (!(seq instanceof asn1js.Sequence) || seq.valueBlock.value.length !== 2) throw fail('not a SEQUENCE of two');
  const [algorithmBlock, keyBlock] = seq.valueBlock.value;
  if (!(algorithmBlock instanceof asn1js.Sequence) || !(keyBlock instanceof asn1js.BitString)) throw fail('bad shape');
  const algorithm = parsePkijsOrNull(() => new AlgorithmIdentifier({ schema: algorithmBlock }));
  if (algorithm === null) throw fail('bad AlgorithmIdentifier');
  const key = bitStringBytes(keyBlock);
  if (key === null) throw fail('key BIT STRING has unused bits');

  if (algorithm.algorithmId === OID.idEcPublicKey) {
    const params: unknown = algorithm.algorithmParams;
    checkEcLength(key.length, 1 + 2 * MAX_EC_FIELD_BYTES, 'The EC public point');
    const curve = params instanceof asn1js.ObjectIdentifier ? ecCurveByOid(params.valueBlock.toString()) : undefined;
    if (curve === undefined) return { kind: 'other', algorithmOid: algorithm.algorithmId };
    const point = decodePoint(curve, key);
    if (point === null) throw fail(`not a point on ${curve.name}`);
    return { kind: 'EC', curve: curve.name, ...point };
  }
  if (algorithm.algorithmId === OID.rsaEncryption || algorithm.algorithmId === OID.idRsassaPss) {
    const rsa = decodeDer(key, 'The RSAPublicKey');
    const fields = rsa instanceof asn1js.Sequence ? rsa.valueBlock.value : [];
    const [n, e] = fields;
    if (fields.length !== 2 || !(n instanceof asn1js.Integer) || !(e instanceof asn1js.Integer)) {
      throw fail('not an RSAPublicKey');
    }
    const modulus = positive(n);
    const publicExponent = positive(e);
    if (modulus === null || publicExponent === null) throw fail('modulus and exponent must be positive');
    checkRsaSize(modulus, publicExponent);
    return { kind: 'RSA', modulus, publicExponent, modulusBits: rsaModulusBits(modulus) };
  }
  return { kind: 'other', algorithmOid: algorithm.algorithmId };
}

/** The `KeyType` of key material, or the SPKI algorithm OID of a key we do not handle. */
export function publicKeyType(
  key: PublicKeyMaterial,
): KeyType | { readonly kind: 'other'; readonly algorithmOid: string } {
  if (key.kind === 'EC') return { kind: 'EC', curve: key.curve };
  if (key.kind === 'RSA') return { kind: 'RSA', modulusBits: key.modulusBits };
  return { kind: 'other', algorithmOid: key.algorithmOid };
}

/**
 * The JWK of an RSA public key (RFC 7518 §6.3.1), the form in which WebCrypto imports a modulus and
 * exponent. Both are big-endian magnitudes.
 */
export function rsaPublicJwk(modulus: Uint8Array, publicExponent: Uint8Array): JsonWebKey {
  return { kty: 'RSA', n: toBase64Url(modulus), e: toBase64Url(publicExponent), ext: true };
}

/** The size in bits of an RSA modulus given big-endian without leading zero bytes. */
export function rsaModulusBits(modulus: Uint8Array): number {
  return (modulus.length - 1) * 8 + (modulus[0] ?? 0).toString(2).length;
}

/** The magnitude of a DER INTEGER without leading zeros, or `null` when it is negative or zero. */
function positive(node: asn1js.Integer): Uint8Array | null {
  const magnitude = unsignedMagnitude(node);
  return magnitude === null || magnitude.length === 0 ? null : magnitude;
}
