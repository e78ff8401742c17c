import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, RSAPrivateKey } from 'pkijs';
import { bytesEqual, concatBytes, toBase64, wipe } from '../lib/bytes';
import { type KeyAlgorithm, DEFAULT_KEY_ALGORITHM, generationParams, signingParams } from './algorithms';
import { children, corrupt, decodeDer, encodeDer, field, isContext, matchSchema, octetStringBytes, toAlgorithmIdentifier } from './asn1';
import { CryptoError } from './errors';
import type { LoadedPrivateKey, PrivateKeySource } from './key-type';
import { OID } from './oids';

/** The curves we read; we generate only P-256. */
export type EcCurve = 'P-256' | 'P-384' | 'P-521';

/**
 * A private key decoded from any supported syntax, before it is handed to WebCrypto. Holds secret
 * bytes: pass it to `importPrivateKey`, which wipes them.
 */
export type PrivateKeyMaterial =
  | {
      readonly kind: 'EC';
      readonly curve: EcCurve;
      /** True when the file named no curve and we chose it from the key's size. */
      readonly curveInferred: boolean;
      /** The private scalar, left-padded to the curve size. */
      readonly d: Uint8Array;
      /** The public point the file carried (SEC 1 encoding), if any: checked against the derived one. */
      readonly storedPublicPoint?: Uint8Array;
    }
  | { readonly kind: 'RSA'; readonly rsaPrivateKey: Uint8Array; readonly modulus: Uint8Array; readonly publicExponent: Uint8Array };

/**
 * Generates a signing key pair: ECDSA P-256 (the default, as the Taxpayer Application issues) or
 * RSASSA-PKCS1-v1_5 2048-bit, e = 65537, SHA-256.
 *
 * The private key is extractable only so that it can be exported once, encrypted, for the `.key` file
 * (`writeEncryptedKeyFile`); call `toNonExtractable` right after that. It never leaves memory otherwise.
 *
 * @returns the pair; the private key has usage `sign`, the public key `verify`.
 */
export async function generateKeyPair(
  algorithm: KeyAlgorithm = DEFAULT_KEY_ALGORITHM,
  crypto: Crypto = globalThis.crypto,
): Promise<CryptoKeyPair> {
  const generated = await crypto.subtle.generateKey(generationParams(algorithm), true, ['sign', 'verify']);
  if (!('privateKey' in generated)) throw new Error('WebCrypto returned a single key for an asymmetric algorithm');
  return generated;
}

/**
 * Re-imports an extractable private key as non-extractable, with the same algorithm and usages. The
 * PKCS#8 bytes that pass through memory are wiped.
 *
 * @throws CryptoError `invalid-argument` when the key is not an extractable private key.
 */
export async function toNonExtractable(privateKey: CryptoKey, crypto: Crypto = globalThis.crypto): Promise<CryptoKey> {
  if (privateKey.type !== 'private' || !privateKey.extractable) {
    throw new CryptoError('invalid-argument', 'Expected an extractable private key');
  }
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, importParams(privateKey), false, privateKey.usages);
  } finally {
    wipe(pkcs8);
  }
}

/**
 * The DER SubjectPublicKeyInfo of a public key (RFC 5280 §4.1.2.7).
 *
 * @throws CryptoError `invalid-argument` when the key is not a public key.
 */
export async function exportSpki(publicKey: CryptoKey, crypto: Crypto = globalThis.crypto): Promise<Uint8Array> {
  if (publicKey.type !== 'public') throw new CryptoError('invalid-argument', 'Expected a public key');
  return new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
}

/** WebCrypto import parameters matching an existing key (ECDSA curve, or RSA with its hash). */
function importParams(key: CryptoKey): EcKeyImportParams | RsaHashedImportParams {
  const algorithm: object = key.algorithm;
  if ('namedCurve' in algorithm && typeof algorithm.namedCurve === 'string') {
    return { name: key.algorithm.name, namedCurve: algorithm.namedCurve };
  }
  if ('hash' in algorithm && algorithm.hash instanceof Object && 'name' in algorithm.hash && typeof algorithm.hash.name === 'string') {
    return { name: key.algorithm.name, hash: algorithm.hash.name };
  }
  throw new CryptoError('invalid-argument', `Unsupported key algorithm ${key.algorithm.name}`);
}

