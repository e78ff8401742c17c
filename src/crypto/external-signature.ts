import { fromBase64 } from '../lib/bytes';
import { AUTH_TOKEN_NAMESPACE_2_0, AUTH_TOKEN_NAMESPACE_2_1 } from './auth-token-request';
import { parseCertificate } from './certificate-reader';
import { formatName, readName } from './distinguished-name';
import { CryptoError } from './errors';
import { XADES_NAMESPACE, XMLDSIG_NAMESPACE, childElements, isElement, parseXml } from './xml-platform';

/** How long KSeF keeps a challenge (docs/ksef-contract.md §4.1). */
export const CHALLENGE_LIFETIME_MS = 10 * 60_000;

/** Something in a signature that KSeF TEST accepts but DEMO/production may not (docs/ksef-contract.md §13). */
export type ExternalSignatureWarning =
  /** SHA-1 somewhere (digest or signature method): rejected on DEMO/PRD (#6). */
  | 'sha1'
  /** RSA-PSS: reported failing on KSeF (#7). */
  | 'rsa-pss'
  /** No XAdES SignedProperties referenced by the signature: not a XAdES profile (#8). */
  | 'no-signed-properties';

/** What `checkExternalSignature` found in a file the user signed with their own software. */
export interface ExternalSignatureCheck {
  /** The file exactly as given: send these bytes to KSeF, never a re-serialised document. */
  readonly bytes: Uint8Array;
  readonly namespace: typeof AUTH_TOKEN_NAMESPACE_2_0 | typeof AUTH_TOKEN_NAMESPACE_2_1;
  /** Where the signature sits: inside the request (enveloped) or around it (enveloping). */
  readonly packaging: 'enveloped' | 'enveloping';
  /** `SignedInfo/SignatureMethod/@Algorithm`, or `null` when absent. */
  readonly signatureMethod: string | null;
  /** Subject of the first certificate in `KeyInfo` (`CN=..., C=PL`), or `null` when there is none. */
  readonly signerSubject: string | null;
  /** The `ContextIdentifier` the request names, e.g. `{ type: 'Nip', value: '5265877635' }`. */
  readonly context: { readonly type: string; readonly value: string } | null;
  readonly warnings: readonly ExternalSignatureWarning[];
}

/** The challenge is older than KSeF keeps it; `minutes` says how old, for the message. */
export class ChallengeExpiredError extends CryptoError {
  readonly minutes: number;

  constructor(minutes: number) {
    super('challenge-expired', `The challenge is ${minutes} minutes old; KSeF keeps it for 10 minutes`);
    this.name = 'ChallengeExpiredError';
    this.minutes = minutes;
  }
}

const AUTH_TOKEN_NAMESPACES: ReadonlySet<string> = new Set([AUTH_TOKEN_NAMESPACE_2_0, AUTH_TOKEN_NAMESPACE_2_1]);
const SIGNED_PROPERTIES_TYPE = /^http:\/\/uri\.etsi\.org\/01903(\/v1\.\d\.\d)?#SignedProperties$/;
const XADES_NAMESPACE_PREFIX = 'http://uri.etsi.org/01903/';

/**
 * Checks a signed `AuthTokenRequest` that the user made with their qualified signature or seal
 * software, before it goes to KSeF: the checks KSeF would fail with a code the user cannot act on.
 * The signature itself is verified by `verifyExternalSignature` (external-signature-verify.ts), which
 * leaves to KSeF what the browser cannot compute. Parsing refuses any DOCTYPE, so no entity is
 * expanded or fetched.
 *
 * Checks, in order: the bytes are UTF-8 and declare no other encoding; the XML is well-formed; the
 * document is an `AuthTokenRequest` (2.0 or 2.1 namespace) with a signature inside it (enveloped) or a
 * `ds:Signature` holding it in a `ds:Object` (enveloping); exactly one signature (counter-signatures
 * inside XAdES properties do not count); the signature covers the request (no external references);
 * the request carries `expected.challenge`; the challenge is at most 10 minutes old at `now`.
 *
 * @returns the unchanged bytes and facts for the UI; a weak algorithm is a warning, not an error.
 * @throws CryptoError `empty-file`; `xml-not-utf8`; `xml-dtd-forbidden`; `xml-malformed`;
 *   `not-auth-token-request`; `signature-missing`; `signature-multiple`; `signature-detached`;
 *   `challenge-mismatch`; `challenge-expired` (a `ChallengeExpiredError`); `corrupt-file` when the
 *   certificate in `KeyInfo` is not a certificate.
 */
