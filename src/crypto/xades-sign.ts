import type { RelativeDistinguishedNames } from 'pkijs';
import { SignedXml, type OptionsXAdES } from 'xadesjs';
import { Transforms, XmlDsigExcC14NTransform, type Signature } from 'xmldsigjs';
import { bigintFromBytes, toBase64, toHex } from '../lib/bytes';
import { AUTH_TOKEN_NAMESPACE_2_0, AUTH_TOKEN_NAMESPACE_2_1 } from './auth-token-request';
import { parseCertificate } from './certificate-reader';
import { encodeName, rdnSizes, readName } from './distinguished-name';
import { CryptoError } from './errors';
import { OID } from './oids';
import { XMLDSIG_NAMESPACE, isElement, parseXml, setXmlCryptoEngine } from './xml-platform';

/** The algorithm URIs of the signatures we make (docs/ksef-contract.md §4.4): SHA-256 everywhere, never PSS. */
export const XADES_PROFILE = {
  /** SignedInfo: inclusive C14N 1.0, what xadesjs writes and what the official C# SDK writes. */
  canonicalization: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  ecdsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  envelopedSignature: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  exclusiveC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  signedPropertiesType: 'http://uri.etsi.org/01903#SignedProperties',
  /** `Id` of `ds:Signature` and of `xades:SignedProperties`, as the C# SDK names them. */
  signatureId: 'Signature',
  signedPropertiesId: 'SignedProperties',
} as const;

/** The signer of an `AuthTokenRequest`: a private key and its X.509 certificate (DER). */
export interface XadesSigner {
  readonly privateKey: CryptoKey;
  readonly certificate: Uint8Array;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/**
 * Signs an `AuthTokenRequest` (from `buildAuthTokenRequest`) with an enveloped XAdES-BES signature,
 * the profile of docs/ksef-contract.md §4.4 that the official C# SDK emits:
 * - `ds:Signature Id="Signature"`, the last child of the root;
 * - SignedInfo canonicalised with inclusive C14N 1.0; SignatureMethod `ecdsa-sha256` for EC P-256
 *   (the value is the fixed-length r || s WebCrypto returns) or `rsa-sha256` (PKCS#1 v1.5) for RSA of
 *   at least 2048 bits with SHA-256;
 * - Reference `URI=""` with the enveloped-signature and exclusive C14N transforms, SHA-256;
 * - Reference `#SignedProperties` of Type `http://uri.etsi.org/01903#SignedProperties` with exclusive
 *   C14N, SHA-256;
 * - `KeyInfo/X509Data/X509Certificate` = the certificate;
 * - `xades:QualifyingProperties` (v1.3.2) with SigningTime (`now` minus one minute, UTC, whole
 *   seconds) and SigningCertificate: the certificate's SHA-256 and IssuerSerial (RFC 4514 issuer name,
 *   serial number in decimal).
 * The document is serialised once; the bytes of the returned text (UTF-8) are what KSeF must get,
 * unchanged. Before returning, the signature is verified with the certificate's key.
 *
 * `crypto` is installed as the engine of xmldsigjs/xadesjs for the call (see `setXmlCryptoEngine`).
 *
 * @throws CryptoError `invalid-argument` for a key that is not an EC P-256 or RSA (>= 2048 bits,
 *   SHA-256) private signing key, or XML that is not an unsigned `AuthTokenRequest`; `corrupt-file`
 *   for a certificate that does not parse; `xml-malformed` / `xml-dtd-forbidden` for broken XML;
 *   `signer-certificate-mismatch` when the signature does not verify with the certificate's key.
 */
export async function signAuthTokenRequest(
  xml: string,
  signer: XadesSigner,
  options: { readonly now?: () => Date } = {},
  crypto: Crypto = globalThis.crypto,
): Promise<string> {
  const algorithm = signingAlgorithm(signer.privateKey);
  const { certificate } = parseCertificate(signer.certificate);
  const issuerSerial = {
    issuerName: rfc4514Name(certificate.issuer),
    serialNumber: integerToDecimal(certificate.serialNumber.valueBlock.valueHexView),
  };
  const document = parseXml(xml);
  checkUnsignedRequest(document);
  const now = (options.now ?? (() => new Date()))();
  const signingTime = new Date(Math.floor((now.getTime() - 60_000) / 1000) * 1000);

  setXmlCryptoEngine(crypto);
  const signedXml = new KsefSignedXml(issuerSerial);
  signedXml.XmlSignature.Id = XADES_PROFILE.signatureId;
  const properties = signedXml.Properties;
  if (properties === null) throw new Error('xadesjs created no QualifyingProperties');
  properties.Target = `#${XADES_PROFILE.signatureId}`;
  properties.SignedProperties.Id = XADES_PROFILE.signedPropertiesId;
  const certificateBase64 = toBase64(signer.certificate);
  await signedXml.Sign(algorithm, signer.privateKey, document, {
    references: [{ uri: '', hash: 'SHA-256', transforms: ['enveloped', 'exc-c14n'] }],
    x509: [certificateBase64],
    signingCertificate: { certificate: certificateBase64, digestAlgorithm: 'SHA-256' },
    signingTime: { value: signingTime, format: 'isoUtcDateTime' },
  });
  const signed = XML_DECLARATION + signedXml.toString();
  if (!(await verifiesWithOwnCertificate(signed))) {
    throw new CryptoError('signer-certificate-mismatch', 'The private key does not belong to the certificate');
  }
  return signed;
}

/** xadesjs's SignedXml with the two details of the C# profile that xadesjs does not do itself. */
class KsefSignedXml extends SignedXml {
  constructor(private readonly issuerSerial: { readonly issuerName: string; readonly serialNumber: string }) {
    super();
  }