// ---------------------------------------------------------------------------------------------------
// Decoding: PKCS#8 (RFC 5208/5958), SEC 1 ECPrivateKey (RFC 5915), PKCS#1 RSAPrivateKey (RFC 8017)

/** Curve constants (SEC 2 / FIPS 186-4 D.1.2): field prime, b, generator, order; a = p - 3 for all three. */
const CURVES: Record<EcCurve, { readonly oid: string; readonly size: number; readonly p: bigint; readonly b: bigint; readonly gx: bigint; readonly gy: bigint; readonly n: bigint }> = {
  'P-256': {
    oid: OID.secp256r1,
    size: 32,
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  },
  'P-384': {
    oid: OID.secp384r1,
    size: 48,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  },
  'P-521': {
    oid: OID.secp521r1,
    size: 66,
    p: (1n << 521n) - 1n,
    b: 0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    gx: 0xc6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x11839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
    n: 0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  },
};
const EC_CURVES: readonly EcCurve[] = ['P-256', 'P-384', 'P-521'];

/** Curves users meet that WebCrypto does not implement, named so the error can say which. */
const OTHER_CURVES = new Map<string, string>([
  [OID.secp256k1, 'secp256k1'],
  [OID.secp224r1, 'secp224r1'],
  [OID.prime192v1, 'prime192v1'],
  [OID.brainpoolP256r1, 'brainpoolP256r1'],
  [OID.brainpoolP384r1, 'brainpoolP384r1'],
  [OID.brainpoolP512r1, 'brainpoolP512r1'],
]);

const OTHER_KEY_TYPES = new Map<string, string>([
  [OID.idDsa, 'DSA'],
  [OID.idEd25519, 'Ed25519'],
  [OID.idEd448, 'Ed448'],
  [OID.idX25519, 'X25519'],
  [OID.idX448, 'X448'],
  [OID.idRsassaPss, 'RSA-PSS (restricted to PSS signatures)'],
]);

/**
 * Decodes a PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5208, RFC 5958) holding an RSA or EC key.
 *
 * @throws CryptoError `corrupt-file` for malformed DER; `unsupported-key-type` for DSA, Ed25519, X25519,
 *   RSA-PSS-only or unknown algorithms; `unsupported-curve` for EC curves other than P-256/384/521.
 */
export function decodePrivateKeyInfo(der: Uint8Array): PrivateKeyMaterial {
  const what = 'The PKCS#8 PrivateKeyInfo';
  const [version, algorithmNode, privateKey, ...rest] = sequenceElements(decodeDer(der, what), what);
  if (!(version instanceof asn1js.Integer) || version.toBigInt() < 0n || version.toBigInt() > 1n) throw corrupt(`${what} has no valid version`);
  if (!(algorithmNode instanceof asn1js.Sequence) || !(privateKey instanceof asn1js.OctetString)) throw corrupt(`${what} is malformed`);
  if (rest.some((node) => !isContext(node, 0) && !isContext(node, 1))) throw corrupt(`${what} has unexpected fields`);
  const algorithm = toAlgorithmIdentifier(algorithmNode, what);
  const params: unknown = algorithm.algorithmParams;
  const inner = octetStringBytes(privateKey);
  try {
    switch (algorithm.algorithmId) {
      case OID.rsaEncryption:
        if (params !== undefined && !(params instanceof asn1js.Null)) throw corrupt(`${what}: rsaEncryption has unexpected parameters`);
        return decodeRsaPrivateKey(inner);
      case OID.idEcPublicKey:
        if (!(params instanceof asn1js.BaseBlock)) throw corrupt(`${what}: the EC key names no curve`);
        return decodeEcPrivateKey(inner, curveFromParameters(params));
      default: {
        const name = OTHER_KEY_TYPES.get(algorithm.algorithmId) ?? `algorithm ${algorithm.algorithmId}`;
        throw new CryptoError('unsupported-key-type', `${name} keys are not supported; use an EC P-256 or RSA key`);
      }
    }
  } finally {
    wipe(inner);
  }
}

