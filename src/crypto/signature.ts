import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, RSASSAPSSParams } from 'pkijs';
import { concatBytes, toArrayBuffer, toBase64 } from '../lib/bytes';
import { decodeDer } from './asn1';
import { derSequence, derUnsignedInteger } from './der-writer';
import { CryptoError } from './errors';
import type { KeyType } from './key-type';
import { OID } from './oids';

/** Hashes we accept in signatures. SHA-1 is refused everywhere (CONTRACT §13 #6). */
export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** A signature AlgorithmIdentifier we can verify, mapped to WebCrypto terms. */
export type SignatureAlgorithm =
  | { readonly name: 'ECDSA'; readonly hash: HashName; readonly nullParameters: boolean }
  | { readonly name: 'RSASSA-PKCS1-v1_5'; readonly hash: HashName }
  | { readonly name: 'RSA-PSS'; readonly hash: HashName; readonly saltLength: number };

/** What a signature check says. `unsupported-algorithm` is not a verdict on the signature. */
export type VerifyResult = 'valid' | 'invalid' | 'unsupported-algorithm';

const ECDSA_HASHES: Readonly<Record<string, HashName>> = {
  [OID.ecdsaWithSha256]: 'SHA-256',
  [OID.ecdsaWithSha384]: 'SHA-384',
  [OID.ecdsaWithSha512]: 'SHA-512',
};
const RSA_HASHES: Readonly<Record<string, HashName>> = {
  [OID.sha256WithRsaEncryption]: 'SHA-256',
  [OID.sha384WithRsaEncryption]: 'SHA-384',
  [OID.sha512WithRsaEncryption]: 'SHA-512',
};
const DIGESTS: Readonly<Record<string, HashName>> = {
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};
const HASH_BYTES: Readonly<Record<HashName, number>> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/**
 * Reads a signature AlgorithmIdentifier: ecdsa-with-SHA256/384/512 (RFC 5758; parameters absent, or a
 * NULL as the KSeF CA writes them, CONTRACT §7 — `nullParameters` tells which), sha256/384/512WithRSA
 * (RFC 4055; NULL or absent), and RSASSA-PSS with explicit SHA-2 parameters, MGF1 with the same hash
 * and trailerField 1 (RFC 4055 §3.1; WebCrypto cannot express anything else).
 *
 * @returns `null` for anything else (SHA-1, DSA, EdDSA, PSS with default parameters, unknown OIDs).
 */
export function readSignatureAlgorithm(algorithm: AlgorithmIdentifier): SignatureAlgorithm | null {
  const params: unknown = algorithm.algorithmParams;
  const absentOrNull = params === undefined || params instanceof asn1js.Null;
  const ecdsaHash = ECDSA_HASHES[algorithm.algorithmId];
  if (ecdsaHash !== undefined) {
    return absentOrNull ? { name: 'ECDSA', hash: ecdsaHash, nullParameters: params !== undefined } : null;
  }
  const rsaHash = RSA_HASHES[algorithm.algorithmId];
  if (rsaHash !== undefined) return absentOrNull ? { name: 'RSASSA-PKCS1-v1_5', hash: rsaHash } : null;
  if (algorithm.algorithmId === OID.idRsassaPss && params instanceof asn1js.Sequence) return readPssParams(params);
  return null;
}

function readPssParams(schema: asn1js.Sequence): SignatureAlgorithm | null {
  const pss = parseWith(() => new RSASSAPSSParams({ schema }));
  if (pss === null || pss.trailerField !== 1) return null;
  const hash = digestOf(pss.hashAlgorithm);
  if (hash === null || pss.maskGenAlgorithm.algorithmId !== OID.mgf1) return null;
  const mgfParams: unknown = pss.maskGenAlgorithm.algorithmParams;
  if (!(mgfParams instanceof asn1js.Sequence)) return null;
  const mgfHash = parseWith(() => new AlgorithmIdentifier({ schema: mgfParams }));
  if (mgfHash === null || digestOf(mgfHash) !== hash) return null;
  if (!Number.isSafeInteger(pss.saltLength) || pss.saltLength < 0) return null;
  return { name: 'RSA-PSS', hash, saltLength: pss.saltLength };
}

function digestOf(algorithm: AlgorithmIdentifier): HashName | null {
  const params: unknown = algorithm.algorithmParams;
  if (params !== undefined && !(params instanceof asn1js.Null)) return null;
  return DIGESTS[algorithm.algorithmId] ?? null;
}

/** Runs a pkijs constructor; pkijs reports a schema mismatch by throwing, which here means "not this". */
function parseWith<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (cause) {
    if (cause instanceof Error) return null;
    throw cause;
  }
}

/**
 * Verifies `signatureValue` over `tbs` with the key in `spki` (DER SubjectPublicKeyInfo).
 *
 * @returns `'valid'`; `'invalid'` when the signature does not verify, does not decode (bad ECDSA DER, an
 *   RSA signature of the wrong length, a PSS salt the key cannot hold) or belongs to another key type;
 *   `'unsupported-algorithm'` when `readSignatureAlgorithm` refuses the algorithm, the key is of a kind
 *   we do not handle, or the WebCrypto engine refuses to import it.
 * @throws CryptoError `corrupt-file` when `spki` is not a well-formed SubjectPublicKeyInfo.
 */