  protected override async ApplySignOptions(
    signature: Signature,
    algorithm: Algorithm,
    key: CryptoKey,
    options: OptionsXAdES,
  ): Promise<void> {
    await super.ApplySignOptions(signature, algorithm, key, options);
    // xadesjs leaves the SignedProperties reference without transforms (implicit inclusive C14N, which
    // drags the root's namespaces into the digest); exclusive C14N is what the C# SDK signs.
    for (const reference of signature.SignedInfo.References.GetIterator()) {
      if (reference.Type === XADES_PROFILE.signedPropertiesType) {
        const transforms = new Transforms();
        transforms.Add(new XmlDsigExcC14NTransform());
        reference.Transforms = transforms;
      }
    }
    // xadesjs writes the issuer as `CN=..., 2.5.4.5=...` in encoding order and the serial through a
    // signed conversion; XAdES wants an RFC 4514 name and the integer in decimal.
    const cert = this.SignedProperties.SignedSignatureProperties.SigningCertificate.Item(0);
    if (cert === null) throw new Error('xadesjs wrote no SigningCertificate');
    cert.IssuerSerial.X509IssuerName = this.issuerSerial.issuerName;
    cert.IssuerSerial.X509SerialNumber = this.issuerSerial.serialNumber;
  }
}

/** WebCrypto signing parameters for a key KSeF accepts, or `invalid-argument`. */
function signingAlgorithm(key: CryptoKey): Algorithm | EcdsaParams {
  if (key.type !== 'private' || !key.usages.includes('sign')) {
    throw new CryptoError('invalid-argument', 'The private key cannot sign');
  }
  const algorithm: KeyAlgorithm & Partial<EcKeyAlgorithm & RsaHashedKeyAlgorithm> = key.algorithm;
  if (algorithm.name === 'ECDSA' && algorithm.namedCurve === 'P-256') return { name: 'ECDSA', hash: 'SHA-256' };
  if (
    algorithm.name === 'RSASSA-PKCS1-v1_5' &&
    algorithm.hash?.name === 'SHA-256' &&
    (algorithm.modulusLength ?? 0) >= 2048
  ) {
    return { name: 'RSASSA-PKCS1-v1_5' };
  }
  throw new CryptoError(
    'invalid-argument',
    'Sign-in signatures need an EC P-256 key or an RSA key of at least 2048 bits (SHA-256)',
  );
}

function checkUnsignedRequest(document: Document): void {
  const root = document.documentElement;
  const namespace = root.namespaceURI;
  if (
    root.localName !== 'AuthTokenRequest' ||
    (namespace !== AUTH_TOKEN_NAMESPACE_2_1 && namespace !== AUTH_TOKEN_NAMESPACE_2_0)
  ) {
    throw new CryptoError('invalid-argument', 'The XML is not an AuthTokenRequest');
  }
  if (document.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'Signature').length > 0) {
    throw new CryptoError('invalid-argument', 'The AuthTokenRequest is already signed');
  }
}