export function checkExternalSignature(
  signedXml: Uint8Array,
  expected: { readonly challenge: string; readonly challengeIssuedAt: Date },
  now: () => Date = () => new Date(),
): ExternalSignatureCheck {
  const { request, signature, packaging } = readSignedRequest(signedXml);
  const namespace =
    request.namespaceURI === AUTH_TOKEN_NAMESPACE_2_0 ? AUTH_TOKEN_NAMESPACE_2_0 : AUTH_TOKEN_NAMESPACE_2_1;

  const challenge = childElements(request, namespace, 'Challenge')[0]?.textContent?.trim() ?? null;
  if (challenge !== expected.challenge) {
    throw new CryptoError(
      'challenge-mismatch',
      `The file is signed for challenge ${challenge ?? '(none)'}, not ${expected.challenge}`,
    );
  }
  const age = now().getTime() - expected.challengeIssuedAt.getTime();
  if (age > CHALLENGE_LIFETIME_MS) throw new ChallengeExpiredError(Math.floor(age / 60_000));

  const signedInfo = childElements(signature, XMLDSIG_NAMESPACE, 'SignedInfo')[0];
  const signatureMethod =
    signedInfo && childElements(signedInfo, XMLDSIG_NAMESPACE, 'SignatureMethod')[0]?.getAttribute('Algorithm');
  return {
    bytes: signedXml,
    namespace,
    packaging,
    signatureMethod: signatureMethod ?? null,
    signerSubject: signerSubject(signature),
    context: contextIdentifier(request, namespace),
    warnings: warningsFor(signature, signatureMethod ?? ''),
  };
}

/** The parts of a signed `AuthTokenRequest` the checks look at. */
export interface SignedRequest {
  readonly request: Element;
  /** The one `ds:Signature` that signs the request (the root itself when enveloping). */
  readonly signature: Element;
  readonly packaging: 'enveloped' | 'enveloping';
}

/**
 * Parses a signed `AuthTokenRequest` and finds its one signature: the structural part of
 * `checkExternalSignature` (UTF-8, well-formed, no DOCTYPE, an AuthTokenRequest, one signature
 * covering it), shared with `verifyExternalSignature`.
 *
 * @throws CryptoError `empty-file`; `xml-not-utf8`; `xml-dtd-forbidden`; `xml-malformed`;
 *   `not-auth-token-request`; `signature-missing`; `signature-multiple`; `signature-detached`.
 */
export function readSignedRequest(signedXml: Uint8Array): SignedRequest {
  if (signedXml.length === 0) throw new CryptoError('empty-file', 'The file is empty');
  return locate(parseXml(decodeUtf8(signedXml)));
}

function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new CryptoError('xml-not-utf8', 'The file is UTF-16; KSeF accepts UTF-8 only');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    if (cause instanceof TypeError) throw new CryptoError('xml-not-utf8', 'The file is not valid UTF-8', { cause });
    throw cause;
  }
  const declared = /^<\?xml\s[^?]*?encoding\s*=\s*(["'])(.*?)\1/.exec(text)?.[2];
  if (declared !== undefined && declared.toLowerCase() !== 'utf-8') {
    throw new CryptoError('xml-not-utf8', `The file declares encoding ${declared}; KSeF accepts UTF-8 only`);
  }
  return text;
}

function locate(document: Document): SignedRequest {
  const root = document.documentElement;
  const signatures = Array.from(document.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'Signature')).filter(
    (s) => !insideXadesProperties(s),
  );
  if (isAuthTokenRequest(root)) {
    const [signature, ...others] = signatures;
    if (signature === undefined) throw new CryptoError('signature-missing', 'The file is not signed');
    if (others.length > 0)
      throw new CryptoError('signature-multiple', `The file has ${signatures.length} signatures; KSeF accepts one`);
    const uris = referenceUris(signature);
    if (!uris.some((uri) => uri === '' || uri === '#xpointer(/)')) {
      throw new CryptoError('signature-detached', 'The signature does not cover the request it sits in');
    }
    return { request: root, signature, packaging: 'enveloped' };
  }
  if (root.namespaceURI === XMLDSIG_NAMESPACE && root.localName === 'Signature') {
    for (const object of childElements(root, XMLDSIG_NAMESPACE, 'Object')) {
      let request: Element | undefined;
      for (let node = object.firstChild; node !== null && request === undefined; node = node.nextSibling) {
        if (isElement(node) && isAuthTokenRequest(node)) request = node;
      }
      if (request === undefined) continue;
      if (signatures.length > 1)
        throw new CryptoError('signature-multiple', `The file has ${signatures.length} signatures; KSeF accepts one`);
      const id = object.getAttribute('Id') ?? '';
      const uris = referenceUris(root);
      if (id === '' || !uris.some((uri) => uri === `#${id}` || uri === `#xpointer(id('${id}'))`)) {
        throw new CryptoError('signature-detached', 'The signature does not cover the request it holds');
      }
      return { request, signature: root, packaging: 'enveloping' };
    }
    // A signature file holding no request: when it points outside itself it is a detached signature,
    // which is worth saying (signing software offers "detached", "enveloped" and "enveloping").
    referenceUris(root);
  }
  throw new CryptoError('not-auth-token-request', 'The file does not hold an AuthTokenRequest');
}