export async function verifySignature(
  spki: Uint8Array,
  signatureAlgorithm: AlgorithmIdentifier,
  tbs: Uint8Array,
  signatureValue: Uint8Array,
  crypto: Crypto = globalThis.crypto,
): Promise<VerifyResult> {
  const key = readPublicKey(spki);
  const algorithm = readSignatureAlgorithm(signatureAlgorithm);
  if (algorithm === null || key.kind === 'other') return 'unsupported-algorithm';

  if (algorithm.name === 'ECDSA') {
    if (key.kind !== 'EC') return 'invalid';
    let raw: Uint8Array;
    try {
      raw = ecdsaDerToRaw(signatureValue, key.x.length);
    } catch (cause) {
      if (cause instanceof CryptoError && cause.code === 'corrupt-file') return 'invalid';
      throw cause;
    }
    const params: EcKeyImportParams = { name: 'ECDSA', namedCurve: key.curve };
    const point = toArrayBuffer(uncompressedPoint(key));
    const publicKey = await importOrNull(() => crypto.subtle.importKey('raw', point, params, false, ['verify']));
    if (publicKey === null) return 'unsupported-algorithm';
    const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: algorithm.hash }, publicKey, toArrayBuffer(raw), toArrayBuffer(tbs));
    return ok ? 'valid' : 'invalid';
  }

  if (key.kind !== 'RSA') return 'invalid';
  // RFC 8017 §8.2.2 step 1 and §9.1.2: reject wrong lengths here; engines differ in how they fail on them.
  if (signatureValue.length !== Math.ceil(key.modulusBits / 8)) return 'invalid';
  const verifyParams: Algorithm | RsaPssParams =
    algorithm.name === 'RSA-PSS' ? { name: 'RSA-PSS', saltLength: algorithm.saltLength } : { name: algorithm.name };
  if (algorithm.name === 'RSA-PSS') {
    const emLength = Math.ceil((key.modulusBits - 1) / 8);
    if (emLength < HASH_BYTES[algorithm.hash] + algorithm.saltLength + 2) return 'invalid';
  }
  const jwk: JsonWebKey = { kty: 'RSA', n: base64Url(key.modulus), e: base64Url(key.publicExponent), ext: true };
  const importParams: RsaHashedImportParams = { name: algorithm.name, hash: algorithm.hash };
  const publicKey = await importOrNull(() => crypto.subtle.importKey('jwk', jwk, importParams, false, ['verify']));
  if (publicKey === null) return 'unsupported-algorithm';
  const ok = await crypto.subtle.verify(verifyParams, publicKey, toArrayBuffer(signatureValue), toArrayBuffer(tbs));
  return ok ? 'valid' : 'invalid';
}

/** Runs an import for verification; an engine that refuses the key (size, exponent) gives `null`. */
async function importOrNull(importKey: () => Promise<CryptoKey>): Promise<CryptoKey | null> {
  try {
    return await importKey();
  } catch (cause) {
    // DOMException from browsers and Node, plain Error subclasses from @peculiar/webcrypto.
    if (cause instanceof Error || cause instanceof DOMException) return null;
    throw cause;
  }
}

function base64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a signature BIT STRING, or `null` when it has unused bits (no signature does). */
export function bitStringBytes(bitString: asn1js.BitString): Uint8Array | null {
  return bitString.valueBlock.unusedBits === 0 ? Uint8Array.from(bitString.valueBlock.valueHexView) : null;
}

/**
 * Encodes a WebCrypto ECDSA signature (IEEE P1363 `r || s`, both halves the field size) as the DER
 * `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` of RFC 3279 §2.2.3, with minimal, positive
 * INTEGERs — what X.509 and PKCS#10 carry (CONTRACT §6.1).
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

/** The curves a `KeyType` can name, which are the ones we verify on. */
type EcCurve = Extract<KeyType, { kind: 'EC' }>['curve'];

/** Public key material read from a SubjectPublicKeyInfo, in a form that compares by value. */
export type PublicKeyMaterial =
  /** EC point as affine coordinates, each the field size long (compressed points are decompressed). */
  | { readonly kind: 'EC'; readonly curve: EcCurve; readonly x: Uint8Array; readonly y: Uint8Array }
  /** RSA modulus and exponent, big-endian without leading zeros. */
  | { readonly kind: 'RSA'; readonly modulus: Uint8Array; readonly publicExponent: Uint8Array; readonly modulusBits: number }
  /** Any other algorithm, or EC on a curve we do not know; `algorithmOid` is the SPKI algorithm. */
  | { readonly kind: 'other'; readonly algorithmOid: string };

/** What we need to check and decompress points (FIPS 186-4 D.1.2; a = -3 on all three). */
interface CurveConstants {
  readonly name: EcCurve;
  readonly size: number;
  readonly p: bigint;
  readonly b: bigint;
}