/**
 * Decodes a SEC 1 ECPrivateKey (RFC 5915). The curve comes from the enclosing PKCS#8, the key's own
 * `[0]` parameters, or `contextCurve` (an `EC PARAMETERS` PEM block), which must agree. With none of
 * those, the curve is chosen from the size of the stored public key and later confirmed against it.
 *
 * @throws CryptoError `corrupt-file` for malformed DER or conflicting curves; `unsupported-curve`.
 */
export function decodeEcPrivateKey(der: Uint8Array, contextCurve?: EcCurve): PrivateKeyMaterial {
  const what = 'The EC private key';
  const [version, privateKey, ...rest] = sequenceElements(decodeDer(der, what), what);
  if (!(version instanceof asn1js.Integer) || version.toBigInt() !== 1n) throw corrupt(`${what} has no valid version`);
  if (!(privateKey instanceof asn1js.OctetString)) throw corrupt(`${what} is malformed`);
  let ownCurve: EcCurve | undefined;
  let storedPublicPoint: Uint8Array | undefined;
  for (const node of rest) {
    const [content, ...extra] = children(node);
    if (content === undefined || extra.length > 0) throw corrupt(`${what} is malformed`);
    if (isContext(node, 0) && ownCurve === undefined && storedPublicPoint === undefined) ownCurve = curveFromParameters(content);
    else if (isContext(node, 1) && storedPublicPoint === undefined && content instanceof asn1js.BitString) {
      if (content.valueBlock.unusedBits !== 0) throw corrupt(`${what} has a malformed public key`);
      storedPublicPoint = Uint8Array.from(content.valueBlock.valueHexView);
    } else throw corrupt(`${what} has unexpected fields`);
  }
  if (ownCurve !== undefined && contextCurve !== undefined && ownCurve !== contextCurve) {
    throw corrupt(`${what} names ${ownCurve}, but its container says ${contextCurve}`);
  }
  const named = contextCurve ?? ownCurve;
  const curve = named ?? curveFromPointLength(storedPublicPoint);
  const d = octetStringBytes(privateKey);
  const size = CURVES[curve].size;
  if (d.length === 0 || d.length > size) throw corrupt(`${what} is not a ${curve} key`);
  const padded = concatBytes(new Uint8Array(size - d.length), d);
  wipe(d);
  if (storedPublicPoint !== undefined && !isPointEncodingFor(curve, storedPublicPoint)) throw corrupt(`${what} has a malformed public key`);
  return { kind: 'EC', curve, curveInferred: named === undefined, d: padded, ...(storedPublicPoint && { storedPublicPoint }) };
}

/**
 * Decodes the DER of an `EC PARAMETERS` block (RFC 5480 ECParameters: a named curve, or explicit
 * parameters that must equal those of P-256, P-384 or P-521).
 *
 * @throws CryptoError `corrupt-file`, `unsupported-curve`.
 */
export function decodeEcParameters(der: Uint8Array): EcCurve {
  return curveFromParameters(decodeDer(der, 'The EC parameters'));
}

/**
 * Decodes a PKCS#1 RSAPrivateKey (RFC 8017 Appendix A.1.2), two-prime only.
 *
 * @throws CryptoError `corrupt-file` for malformed DER; `unsupported-key-type` for multi-prime keys.
 */