function isAuthTokenRequest(element: Element): boolean {
  return element.localName === 'AuthTokenRequest' && AUTH_TOKEN_NAMESPACES.has(element.namespaceURI ?? '');
}

/** Counter-signatures live in XAdES unsigned properties; KSeF counts the signatures of the document. */
function insideXadesProperties(signature: Element): boolean {
  for (let node = signature.parentNode; node !== null; node = node.parentNode) {
    if (isElement(node) && (node.namespaceURI ?? '').startsWith(XADES_NAMESPACE_PREFIX)) return true;
  }
  return false;
}

/**
 * The URIs of the signature's references. A reference without a URI, or to anything outside the
 * document, makes the signature detached: KSeF cannot resolve it and rejects detached signatures.
 */
function referenceUris(signature: Element): string[] {
  const signedInfo = childElements(signature, XMLDSIG_NAMESPACE, 'SignedInfo')[0];
  if (signedInfo === undefined) throw new CryptoError('signature-missing', 'The ds:Signature has no SignedInfo');
  return childElements(signedInfo, XMLDSIG_NAMESPACE, 'Reference').map((reference) => {
    const uri = reference.getAttribute('URI');
    if (uri === null || (uri !== '' && !uri.startsWith('#'))) {
      throw new CryptoError(
        'signature-detached',
        `The signature references ${uri ?? 'an unnamed resource'} outside the file`,
      );
    }
    return uri;
  });
}

function signerSubject(signature: Element): string | null {
  const keyInfo = childElements(signature, XMLDSIG_NAMESPACE, 'KeyInfo')[0];
  const element = keyInfo?.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'X509Certificate')[0];
  if (element === undefined) return null;
  const der = fromBase64(element.textContent ?? '');
  if (der === null || der.length === 0)
    throw new CryptoError('corrupt-file', 'The certificate in the signature is not base64');
  return formatName(readName(parseCertificate(der).certificate.subject));
}

function contextIdentifier(request: Element, namespace: string): ExternalSignatureCheck['context'] {
  const context = childElements(request, namespace, 'ContextIdentifier')[0];
  for (let node = context?.firstChild ?? null; node !== null; node = node.nextSibling) {
    if (isElement(node)) return { type: node.localName, value: (node.textContent ?? '').trim() };
  }
  return null;
}

function warningsFor(signature: Element, signatureMethod: string): ExternalSignatureWarning[] {
  const warnings: ExternalSignatureWarning[] = [];
  const algorithms = Array.from(signature.getElementsByTagName('*'), (e) => e.getAttribute('Algorithm') ?? '');
  if (algorithms.some((uri) => /sha1/i.test(uri))) warnings.push('sha1');
  if (/mgf1|rsa-pss/i.test(signatureMethod)) warnings.push('rsa-pss');
  const signedInfo = childElements(signature, XMLDSIG_NAMESPACE, 'SignedInfo')[0];
  const referencesProperties =
    signedInfo !== undefined &&
    childElements(signedInfo, XMLDSIG_NAMESPACE, 'Reference').some((r) =>
      SIGNED_PROPERTIES_TYPE.test(r.getAttribute('Type') ?? ''),
    );
  if (!referencesProperties || signature.getElementsByTagNameNS(XADES_NAMESPACE, 'SignedProperties').length === 0) {
    warnings.push('no-signed-properties');
  }
  return warnings;
}