async function verifiesWithOwnCertificate(signed: string): Promise<boolean> {
  const document = parseXml(signed);
  const signature = document.documentElement.lastChild;
  if (signature === null || !isElement(signature))
    throw new Error('The signed document does not end with its signature');
  const verifier = new SignedXml(document);
  verifier.LoadXml(signature);
  return verifier.Verify();
}

/** RFC 4514 attribute types with a registered short name (§3); others are written as OIDs. */
const RFC4514_KEYWORDS: ReadonlyMap<string, string> = new Map([
  [OID.commonName, 'CN'],
  [OID.localityName, 'L'],
  [OID.stateOrProvinceName, 'ST'],
  [OID.organizationName, 'O'],
  [OID.organizationalUnitName, 'OU'],
  [OID.countryName, 'C'],
  [OID.streetAddress, 'STREET'],
  [OID.domainComponent, 'DC'],
  [OID.userId, 'UID'],
]);

/**
 * A distinguished name as an RFC 4514 string, the form XMLDSig asks for in X509IssuerName and the one
 * Java's `X500Principal.getName(RFC2253)` (the KSeF Java SDK, via EU DSS) writes: RDNs last to first
 * joined by `,`, multi-valued RDNs by `+`; the nine registered short names with escaped text; any
 * other type as its OID with `#` and the hex of the value's DER (§2.4), e.g. serialNumber,
 * givenName, surname and organizationIdentifier.
 */
export function rfc4514Name(name: RelativeDistinguishedNames): string {
  const attributes = readName(name);
  const values = name.typesAndValues;
  const rdns: string[] = [];
  let index = 0;
  for (const size of rdnSizes(encodeName(name))) {
    const parts: string[] = [];
    for (let k = 0; k < size; k++, index++) {
      const attribute = attributes[index];
      const value = values[index];
      if (attribute === undefined || value === undefined)
        throw new CryptoError('corrupt-file', 'The name does not parse');
      const keyword = RFC4514_KEYWORDS.get(attribute.type);
      if (keyword !== undefined && attribute.stringType !== null) {
        parts.push(`${keyword}=${escapeRfc4514(attribute.value)}`);
      } else {
        const parsed = value.value.valueBeforeDecodeView;
        const der = parsed.length > 0 ? parsed : new Uint8Array(value.value.toBER());
        parts.push(`${attribute.type}=#${toHex(der).toLowerCase()}`);
      }
    }
    rdns.push(parts.join('+'));
  }
  return rdns.reverse().join(',');
}

/** RFC 4514 §2.4 escaping of a string value. */
function escapeRfc4514(value: string): string {
  return value
    .replace(/[\\"+,;<>]/g, (c) => `\\${c}`)
    .replace(/\0/g, '\\00')
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/** The decimal of a DER INTEGER's content octets (big-endian two's complement). */
export function integerToDecimal(content: Uint8Array): string {
  if (content.length === 0) throw new CryptoError('corrupt-file', 'The serial number is empty');
  const unsigned = bigintFromBytes(content);
  const negative = ((content[0] ?? 0) & 0x80) !== 0;
  return (negative ? unsigned - (1n << BigInt(content.length * 8)) : unsigned).toString(10);
}
