import { Application, Parse } from 'xadesjs';
import { checkXmlDepth } from './bounds';
import { CryptoError } from './errors';

/** XML Signature namespace (XMLDSig core, `ds:`). */
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
/** XAdES 1.3.2 namespace (ETSI EN 319 132 keeps it for `xades:` elements). */
export const XADES_NAMESPACE = 'http://uri.etsi.org/01903/v1.3.2#';

/** Namespaces browsers put their parse-error report in (Blink/WebKit, Gecko). */
const PARSER_ERROR_NAMESPACES = [
  'http://www.w3.org/1999/xhtml',
  'http://www.mozilla.org/newlayout/xml/parsererror.xml',
];

/**
 * A DOCTYPE anywhere (case-insensitive, so a malformed `<!doctype` is caught too). We never need a
 * DTD, and refusing it before parsing rules out external entities (XXE) and entity expansion bombs
 * whatever parser the platform has.
 */
const DOCTYPE = /<!DOCTYPE/i;

/**
 * Parses XML text with the platform's DOMParser: the browser's own, or in a worker or Node the one registered with
 * xml-core's `setNodeDependencies` (the file reader's Web Worker and the Node tests wire @xmldom/xmldom).
 *
 * @throws CryptoError `xml-dtd-forbidden` when the text has a DOCTYPE; `xml-malformed` when it is not
 *   well-formed (the browser's `parsererror` document, or a parse error the DOM implementation throws);
 *   `xml-nesting-too-deep` when elements nest deeper than `MAX_XML_DEPTH`.
 */
export function parseXml(text: string): Document {
  if (DOCTYPE.test(text)) throw new CryptoError('xml-dtd-forbidden', 'The XML has a DOCTYPE, which we do not accept');
  checkXmlDepth(text);
  let document: Document;
  try {
    document = Parse(text);
  } catch (cause) {
    // @xmldom/xmldom reports well-formedness errors by throwing its ParseError; browsers never throw.
    if (cause instanceof Error && cause.name === 'ParseError') {
      throw new CryptoError('xml-malformed', 'The file is not well-formed XML', { cause });
    }
    throw cause;
  }
  const hasParserError = PARSER_ERROR_NAMESPACES.some(
    (ns) => document.getElementsByTagNameNS(ns, 'parsererror').length > 0,
  );
  if (hasParserError || document.documentElement === null) {
    throw new CryptoError('xml-malformed', 'The file is not well-formed XML');
  }
  return document;
}

/**
 * Points xmldsigjs/xadesjs at a WebCrypto implementation. The libraries keep it in one module-level
 * slot (and tag the object with a `name` property), so this must run right before each use with the
 * caller's `crypto`; there is no way to pass it per call.
 */
export function setXmlCryptoEngine(crypto: Crypto): void {
  Application.setEngine('WebCrypto', crypto);
}

/** The child elements of `parent` with the given namespace and local name, in document order. */
export function childElements(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node) && node.namespaceURI === namespace && node.localName === localName) found.push(node);
  }
  return found;
}

/** True when a DOM node is an element (`nodeType` 1); works for browser DOMs and @xmldom/xmldom alike. */
export function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