const CURVES: Readonly<Record<string, CurveConstants>> = {
  [OID.secp256r1]: {
    name: 'P-256',
    size: 32,
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  [OID.secp384r1]: {
    name: 'P-384',
    size: 48,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
  [OID.secp521r1]: {
    name: 'P-521',
    size: 66,
    p: (1n << 521n) - 1n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  },
};

/**
 * Reads the key material of a DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): EC keys on P-256/384/521
 * with a named curve (RFC 5480), uncompressed or compressed points, checked to lie on the curve; RSA
 * keys under rsaEncryption or id-RSASSA-PSS (RFC 8017 `RSAPublicKey`). Other algorithms, and EC keys
 * on other curves or with explicit parameters, come back as `kind: 'other'`.
 *
 * @throws CryptoError `corrupt-file` when the structure or the key in it is malformed (trailing bytes, a
 *   point off the curve, a negative or zero modulus).
 */
export function readPublicKey(spki: Uint8Array): PublicKeyMaterial {
  const fail = (why: string): CryptoError => new CryptoError('corrupt-file', `SubjectPublicKeyInfo: ${why}`);
  const seq = decodeDer(Uint8Array.from(spki), 'The SubjectPublicKeyInfo');
  if (!(seq instanceof asn1js.Sequence) || seq.valueBlock.value.length !== 2) throw fail('not a SEQUENCE of two');
  const [algorithmBlock, keyBlock] = seq.valueBlock.value;
  if (!(algorithmBlock instanceof asn1js.Sequence) || !(keyBlock instanceof asn1js.BitString)) throw fail('bad shape');
  const algorithm = parseWith(() => new AlgorithmIdentifier({ schema: algorithmBlock }));
  if (algorithm === null) throw fail('bad AlgorithmIdentifier');
  const key = bitStringBytes(keyBlock);
  if (key === null) throw fail('key BIT STRING has unused bits');

  if (algorithm.algorithmId === OID.idEcPublicKey) {
    const params: unknown = algorithm.algorithmParams;
    const curve = params instanceof asn1js.ObjectIdentifier ? CURVES[params.valueBlock.toString()] : undefined;
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
    const modulus = positive(n.valueBlock.valueHexView);
    const publicExponent = positive(e.valueBlock.valueHexView);
    if (modulus === null || publicExponent === null) throw fail('modulus and exponent must be positive');
    const modulusBits = (modulus.length - 1) * 8 + (modulus[0] ?? 0).toString(2).length;
    return { kind: 'RSA', modulus, publicExponent, modulusBits };
  }
  return { kind: 'other', algorithmOid: algorithm.algorithmId };
}

/** The `KeyType` of key material, or the SPKI algorithm OID of a key we do not handle. */
export function publicKeyType(key: PublicKeyMaterial): KeyType | { readonly kind: 'other'; readonly algorithmOid: string } {
  if (key.kind === 'EC') return { kind: 'EC', curve: key.curve };
  if (key.kind === 'RSA') return { kind: 'RSA', modulusBits: key.modulusBits };
  return { kind: 'other', algorithmOid: key.algorithmOid };
}

/** The magnitude of a DER INTEGER without leading zeros, or `null` when it is negative or zero. */
function positive(bytes: Uint8Array): Uint8Array | null {
  if (((bytes[0] ?? 0) & 0x80) !== 0) return null;
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  return start === bytes.length ? null : Uint8Array.from(bytes.subarray(start));
}

function decodePoint(curve: CurveConstants, bytes: Uint8Array): { x: Uint8Array; y: Uint8Array } | null {
  const { p, b, size } = curve;
  const rhs = (x: bigint): bigint => mod(x * x * x - 3n * x + b, p);
  const prefix = bytes[0];
  if (prefix === 0x04 && bytes.length === 1 + 2 * size) {
    const x = toBigInt(bytes.subarray(1, 1 + size));
    const y = toBigInt(bytes.subarray(1 + size));
    if (x >= p || y >= p || mod(y * y, p) !== rhs(x)) return null;
    return { x: Uint8Array.from(bytes.subarray(1, 1 + size)), y: Uint8Array.from(bytes.subarray(1 + size)) };
  }
  if ((prefix === 0x02 || prefix === 0x03) && bytes.length === 1 + size) {
    const x = toBigInt(bytes.subarray(1));
    if (x >= p) return null;
    // p ≡ 3 (mod 4) on all three curves, so a square root is a power (SEC 1 §2.3.4).
    let y = modPow(rhs(x), (p + 1n) / 4n, p);
    if (mod(y * y, p) !== rhs(x)) return null;
    if (Number(y & 1n) !== (prefix & 1)) y = p - y;
    return { x: Uint8Array.from(bytes.subarray(1)), y: fromBigInt(y, size) };
  }
  return null;
}

/** The SEC 1 uncompressed encoding `04 || x || y` of an EC key (what WebCrypto `raw` import takes). */
export function uncompressedPoint(key: { readonly x: Uint8Array; readonly y: Uint8Array }): Uint8Array<ArrayBuffer> {
  return concatBytes(Uint8Array.of(0x04), key.x, key.y);
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

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const byte of bytes) n = (n << 8n) | BigInt(byte);
  return n;
}

function fromBigInt(n: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let v = n;
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