export function decodeRsaPrivateKey(der: Uint8Array): PrivateKeyMaterial {
  const what = 'The RSA private key';
  const names = { version: 'version', modulus: 'modulus', publicExponent: 'publicExponent', otherPrimeInfosName: 'otherPrimeInfos' };
  const fields = matchSchema(decodeDer(der, what), RSAPrivateKey.schema({ names }), what);
  const version = field(fields, 'version', asn1js.Integer, what).toBigInt();
  if (version === 1n || fields.otherPrimeInfos !== undefined) {
    throw new CryptoError('unsupported-key-type', 'Multi-prime RSA keys are not supported');
  }
  if (version !== 0n) throw corrupt(`${what} has version ${version}`);
  const modulus = unsignedBytes(field(fields, 'modulus', asn1js.Integer, what));
  const publicExponent = unsignedBytes(field(fields, 'publicExponent', asn1js.Integer, what));
  if (modulus.length === 0 || publicExponent.length === 0) throw corrupt(`${what} has a zero modulus or exponent`);
  return { kind: 'RSA', rsaPrivateKey: Uint8Array.from(der), modulus, publicExponent };
}

function sequenceElements(node: asn1js.AsnType, what: string): readonly asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw corrupt(`${what} is not a SEQUENCE`);
  return children(node);
}

/** INTEGER contents without the sign-padding zero byte; empty for zero; corrupt for negatives. */
function unsignedBytes(node: asn1js.Integer): Uint8Array {
  const bytes = node.valueBlock.valueHexView;
  if ((bytes[0] ?? 0) & 0x80) throw corrupt('A key component is negative');
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  return Uint8Array.from(bytes.subarray(start));
}

function curveFromParameters(node: asn1js.AsnType): EcCurve {
  if (node instanceof asn1js.ObjectIdentifier) {
    const oid = node.valueBlock.toString();
    const curve = EC_CURVES.find((name) => CURVES[name].oid === oid);
    if (curve !== undefined) return curve;
    throw new CryptoError('unsupported-curve', `The EC curve ${OTHER_CURVES.get(oid) ?? oid} is not supported; use P-256`);
  }
  if (node instanceof asn1js.Sequence) return curveFromExplicitParameters(node);
  throw corrupt('The EC curve parameters are malformed');
}

/** SEC 1 §C.2 SpecifiedECDomain, accepted only when it is exactly one of our three curves. */
function curveFromExplicitParameters(node: asn1js.Sequence): EcCurve {
  const [version, fieldId, curveNode, base, order, cofactor, ...extra] = children(node);
  const [fieldType, prime] = fieldId ? children(fieldId) : [];
  const [a, b] = curveNode ? children(curveNode) : [];
  const wellFormed =
    version instanceof asn1js.Integer &&
    fieldType instanceof asn1js.ObjectIdentifier &&
    prime instanceof asn1js.Integer &&
    a instanceof asn1js.OctetString &&
    b instanceof asn1js.OctetString &&
    base instanceof asn1js.OctetString &&
    order instanceof asn1js.Integer &&
    (cofactor === undefined || cofactor instanceof asn1js.Integer) &&
    extra.length === 0;
  if (!wellFormed) throw corrupt('The explicit EC curve parameters are malformed');
  if (fieldType.valueBlock.toString() !== OID.primeField) {
    throw new CryptoError('unsupported-curve', 'EC curves over binary fields are not supported; use P-256');
  }
  const p = prime.toBigInt();
  const match = EC_CURVES.find((name) => {
    const c = CURVES[name];
    return (
      c.p === p &&
      bigintFrom(octetStringBytes(a)) === p - 3n &&
      bigintFrom(octetStringBytes(b)) === c.b &&
      order.toBigInt() === c.n &&
      (cofactor === undefined || cofactor.toBigInt() === 1n) &&
      bytesEqual(octetStringBytes(base), concatBytes(new Uint8Array([4]), toFixedBytes(c.gx, c.size), toFixedBytes(c.gy, c.size)))
    );
  });
  if (match === undefined) throw new CryptoError('unsupported-curve', 'The key uses explicit curve parameters of an unsupported curve');
  return match;
}

/** Without any named curve: the uncompressed public point's size tells P-256, P-384 and P-521 apart. */
function curveFromPointLength(point: Uint8Array | undefined): EcCurve {
  const curve = EC_CURVES.find((name) => point?.length === 1 + 2 * CURVES[name].size);
  if (curve === undefined) throw corrupt('The EC private key names no curve and carries no public key to tell it by');
  return curve;
}

