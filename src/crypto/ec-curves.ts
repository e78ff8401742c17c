import { bigintFromBytes, bytesFromBigint, concatBytes } from '../lib/bytes';
import { OID } from './oids';

/** The curves we read and verify on (the NIST prime curves WebCrypto implements); we generate only P-256. */
export type EcCurve = 'P-256' | 'P-384' | 'P-521';

/**
 * Domain parameters of a curve y² = x³ - 3x + b over GF(p) (SEC 2 §2.4, FIPS 186-4 D.1.2; a = p - 3 on
 * all three): the field prime, b, the generator G = (gx, gy) and its order n. `oid` is the namedCurve
 * of RFC 5480 §2.1.1.1; `size` is the length of a field element in bytes.
 */
export interface EcCurveParameters {
  readonly name: EcCurve;
  readonly oid: string;
  readonly size: number;
  readonly p: bigint;
  readonly b: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
  readonly n: bigint;
}

/** An affine point, each coordinate big-endian and the field size long. */
export interface EcPoint {
  readonly x: Uint8Array;
  readonly y: Uint8Array;
}

/** The parameters of each curve, by name. */
export const EC_CURVES: Readonly<Record<EcCurve, EcCurveParameters>> = {
  'P-256': {
    name: 'P-256',
    oid: OID.secp256r1,
    size: 32,
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  },
  'P-384': {
    name: 'P-384',
    oid: OID.secp384r1,
    size: 48,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  },
  'P-521': {
    name: 'P-521',
    oid: OID.secp521r1,
    size: 66,
    p: (1n << 521n) - 1n,
    b: 0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    gx: 0xc6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x11839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
    n: 0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  },
};

/** Our three curves, P-256 first. */
export const EC_CURVE_LIST: readonly EcCurveParameters[] = [EC_CURVES['P-256'], EC_CURVES['P-384'], EC_CURVES['P-521']];

/** The curve a namedCurve OID names, or `undefined` when it is none of ours. */
export function ecCurveByOid(oid: string): EcCurveParameters | undefined {
  return EC_CURVE_LIST.find((curve) => curve.oid === oid);
}

/** The SEC 1 §2.3.3 uncompressed encoding `04 || x || y` (what WebCrypto `raw` import takes). */
export function uncompressedPoint(point: EcPoint): Uint8Array<ArrayBuffer> {
  return concatBytes(Uint8Array.of(0x04), point.x, point.y);
}

/** The SEC 1 §2.3.3 compressed encoding `02 || x` (y even) or `03 || x` (y odd). */
export function compressedPoint(point: EcPoint): Uint8Array<ArrayBuffer> {
  const yLast = point.y[point.y.length - 1] ?? 0;
  return concatBytes(Uint8Array.of(0x02 + (yLast & 1)), point.x);
}

/** The curve's generator G, uncompressed. */
export function generatorPoint(curve: EcCurveParameters): Uint8Array<ArrayBuffer> {
  return uncompressedPoint({ x: bytesFromBigint(curve.gx, curve.size), y: bytesFromBigint(curve.gy, curve.size) });
}

/**
 * A y with y² = x³ - 3x + b (mod p), for an x in [0, p); the other root is p - y. `null` when there is
 * none, that is, when no point of the curve has this x.
 */
export function yFromX(curve: EcCurveParameters, x: bigint): bigint | null {
  const { p } = curve;
  const rhs = curveRhs(curve, x);
  // p ≡ 3 (mod 4) on all three curves, so a square root is a power (SEC 1 §2.3.4).
  const y = modPow(rhs, (p + 1n) / 4n, p);
  return mod(y * y, p) === rhs ? y : null;
}

/**
 * True when `bytes` has the prefix and length of an SEC 1 point encoding on `curve` (uncompressed or
 * compressed). It says nothing of whether the point lies on the curve; `decodePoint` checks that.
 */
export function isPointEncoding(curve: EcCurveParameters, bytes: Uint8Array): boolean {
  const { size } = curve;
  return (
    (bytes[0] === 0x04 && bytes.length === 1 + 2 * size) ||
    ((bytes[0] === 0x02 || bytes[0] === 0x03) && bytes.length === 1 + size)
  );
}

/**
 * Decodes an SEC 1 §2.3.4 point encoding, uncompressed or compressed (then decompressed), and checks
 * that the point lies on the curve.
 *
 * @returns the affine point, or `null` for any other encoding, a coordinate not below p, or a point
 *   off the curve.
 */
export function decodePoint(curve: EcCurveParameters, bytes: Uint8Array): EcPoint | null {
  const { p, size } = curve;
  const prefix = bytes[0];
  if (prefix === 0x04 && bytes.length === 1 + 2 * size) {
    const x = bigintFromBytes(bytes.subarray(1, 1 + size));
    const y = bigintFromBytes(bytes.subarray(1 + size));
    if (x >= p || y >= p || mod(y * y, p) !== curveRhs(curve, x)) return null;
    return { x: Uint8Array.from(bytes.subarray(1, 1 + size)), y: Uint8Array.from(bytes.subarray(1 + size)) };
  }
  if ((prefix === 0x02 || prefix === 0x03) && bytes.length === 1 + size) {
    const x = bigintFromBytes(bytes.subarray(1));
    if (x >= p) return null;
    const root = yFromX(curve, x);
    if (root === null) return null;
    const y = Number(root & 1n) === (prefix & 1) ? root : p - root;
    return { x: Uint8Array.from(bytes.subarray(1)), y: bytesFromBigint(y, size) };
  }
  return null;
}

/** x³ - 3x + b (mod p), the right-hand side of the curve equation. */
function curveRhs(curve: EcCurveParameters, x: bigint): bigint {
  return mod(x * x * x - 3n * x + curve.b, curve.p);
}

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function modPow(base: bigint, exponent: bigint, m: bigint): bigint {
  let result = 1n;
  let b = mod(base, m);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}
