import * as asn1js from 'asn1js';
import { RSAPrivateKey } from 'pkijs';
import { concatBytes, wipe } from '../lib/bytes';
import {
  children,
  corrupt,
  decodeDer,
  field,
  isContext,
  matchSchema,
  octetStringBytes,
  toAlgorithmIdentifier,
  unsignedMagnitude,
} from './asn1';
import { MAX_EC_FIELD_BYTES, checkEcLength, checkRsaSize } from './bounds';
import { type EcCurve, EC_CURVES, EC_CURVE_LIST, isPointEncoding } from './ec-curves';
import { curveFromParameters } from './ec-parameters';
import { CryptoError } from './errors';
import { OID } from './oids';

/**
 * Decoding of private keys: PKCS#8 (RFC 5208/5958), SEC 1 ECPrivateKey (RFC 5915), PKCS#1
 * RSAPrivateKey (RFC 8017).
 */

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
  | {
      readonly kind: 'RSA';
      readonly rsaPrivateKey: Uint8Array;
      readonly modulus: Uint8Array;
      readonly publicExponent: Uint8Array;
    };

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
  if (!(version instanceof asn1js.Integer) || version.toBigInt() < 0n || version.toBigInt() > 1n)
    throw corrupt(`${what} has no valid version`);
  if (!(algorithmNode instanceof asn1js.Sequence) || !(privateKey instanceof asn1js.OctetString))
    throw corrupt(`${what} is malformed`);
  if (rest.some((node) => !isContext(node, 0) && !isContext(node, 1))) throw corrupt(`${what} has unexpected fields`);
  const algorithm = toAlgorithmIdentifier(algorithmNode, what);
  const params: unknown = algorithm.algorithmParams;
  const inner = octetStringBytes(privateKey);
  try {
    switch (algorithm.algorithmId) {
      case OID.rsaEncryption:
        if (params !== undefined && !(params instanceof asn1js.Null))
          throw corrupt(`${what}: rsaEncryption has unexpected parameters`);
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
 * @throws CryptoError `corrupt-file` for malformed DER or conflicting curves; `unsupported-curve`;
 *   `ec-parameters-too-large` for a scalar or public point longer than P-521 allows.
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
    if (isContext(node, 0) && ownCurve === undefined && storedPublicPoint === undefined)
      ownCurve = curveFromParameters(content);
    else if (isContext(node, 1) && storedPublicPoint === undefined && content instanceof asn1js.BitString) {
      if (content.valueBlock.unusedBits !== 0) throw corrupt(`${what} has a malformed public key`);
      checkEcLength(content.valueBlock.valueHexView.length, 1 + 2 * MAX_EC_FIELD_BYTES, `${what}'s public point`);
      storedPublicPoint = Uint8Array.from(content.valueBlock.valueHexView);
    } else throw corrupt(`${what} has unexpected fields`);
  }
  if (ownCurve !== undefined && contextCurve !== undefined && ownCurve !== contextCurve) {
    throw corrupt(`${what} names ${ownCurve}, but its container says ${contextCurve}`);
  }
  const named = contextCurve ?? ownCurve;
  const curve = named ?? curveFromPointLength(storedPublicPoint);
  const d = octetStringBytes(privateKey);
  checkEcLength(d.length, MAX_EC_FIELD_BYTES, `${what}'s scalar`);
  const size = EC_CURVES[curve].size;
  if (d.length === 0 || d.length > size) throw corrupt(`${what} is not a ${curve} key`);
  const padded = concatBytes(new Uint8Array(size - d.length), d);
  wipe(d);
  if (storedPublicPoint !== undefined && !isPointEncoding(EC_CURVES[curve], storedPublicPoint))
    throw corrupt(`${what} has a malformed public key`);
  return {
    kind: 'EC',
    curve,
    curveInferred: named === undefined,
    d: padded,
    ...(storedPublicPoint && { storedPublicPoint }),
  };
}

/**
 * Decodes a PKCS#1 RSAPrivateKey (RFC 8017 Appendix A.1.2), two-prime only.
 *
 * @throws CryptoError `corrupt-file` for malformed DER or a component longer than the modulus;
 *   `unsupported-key-type` for multi-prime keys; `rsa-modulus-too-large`.
 */
export function decodeRsaPrivateKey(der: Uint8Array): PrivateKeyMaterial {
  const what = 'The RSA private key';
  const names = {
    version: 'version',
    modulus: 'modulus',
    publicExponent: 'publicExponent',
    privateExponent: 'privateExponent',
    prime1: 'prime1',
    prime2: 'prime2',
    exponent1: 'exponent1',
    exponent2: 'exponent2',
    coefficient: 'coefficient',
    otherPrimeInfosName: 'otherPrimeInfos',
  };
  const fields = matchSchema(decodeDer(der, what), RSAPrivateKey.schema({ names }), what);
  const version = field(fields, 'version', asn1js.Integer, what).toBigInt();
  if (version === 1n || fields.otherPrimeInfos !== undefined) {
    throw new CryptoError('unsupported-key-type', 'Multi-prime RSA keys are not supported');
  }
  if (version !== 0n) throw corrupt(`${what} has version ${version}`);
  const modulus = unsignedBytes(field(fields, 'modulus', asn1js.Integer, what));
  const publicExponent = unsignedBytes(field(fields, 'publicExponent', asn1js.Integer, what));
  if (modulus.length === 0 || publicExponent.length === 0) throw corrupt(`${what} has a zero modulus or exponent`);
  checkRsaSize(modulus, publicExponent);
  // WebCrypto signs with these (CRT): a longer one is malformed, and would make the self-check slow.
  for (const name of ['privateExponent', 'prime1', 'prime2', 'exponent1', 'exponent2', 'coefficient']) {
    if (unsignedBytes(field(fields, name, asn1js.Integer, what)).length > modulus.length)
      throw corrupt(`${what}: ${name} is longer than the modulus`);
  }
  return { kind: 'RSA', rsaPrivateKey: Uint8Array.from(der), modulus, publicExponent };
}

function sequenceElements(node: asn1js.AsnType, what: string): readonly asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw corrupt(`${what} is not a SEQUENCE`);
  return children(node);
}

/** INTEGER contents without the sign-padding zero byte; empty for zero; corrupt for negatives. */
function unsignedBytes(node: asn1js.Integer): Uint8Array {
  const magnitude = unsignedMagnitude(node);
  if (magnitude === null) throw corrupt('A key component is negative');
  return magnitude;
}

/** Without any named curve: the uncompressed public point's size tells P-256, P-384 and P-521 apart. */
function curveFromPointLength(point: Uint8Array | undefined): EcCurve {
  const curve = EC_CURVE_LIST.find(({ size }) => point?.length === 1 + 2 * size);
  if (curve === undefined) throw corrupt('The EC private key names no curve and carries no public key to tell it by');
  return curve.name;
}