function isPointEncodingFor(curve: EcCurve, point: Uint8Array): boolean {
  const size = CURVES[curve].size;
  return (point[0] === 4 && point.length === 1 + 2 * size) || ((point[0] === 2 || point[0] === 3) && point.length === 1 + size);
}

// ---------------------------------------------------------------------------------------------------
// Import: material -> WebCrypto keys, with the public key derived from the private key itself

const SELF_CHECK_MESSAGE = new TextEncoder().encode('ksef-cert key pair self-check');

/**
 * Imports decoded key material into WebCrypto and derives its public key from the private key itself
 * (EC: ECDH of the private scalar with the generator; RSA: the modulus and exponent the private key
 * signs with), confirmed by a signature. A public key stored in the file is only compared, never used.
 * Wipes the secret bytes of `material`.
 *
 * @returns an extractable private key (ECDSA, or RSASSA-PKCS1-v1_5 with SHA-256; memory only), its
 *   public key, the DER SubjectPublicKeyInfo, the key type and `source`.
 * @throws CryptoError `corrupt-file` when WebCrypto rejects the key material or the stored public key
 *   does not belong to the private key; `unsupported-curve` when a key that named no curve turns out
 *   not to be on the curve its size suggested.
 */
export async function importPrivateKey(
  material: PrivateKeyMaterial,
  source: PrivateKeySource,
  crypto: Crypto = globalThis.crypto,
): Promise<LoadedPrivateKey> {
  try {
    return material.kind === 'EC' ? await importEcKey(material, source, crypto) : await importRsaKey(material, source, crypto);
  } catch (cause) {
    // The PKCS#8 and JWK we hand over are well formed, so WebCrypto refusing to import or use them
    // means the key material is invalid (a scalar out of range, RSA components that do not fit).
    if (isEngineRejection(cause)) throw corrupt('The key material is invalid', cause);
    throw cause;
  } finally {
    wipe(material.kind === 'EC' ? material.d : material.rsaPrivateKey);
  }
}

/** A WebCrypto failure: DOMException in browsers and Node, plain Errors from @peculiar/webcrypto. */
function isEngineRejection(cause: unknown): boolean {
  if (cause instanceof DOMException) return true;
  return cause instanceof Error && !(cause instanceof CryptoError || cause instanceof TypeError || cause instanceof ReferenceError);
}

async function importEcKey(material: Extract<PrivateKeyMaterial, { kind: 'EC' }>, source: PrivateKeySource, crypto: Crypto): Promise<LoadedPrivateKey> {
  const { curve, d } = material;
  const { size, p, b, gx, gy } = CURVES[curve];
  const ecdsa = { name: 'ECDSA', namedCurve: curve };
  const scalarOnly = ecPkcs8(curve, d);
  let x: bigint;
  let signature: ArrayBuffer;
  try {
    const signer = await crypto.subtle.importKey('pkcs8', scalarOnly, ecdsa, false, ['sign']);
    signature = await crypto.subtle.sign(signingParams(signer), signer, SELF_CHECK_MESSAGE);
    const ecdh = await crypto.subtle.importKey('pkcs8', scalarOnly, { name: 'ECDH', namedCurve: curve }, false, ['deriveBits']);
    const generator = await crypto.subtle.importKey('raw', uncompressedPoint(gx, gy, size), { name: 'ECDH', namedCurve: curve }, false, []);
    // The x-coordinate of d·G: ECDH with the generator as the peer computes exactly the public point.
    x = bigintFrom(new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: generator }, ecdh, size * 8)));
  } finally {
    wipe(scalarOnly);
  }
  // y² = x³ - 3x + b (mod p); p ≡ 3 (mod 4) for all three curves, so a square root is rhs^((p+1)/4).
  const rhs = (((modPow(x, 3n, p) - 3n * x + b) % p) + p) % p;
  const y = modPow(rhs, (p + 1n) / 4n, p);
  if ((y * y) % p !== rhs) throw corrupt('The EC private key does not give a point on its curve');
  let publicKey: CryptoKey | undefined;
  let point: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  for (const candidate of [y, p - y]) {
    point = uncompressedPoint(x, candidate, size);
    const key = await crypto.subtle.importKey('raw', point, ecdsa, true, ['verify']);
    if (await crypto.subtle.verify(signingParams(key), key, signature, SELF_CHECK_MESSAGE)) {
      publicKey = key;
      break;
    }
  }
  if (publicKey === undefined) throw corrupt('The EC private key fails its own signature check');
  const stored = material.storedPublicPoint;
  if (stored !== undefined && !bytesEqual(stored, stored[0] === 4 ? point : compressedPoint(point, size))) {
    if (material.curveInferred) throw new CryptoError('unsupported-curve', `The EC key names no curve and is not a ${curve} key`);
    throw corrupt('The public key stored in the file does not belong to its private key');
  }
  const pkcs8 = ecPkcs8(curve, d, point);
  try {
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ecdsa, true, ['sign']);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
    return { keyType: { kind: 'EC', curve }, source, privateKey, publicKey, spki };
  } finally {
    wipe(pkcs8);
  }
}

