import * as asn1js from 'asn1js';
import { children, corrupt, decodeDer, encodedBytes, isContext, isUniversal } from './asn1';
import { CryptoError } from './errors';
import { OID } from './oids';

/**
 * The certificates of a PKCS#7 / CMS certificate bundle (a `.p7b`, RFC 5652 §5.1: ContentInfo holding
 * SignedData, as `openssl crl2pkcs7 -nocrl` and Windows write them), as the exact DER of each, in file
 * order. Attribute certificates and other formats in the `certificates` set are skipped; nothing is
 * verified (a bundle carries no signature over its certificates).
 *
 * @throws CryptoError `corrupt-file` when the structure is malformed; `unrecognized-file` when the
 *   ContentInfo is not SignedData, or it holds no X.509 certificate.
 */
export function pkcs7Certificates(der: Uint8Array): Uint8Array[] {
  const root = decodeDer(der, 'The PKCS#7 file');
  const [contentType, wrapper, ...extra] = isUniversal(root, 16) ? children(root) : [];
  if (!(contentType instanceof asn1js.ObjectIdentifier) || !isContext(wrapper, 0) || extra.length > 0)
    throw corrupt('The PKCS#7 file is not a ContentInfo');
  if (contentType.valueBlock.toString() !== OID.signedData)
    throw new CryptoError('unrecognized-file', 'The PKCS#7 file holds no certificates (it is not SignedData)');
  const [signedData, ...more] = wrapper === undefined ? [] : children(wrapper);
  if (signedData === undefined || !isUniversal(signedData, 16) || more.length > 0)
    throw corrupt('The PKCS#7 content is not a SignedData');
  // SignedData: version, digestAlgorithms SET, encapContentInfo, [0] certificates, [1] crls, signerInfos SET.
  const [version, digestAlgorithms, encapContentInfo, ...rest] = children(signedData);
  if (
    !(version instanceof asn1js.Integer) ||
    !isUniversal(digestAlgorithms, 17) ||
    !isUniversal(encapContentInfo, 16) ||
    !isUniversal(rest.at(-1), 17)
  ) {
    throw corrupt('The PKCS#7 SignedData is malformed');
  }
  const set = rest.find((node) => isContext(node, 0));
  const certificates = (set === undefined ? [] : children(set)).filter((node) => isUniversal(node, 16));
  if (certificates.length === 0)
    throw new CryptoError('unrecognized-file', 'The PKCS#7 file holds no X.509 certificate');
  return certificates.map(encodedBytes);
}
