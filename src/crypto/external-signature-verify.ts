import { SignedXml } from 'xmldsigjs';
import { bytesEqual, fromBase64, toArrayBuffer } from '../lib/bytes';
import { parseCertificate } from './certificate-reader';
import { CryptoError, isCryptoError } from './errors';
import { readSignedRequest } from './external-signature';
import { readPublicKey } from './public-key';
import { XMLDSIG_NAMESPACE, childElements, isElement, setXmlCryptoEngine } from './xml-platform';

type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * SignatureMethods we check in the browser: RSA PKCS#1 v1.5 and ECDSA (value = raw r || s, XMLDSig
 * 1.1 §6.4.3), with SHA-1 or SHA-2. Anything else (RSA-PSS with its parameters, SHA-3, brainpool
 * curves) is left to KSeF: we never refuse what we cannot compute.
 */
const SIGNATURE_METHODS: Readonly<Record<string, { readonly key: 'EC' | 'RSA'; readonly hash: HashName }>> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { key: 'RSA', hash: 'SHA-1' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { key: 'RSA', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { key: 'RSA', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { key: 'RSA', hash: 'SHA-512' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': { key: 'EC', hash: 'SHA-1' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { key: 'EC', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { key: 'EC', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { key: 'EC', hash: 'SHA-512' },
};

const DIGEST_METHODS: ReadonlySet<string> = new Set([
  'http://www.w3.org/2000/09/xmldsig#sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512',
]);

/** C14N 1.0 and exclusive C14N, with and without comments: what xmldsigjs implements. */
const CANONICALIZATIONS: ReadonlySet<string> = new Set([
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
]);
const TRANSFORMS: ReadonlySet<string> = new Set([
  ...CANONICALIZATIONS,
  'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
]);

/** Bytes of each ECDSA coordinate: the raw signature value is twice this. */
const EC_COORDINATE_BYTES: Readonly<Record<string, number>> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** Why a signature was not checked in the browser; KSeF checks it. */
export type UncheckedReason =
  /** A SignatureMethod, DigestMethod, canonicalization or transform outside the lists above. */
  | 'algorithm'
  /** No certificate in KeyInfo has a key WebCrypto can use for the SignatureMethod. */
  | 'key'
  /** The value or a reference has a shape we cannot evaluate (an ECDSA value in DER, an unresolvable reference). */
  | 'shape';

/** What `verifyExternalSignature` could say about a signature that it did not find broken. */
export type ExternalSignatureVerdict =
  { readonly status: 'valid' } | { readonly status: 'unchecked'; readonly reason: UncheckedReason };

/**
 * Verifies the signature of a signed `AuthTokenRequest` in the browser, as KSeF will (XMLDSig core
 * validation, XMLDSig §3.2): every Reference's digest over the file as parsed, then the
 * SignatureValue over the canonical SignedInfo with the key of a certificate in `KeyInfo`. Catches a
 * file changed after signing (re-indented, edited) before it is sent; KSeF would answer 9105.
 *
 * What the XML parser normalises (XML 1.0 §2.11: CRLF line ends; a UTF-8 byte order mark) is not a
 * change: the signature is over the parsed document, so such a file still verifies.
 *
 * Only a positive finding refuses: algorithms, transforms and keys beyond the browser's give
 * `unchecked`, and KSeF decides. Run after `checkExternalSignature`, which names structural faults.
 *
 * @returns `valid`, or `unchecked` with the reason.
 * @throws CryptoError `signature-digest-mismatch` when a Reference's digest differs (the signed content
 *   changed); `signature-certificate-missing` when `KeyInfo` has no X509Certificate; `signature-value-invalid`
 *   when the SignatureValue does not verify with any KeyInfo certificate; the codes of `readSignedRequest`;
 *   `corrupt-file` when a KeyInfo certificate is not a certificate.
 */
export async function verifyExternalSignature(
  signedXml: Uint8Array,
  crypto: Crypto = globalThis.crypto,
): Promise<ExternalSignatureVerdict> {
  const { signature } = readSignedRequest(signedXml);
  const signedInfo = childElements(signature, XMLDSIG_NAMESPACE, 'SignedInfo')[0];
  if (signedInfo === undefined) throw new CryptoError('signature-missing', 'The ds:Signature has no SignedInfo');
  const method = SIGNATURE_METHODS[algorithmOf(childElements(signedInfo, XMLDSIG_NAMESPACE, 'SignatureMethod')[0])];
  const canonicalization = algorithmOf(childElements(signedInfo, XMLDSIG_NAMESPACE, 'CanonicalizationMethod')[0]);
  if (method === undefined || !CANONICALIZATIONS.has(canonicalization) || !referencesSupported(signedInfo)) {
    return { status: 'unchecked', reason: 'algorithm' };
  }

  // Read strictly first: xmldsigjs decodes these while loading and throws its own errors.
  const certificates = keyInfoCertificates(signature).map((der) => parseCertificate(der).spki);
  for (const reference of childElements(signedInfo, XMLDSIG_NAMESPACE, 'Reference')) {
    if (fromBase64(childElements(reference, XMLDSIG_NAMESPACE, 'DigestValue')[0]?.textContent ?? '') === null) {
      throw new CryptoError('signature-digest-mismatch', 'A DigestValue is not base64: the file was damaged');
    }
  }
  const value = fromBase64(childElements(signature, XMLDSIG_NAMESPACE, 'SignatureValue')[0]?.textContent ?? '');
  if (value === null || value.length === 0)
    throw new CryptoError('signature-value-invalid', 'The SignatureValue is empty or not base64');
  setXmlCryptoEngine(crypto);
  const verifier = new CheckingSignedXml(signature.ownerDocument);
  try {
    verifier.LoadXml(signature);
  } catch (cause) {
    // xml-core reports a shape it cannot load as an XmlError, bytes it cannot decode as a DOMException.
    if (isXmlError(cause) || cause instanceof DOMException) return { status: 'unchecked', reason: 'shape' };
    throw cause;
  }
  const digests = await verifier.checkReferences();
  if (digests === 'unresolved') return { status: 'unchecked', reason: 'shape' };
  if (digests !== 'match') {
    throw new CryptoError(
      'signature-digest-mismatch',
      `The digest of reference "${digests.uri}" does not match: the signed content changed after signing`,
    );
  }

  if (certificates.length === 0)
    throw new CryptoError('signature-certificate-missing', 'The signature carries no certificate in KeyInfo');
  const keys = await verificationKeys(certificates, method, value.length, crypto);
  if (keys === 'shape') return { status: 'unchecked', reason: 'shape' };
  if (keys.length === 0) return { status: 'unchecked', reason: 'key' };
  if (!(await verifier.checkSignatureValue(keys))) {
    throw new CryptoError(
      'signature-value-invalid',
      'The SignatureValue does not verify with the certificate in KeyInfo: the signature or SignedInfo changed',
    );
  }
  return { status: 'valid' };
}

/** xmldsigjs's core validation split in two, so a digest mismatch and a bad value are told apart. */
class CheckingSignedXml extends SignedXml {
  /** 'match', the first Reference whose digest differs, or 'unresolved' when one cannot be computed. */
  async checkReferences(): Promise<'match' | 'unresolved' | { readonly uri: string }> {
    const content = this.document?.documentElement.cloneNode(true);
    if (content === undefined || !isElement(content)) return 'unresolved';
    for (const reference of this.XmlSignature.SignedInfo.References.GetIterator()) {
      let digest: Uint8Array;
      try {
        digest = await this.DigestReference(content, reference, false);
      } catch (cause) {
        // A reference to an Id that is not there, a duplicate Id: not a digest we can compare.
        if (isXmlError(cause)) return 'unresolved';
        throw cause;
      }
      if (!bytesEqual(digest, reference.DigestValue)) return { uri: reference.Uri ?? '' };
    }
    return 'match';
  }

  async checkSignatureValue(keys: CryptoKey[]): Promise<boolean> {
    return this.ValidateSignatureValue(keys);
  }
}

function referencesSupported(signedInfo: Element): boolean {
  return childElements(signedInfo, XMLDSIG_NAMESPACE, 'Reference').every((reference) => {
    if (!DIGEST_METHODS.has(algorithmOf(childElements(reference, XMLDSIG_NAMESPACE, 'DigestMethod')[0]))) return false;
    const transforms = childElements(reference, XMLDSIG_NAMESPACE, 'Transforms')[0];
    return (transforms === undefined ? [] : childElements(transforms, XMLDSIG_NAMESPACE, 'Transform')).every(
      (transform) => TRANSFORMS.has(algorithmOf(transform)) && !hasChildElement(transform),
    );
  });
}

/** Parameters of a transform (exclusive C14N's InclusiveNamespaces, say) are beyond this check. */
function hasChildElement(element: Element): boolean {
  for (let node = element.firstChild; node !== null; node = node.nextSibling) if (isElement(node)) return true;
  return false;
}

function keyInfoCertificates(signature: Element): Uint8Array[] {
  const keyInfo = childElements(signature, XMLDSIG_NAMESPACE, 'KeyInfo')[0];
  return (keyInfo === undefined ? [] : childElements(keyInfo, XMLDSIG_NAMESPACE, 'X509Data'))
    .flatMap((data) => childElements(data, XMLDSIG_NAMESPACE, 'X509Certificate'))
    .map((element) => {
      const der = fromBase64(element.textContent ?? '');
      if (der === null || der.length === 0)
        throw new CryptoError('corrupt-file', 'The certificate in the signature is not base64');
      return der;
    });
}

/**
 * The WebCrypto keys of the KeyInfo certificates (their SubjectPublicKeyInfos) that fit `method`; any of them may be the signer's
 * (KSeF names the signer; this check only asks whether the file is intact). 'shape' for an ECDSA value
 * that is not raw r || s of the key's size (some software writes DER; not ours to judge).
 */
async function verificationKeys(
  spkis: readonly Uint8Array[],
  method: { readonly key: 'EC' | 'RSA'; readonly hash: HashName },
  valueLength: number,
  crypto: Crypto,
): Promise<CryptoKey[] | 'shape'> {
  const keys: CryptoKey[] = [];
  let shape = false;
  for (const spki of spkis) {
    let material;
    try {
      material = readPublicKey(spki);
    } catch (cause) {
      if (isCryptoError(cause, 'corrupt-file')) continue;
      throw cause;
    }
    if (material.kind !== method.key) continue;
    if (material.kind === 'EC' && valueLength !== 2 * (EC_COORDINATE_BYTES[material.curve] ?? 0)) {
      shape = true;
      continue;
    }
    const params =
      material.kind === 'EC'
        ? { name: 'ECDSA', namedCurve: material.curve }
        : { name: 'RSASSA-PKCS1-v1_5', hash: method.hash };
    try {
      keys.push(await crypto.subtle.importKey('spki', toArrayBuffer(spki), params, false, ['verify']));
    } catch (cause) {
      // An SPKI WebCrypto refuses for this algorithm (an RSA-PSS-only key, say): not ours to judge.
      if (cause instanceof DOMException) continue;
      throw cause;
    }
  }
  return keys.length === 0 && shape ? 'shape' : keys;
}

function algorithmOf(element: Element | undefined): string {
  return element?.getAttribute('Algorithm') ?? '';
}

/** xml-core's XmlError is not an Error subclass, and xml-core is not ours to import: tell it by shape. */
function isXmlError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'name' in value && value.name === 'XmlError';
}
