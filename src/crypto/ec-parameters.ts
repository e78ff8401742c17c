import * as asn1js from 'asn1js';
import { bigintFromBytes, bytesEqual } from '../lib/bytes';
import { children, corrupt, decodeDer, octetStringBytes } from './asn1';
import { MAX_EC_FIELD_BYTES, checkEcLength } from './bounds';
import { type EcCurve, EC_CURVE_LIST, ecCurveByOid, generatorPoint } from './ec-curves';
import { CryptoError } from './errors';
import { OID } from './oids';

/** Curves users meet that WebCrypto does not implement, named so the error can say which. */
const OTHER_CURVES = new Map<string, string>([
  [OID.secp256k1, 'secp256k1'],
  [OID.secp224r1, 'secp224r1'],
  [OID.prime192v1, 'prime192v1'],
  [OID.brainpoolP256r1, 'brainpoolP256r1'],
  [OID.brainpoolP384r1, 'brainpoolP384r1'],
  [OID.brainpoolP512r1, 'brainpoolP512r1'],
]);

/**
 * Decodes the DER of an `EC PARAMETERS` block (RFC 5480 ECParameters: a named curve, or explicit
 * parameters that must equal those of P-256, P-384 or P-521).
 *
 * @throws CryptoError `corrupt-file`, `unsupported-curve`, `ec-parameters-too-large`, `der-nesting-too-deep`.
 */
export function decodeEcParameters(der: Uint8Array): EcCurve {
  return curveFromParameters(decodeDer(der, 'The EC parameters'));
}

/**
 * The curve an ECParameters node names (RFC 5480 §2.1.1): a namedCurve OID, or SEC 1 §C.2 explicit
 * parameters equal to those of one of our curves.
 *
 * @throws CryptoError `unsupported-curve` for any other curve; `corrupt-file` for a malformed node;
 *   `ec-parameters-too-large` for explicit parameters with a field longer than P-521's.
 */
export function curveFromParameters(node: asn1js.AsnType): EcCurve {
  if (node instanceof asn1js.ObjectIdentifier) {
    const oid = node.valueBlock.toString();
    const curve = ecCurveByOid(oid);
    if (curve !== undefined) return curve.name;
    throw new CryptoError(
      'unsupported-curve',
      `The EC curve ${OTHER_CURVES.get(oid) ?? oid} is not supported; use P-256`,
    );
  }
  if (node instanceof asn1js.Sequence) return curveFromExplicitParameters(node);
  throw corrupt('The EC curve parameters are malformed');
}

/**
 * SEC 1 §C.2 SpecifiedECDomain, accepted only when it is exactly one of our three curves. Every length
 * is checked before anything becomes a BigInt: the conversion is quadratic in the length.
 */
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
  const field = MAX_EC_FIELD_BYTES;
  checkEcLength(prime.valueBlock.valueHexView.length, field + 1, 'The curve prime');
  // Copies (linear), so that a constructed BER OCTET STRING is measured whole.
  const [aBytes, bBytes, baseBytes] = [octetStringBytes(a), octetStringBytes(b), octetStringBytes(base)];
  checkEcLength(aBytes.length, field, 'The curve coefficient a');
  checkEcLength(bBytes.length, field, 'The curve coefficient b');
  checkEcLength(baseBytes.length, 1 + 2 * field, 'The curve base point');
  checkEcLength(order.valueBlock.valueHexView.length, field + 1, 'The curve order');
  if (cofactor !== undefined) checkEcLength(cofactor.valueBlock.valueHexView.length, field + 1, 'The curve cofactor');
  const p = prime.toBigInt();
  const match = EC_CURVE_LIST.find(
    (c) =>
      c.p === p &&
      bigintFromBytes(aBytes) === p - 3n &&
      bigintFromBytes(bBytes) === c.b &&
      order.toBigInt() === c.n &&
      (cofactor === undefined || cofactor.toBigInt() === 1n) &&
      bytesEqual(baseBytes, generatorPoint(c)),
  );
  if (match === undefined)
    throw new CryptoError('unsupported-curve', 'The key uses explicit curve parameters of an unsupported curve');
  return match.name;
}
