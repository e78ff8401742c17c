import { SignedXml } from 'xmldsigjs';
import { z } from 'zod';
import { parseCertificate } from '../../../src/crypto/certificate-reader.ts';
import { isCryptoError } from '../../../src/crypto/errors.ts';
import { readPublicKey } from '../../../src/crypto/public-key.ts';
import { XADES_NAMESPACE, XMLDSIG_NAMESPACE, childElements, isElement } from '../../../src/crypto/xml-platform.ts';
import { bytesEqual, fromBase64, toArrayBuffer } from '../../../src/lib/bytes.ts';
import { type SandboxError, badRequest } from '../core/errors.ts';
import { PROFILE_REJECTED, SIGNATURE_REJECTED } from '../core/exception-codes.ts';
import { useXmlCryptoEngine } from './xml-dom.ts';

type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * SignatureMethods we verify: ECDSA (value = raw r || s, XMLDSig 1.1) and RSA PKCS#1 v1.5, with SHA-2.
 * KSeF's list is longer (docs/ksef-contract.md §4.4); what is left out here is what field reports say fails or is
 * refused on DEMO/PRD: SHA-1 (ksef-client-csharp#215), RSA-PSS (ksef-api#162), and SHA-3, which
 * WebCrypto cannot compute.
 */
const SIGNATURE_METHODS: Readonly<Record<string, { readonly key: 'EC' | 'RSA'; readonly hash: HashName }>> = {
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { key: 'EC', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { key: 'EC', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { key: 'EC', hash: 'SHA-512' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { key: 'RSA', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { key: 'RSA', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { key: 'RSA', hash: 'SHA-512' },
};

/** DigestMethods of references and of SigningCertificate/CertDigest; SHA-1 is refused as above. */
const DIGEST_METHODS: Readonly<Record<string, HashName>> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
};

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
/** C14N 1.0 and exclusive C14N, with and without comments: what xmldsigjs implements of KSeF's list. */
const CANONICALIZATIONS = new Set([
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
]);
const TRANSFORMS = new Set([...CANONICALIZATIONS, ENVELOPED]);
const MAX_REFERENCES = 8;
const MAX_CERTIFICATES = 8;
const XSD_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** What a verified signature tells us. */
export interface VerifiedXades {
  /** The signer's certificate (DER): the KeyInfo certificate named by SigningCertificate. */
  readonly signerCertificate: Uint8Array;
  readonly signatureMethod: string;
}

/**
 * Verifies the one XAdES signature of an `AuthTokenRequest` the way KSeF's strict mode does (docs/ksef-contract.md
 * §4.4), with xmldsigjs doing the XMLDSig core (reference digests, SignedInfo canonicalisation, the
 * signature value) over the parsed document:
 * 1. exactly one `ds:Signature` in the document (9102 none, 9103 more), enveloped: a child of the root;
 * 2. SignedInfo algorithms from the allowed lists (9105 naming the algorithm otherwise);
 * 3. one Reference covering the whole document (`URI=""` or the root's Id) with the
 *    enveloped-signature transform, every other Reference a same-document `#id`;
 * 4. XAdES-BES: `xades:QualifyingProperties` with SignedProperties that a Reference covers,
 *    SigningTime, and SigningCertificate(V2) whose CertDigest names a KeyInfo certificate;
 * 5. the signature verifies with THAT certificate's key (never "any key in KeyInfo", so a second
 *    certificate cannot vouch for the signer).
 * Failures of 3-4 answer 9105 "Format podpisu niezgodny z akceptowanymi profilami XAdES"; a digest,
 * signature value or CertDigest that does not match answers 9105 "Podpis zweryfikowany negatywnie".
 *
 * @throws SandboxError 400 9102, 9103 or 9105 with the reason in the details.
 */
export async function verifyXadesSignature(document: Document, crypto: Crypto): Promise<VerifiedXades> {
  const signatures = document.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'Signature');
  const signature = signatures.item(0);
  if (signature === null) throw badRequest(9102);
  if (signatures.length > 1)
    throw badRequest(9103, `Dokument zawiera ${signatures.length} podpisy; dozwolony jest jeden.`);
  const root = document.documentElement;
  if (signature.parentNode !== root)
    throw profileError('Podpis musi być podpisem otaczanym (enveloped), dzieckiem elementu głównego.');

  const signedInfo = only(signature, XMLDSIG_NAMESPACE, 'SignedInfo');
  const canonicalization = algorithmOf(only(signedInfo, XMLDSIG_NAMESPACE, 'CanonicalizationMethod'));
  if (!CANONICALIZATIONS.has(canonicalization)) throw unsupportedAlgorithm(canonicalization);
  const signatureMethod = algorithmOf(only(signedInfo, XMLDSIG_NAMESPACE, 'SignatureMethod'));
  const method = SIGNATURE_METHODS[signatureMethod];
  if (method === undefined) throw unsupportedAlgorithm(signatureMethod);

  const references = readReferences(signedInfo);
  const rootId = root.getAttribute('Id') ?? root.getAttribute('ID') ?? root.getAttribute('id');
  const documentReferences = references.filter((r) => r.uri === '' || (rootId !== null && r.uri === `#${rootId}`));
  const [documentReference] = documentReferences;
  if (documentReference === undefined || documentReferences.length > 1) {
    throw profileError('Wymagana jest dokładnie jedna referencja obejmująca cały dokument (URI="").');
  }
  if (!documentReference.transforms.includes(ENVELOPED))
    throw profileError('Referencja dokumentu nie ma transformacji enveloped-signature.');
  for (const reference of references) {
    if (reference !== documentReference && !reference.uri.startsWith('#')) {
      throw profileError(`Referencja "${reference.uri}" nie wskazuje elementu tego dokumentu.`);
    }
  }

  const signingCertificate = readSignedProperties(signature, references);
  const certificates = readKeyInfoCertificates(signature);
  const signerCertificate = await findSigner(certificates, signingCertificate, crypto);
  const key = await verificationKey(signerCertificate, method, crypto);

  useXmlCryptoEngine(crypto);
  const verifier = new KeyedSignedXml(document);
  try {
    verifier.LoadXml(signature);
  } catch (cause) {
    if (isXmlError(cause)) throw profileError(`Nie można odczytać podpisu: ${cause.message}`);
    throw cause;
  }
  let valid: boolean;
  try {
    valid = await verifier.verifyWith(key);
  } catch (cause) {
    // xmldsigjs reports a digest mismatch, a missing #id or a broken transform as an XmlError.
    if (isXmlError(cause)) throw negative(cause.message);
    if (cause instanceof DOMException) throw negative(cause.message);
    throw cause;
  }
  if (!valid) throw negative('Wartość podpisu nie weryfikuje się kluczem certyfikatu podpisującego.');
  return { signerCertificate, signatureMethod };
}

/** xmldsigjs's SignedXml that verifies with exactly the key we name (its own `Verify` re-imports the
 * key without the EC curve, which WebCrypto refuses, or else tries every key in KeyInfo). */
class KeyedSignedXml extends SignedXml {
  async verifyWith(key: CryptoKey): Promise<boolean> {
    const root = this.document?.documentElement;
    const content = root?.cloneNode(true);
    if (content === undefined || !isElement(content)) return false;
    if (!(await this.ValidateReferences(content))) return false;
    return this.ValidateSignatureValue([key]);
  }
}

interface ReferenceInfo {
  readonly uri: string;
  readonly transforms: readonly string[];
}

function readReferences(signedInfo: Element): ReferenceInfo[] {
  const elements = childElements(signedInfo, XMLDSIG_NAMESPACE, 'Reference');
  if (elements.length === 0) throw profileError('SignedInfo nie zawiera referencji.');
  if (elements.length > MAX_REFERENCES) throw profileError('Zbyt wiele referencji w SignedInfo.');
  return elements.map((element) => {
    // A Reference without URI means "the application knows"; in XAdES it is never what is meant.
    const uri = element.getAttribute('URI');
    if (uri === null) throw profileError('Referencja bez atrybutu URI.');
    const digest = algorithmOf(only(element, XMLDSIG_NAMESPACE, 'DigestMethod'));
    if (DIGEST_METHODS[digest] === undefined) throw unsupportedAlgorithm(digest);
    const transformsElement = childElements(element, XMLDSIG_NAMESPACE, 'Transforms')[0];
    const transforms =
      transformsElement === undefined
        ? []
        : childElements(transformsElement, XMLDSIG_NAMESPACE, 'Transform').map(algorithmOf);
    const unsupported = transforms.find((t) => !TRANSFORMS.has(t));
    if (unsupported !== undefined) throw unsupportedAlgorithm(unsupported);
    return { uri, transforms };
  });
}

interface CertDigest {
  readonly hash: HashName;
  readonly value: Uint8Array;
}

/** The XAdES-BES part: signed SignedProperties with SigningTime and SigningCertificate(V2). */
function readSignedProperties(signature: Element, references: readonly ReferenceInfo[]): CertDigest {
  const qualifying = childElements(signature, XMLDSIG_NAMESPACE, 'Object').flatMap((o) =>
    childElements(o, XADES_NAMESPACE, 'QualifyingProperties'),
  );
  const [properties] = qualifying;
  if (properties === undefined || qualifying.length > 1)
    throw profileError('Brak elementu xades:QualifyingProperties.');
  const signatureId = signature.getAttribute('Id');
  const target = properties.getAttribute('Target');
  if (signatureId !== null && target !== null && target !== `#${signatureId}`) {
    throw profileError('QualifyingProperties/@Target nie wskazuje podpisu.');
  }
  const signedProperties = only(properties, XADES_NAMESPACE, 'SignedProperties');
  const id = signedProperties.getAttribute('Id');
  if (id === null || !references.some((r) => r.uri === `#${id}`))
    throw profileError('SignedProperties nie są objęte podpisem.');
  const signatureProperties = only(signedProperties, XADES_NAMESPACE, 'SignedSignatureProperties');
  const signingTime = only(signatureProperties, XADES_NAMESPACE, 'SigningTime').textContent?.trim() ?? '';
  if (!XSD_DATE_TIME.test(signingTime)) throw profileError('Nieprawidłowy SigningTime.');
  const certificateElements = [
    ...childElements(signatureProperties, XADES_NAMESPACE, 'SigningCertificate'),
    ...childElements(signatureProperties, XADES_NAMESPACE, 'SigningCertificateV2'),
  ];
  const [signingCertificate] = certificateElements;
  if (signingCertificate === undefined || certificateElements.length > 1)
    throw profileError('Wymagany jest jeden element SigningCertificate.');
  const [cert] = childElements(signingCertificate, XADES_NAMESPACE, 'Cert');
  if (cert === undefined) throw profileError('SigningCertificate nie zawiera elementu Cert.');
  const certDigest = only(cert, XADES_NAMESPACE, 'CertDigest');
  const digestMethod = algorithmOf(only(certDigest, XMLDSIG_NAMESPACE, 'DigestMethod'));
  const hash = DIGEST_METHODS[digestMethod];
  if (hash === undefined) throw unsupportedAlgorithm(digestMethod);
  const value = fromBase64(only(certDigest, XMLDSIG_NAMESPACE, 'DigestValue').textContent ?? '');
  if (value === null || value.length === 0) throw profileError('Nieprawidłowy CertDigest.');
  return { hash, value };
}

function readKeyInfoCertificates(signature: Element): Uint8Array[] {
  const keyInfo = childElements(signature, XMLDSIG_NAMESPACE, 'KeyInfo')[0];
  const texts = (keyInfo === undefined ? [] : childElements(keyInfo, XMLDSIG_NAMESPACE, 'X509Data')).flatMap((data) =>
    childElements(data, XMLDSIG_NAMESPACE, 'X509Certificate').map((c) => c.textContent ?? ''),
  );
  if (texts.length === 0) throw profileError('KeyInfo nie zawiera certyfikatu X509Certificate.');
  if (texts.length > MAX_CERTIFICATES) throw profileError('Zbyt wiele certyfikatów w KeyInfo.');
  return texts.map((text) => {
    const der = fromBase64(text);
    if (der === null || der.length === 0) throw profileError('Certyfikat w KeyInfo nie jest poprawnym Base64.');
    return der;
  });
}

async function findSigner(
  certificates: readonly Uint8Array[],
  digest: CertDigest,
  crypto: Crypto,
): Promise<Uint8Array> {
  for (const certificate of certificates) {
    const actual = new Uint8Array(await crypto.subtle.digest(digest.hash, toArrayBuffer(certificate)));
    if (bytesEqual(actual, digest.value)) return certificate;
  }
  throw negative('CertDigest w SigningCertificate nie odpowiada żadnemu certyfikatowi z KeyInfo.');
}

/** The signer's public key as a WebCrypto key for `method`; key kind and size are checked first. */
async function verificationKey(
  certificate: Uint8Array,
  method: { readonly key: 'EC' | 'RSA'; readonly hash: HashName },
  crypto: Crypto,
): Promise<CryptoKey> {
  let spki: Uint8Array;
  try {
    spki = parseCertificate(certificate).spki;
    const key = readPublicKey(spki);
    if (key.kind !== method.key) throw negative('Algorytm podpisu nie pasuje do klucza certyfikatu.');
    if (key.kind === 'RSA' && key.modulusBits < 2048)
      throw badRequest(9105, `Klucz RSA ma ${key.modulusBits} bitów; wymagane jest co najmniej 2048.`);
    const params =
      key.kind === 'EC' ? { name: 'ECDSA', namedCurve: key.curve } : { name: 'RSASSA-PKCS1-v1_5', hash: method.hash };
    return await crypto.subtle.importKey('spki', toArrayBuffer(spki), params, false, ['verify']);
  } catch (cause) {
    if (isCryptoError(cause, 'corrupt-file')) throw negative('Certyfikat podpisującego jest nieczytelny.');
    // An SPKI WebCrypto refuses for that algorithm (e.g. an RSA-PSS-only key).
    if (cause instanceof DOMException) throw negative('Klucz certyfikatu nie nadaje się do weryfikacji tego podpisu.');
    throw cause;
  }
}

/** The one child element `localName`, or a profile error naming what is missing. */
function only(parent: Element, namespace: string, localName: string): Element {
  const found = childElements(parent, namespace, localName);
  const [first] = found;
  if (first === undefined || found.length > 1)
    throw profileError(`Element ${parent.localName} musi zawierać dokładnie jeden element ${localName}.`);
  return first;
}

function algorithmOf(element: Element): string {
  return element.getAttribute('Algorithm') ?? '';
}

const xmlErrorSchema = z.object({ name: z.literal('XmlError'), message: z.string() });

/** xml-core's XmlError is not an Error subclass and xml-core is not ours to import: tell it by shape. */
function isXmlError(value: unknown): value is z.infer<typeof xmlErrorSchema> {
  return xmlErrorSchema.safeParse(value).success;
}

function profileError(reason: string): SandboxError {
  return badRequest(9105, PROFILE_REJECTED, reason);
}

function negative(reason: string): SandboxError {
  return badRequest(9105, SIGNATURE_REJECTED, reason);
}

function unsupportedAlgorithm(uri: string): SandboxError {
  return badRequest(9105, `Podpis używa nieobsługiwanego algorytmu kryptograficznego: ${uri === '' ? '(brak)' : uri}`);
}