async function importRsaKey(material: Extract<PrivateKeyMaterial, { kind: 'RSA' }>, source: PrivateKeySource, crypto: Crypto): Promise<LoadedPrivateKey> {
  const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const pkcs8 = privateKeyInfo(new AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }), material.rsaPrivateKey);
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, rsa, true, ['sign']);
  } finally {
    wipe(pkcs8);
  }
  const jwk: JsonWebKey = { kty: 'RSA', n: base64url(material.modulus), e: base64url(material.publicExponent), ext: true };
  const publicKey = await crypto.subtle.importKey('jwk', jwk, rsa, true, ['verify']);
  const signature = await crypto.subtle.sign(signingParams(privateKey), privateKey, SELF_CHECK_MESSAGE);
  if (!(await crypto.subtle.verify(signingParams(publicKey), publicKey, signature, SELF_CHECK_MESSAGE))) {
    throw corrupt('The RSA private key fails its own signature check (inconsistent key components)');
  }
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  const modulusBits = material.modulus.length * 8 - Math.clz32(material.modulus[0] ?? 0) + 24;
  return { keyType: { kind: 'RSA', modulusBits }, source, privateKey, publicKey, spki };
}

/** PKCS#8 exactly as WebCrypto exports EC keys: named curve outside, no [0] inside, [1] when given. */
function ecPkcs8(curve: EcCurve, d: Uint8Array, publicPoint?: Uint8Array): Uint8Array<ArrayBuffer> {
  const inner: asn1js.AsnType[] = [new asn1js.Integer({ value: 1 }), new asn1js.OctetString({ valueHex: d })];
  if (publicPoint !== undefined) {
    inner.push(new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.BitString({ valueHex: publicPoint })] }));
  }
  const ecPrivateKey = encodeDer(new asn1js.Sequence({ value: inner }));
  const algorithm = new AlgorithmIdentifier({ algorithmId: OID.idEcPublicKey, algorithmParams: new asn1js.ObjectIdentifier({ value: CURVES[curve].oid }) });
  try {
    return privateKeyInfo(algorithm, ecPrivateKey);
  } finally {
    wipe(ecPrivateKey);
  }
}

function privateKeyInfo(algorithm: AlgorithmIdentifier, privateKey: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeDer(
    new asn1js.Sequence({
      value: [new asn1js.Integer({ value: 0 }), algorithm.toSchema(), new asn1js.OctetString({ valueHex: privateKey })],
    }),
  );
}

function bigintFrom(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function toFixedBytes(value: bigint, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let rest = value;
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

function uncompressedPoint(x: bigint, y: bigint, size: number): Uint8Array<ArrayBuffer> {
  return concatBytes(new Uint8Array([4]), toFixedBytes(x, size), toFixedBytes(y, size));
}

function compressedPoint(uncompressed: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const yLast = uncompressed[2 * size] ?? 0;
  return concatBytes(new Uint8Array([2 + (yLast & 1)]), uncompressed.subarray(1, 1 + size));
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function base64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
