/**
 * The sandbox's only Node-specific piece: KSeF's XML arrives at a server, which has no DOMParser, so
 * xml-core (under xmldsigjs/xadesjs and `src/crypto/xml-platform.ts`) gets @xmldom/xmldom here. Pure
 * JavaScript, no `node:` modules; a runtime with a native DOMParser keeps its own.
 */
import { Application } from 'xmldsigjs';
import { isCryptoError } from '../../../src/crypto/errors.ts';
import { parseXml } from '../../../src/crypto/xml-platform.ts';
import { installXmlDom } from '../../../src/lib/xml-dom.ts';
import { badRequest } from '../core/errors.ts';
import { XML_LIMITS, type XmlLimits, exceededXmlLimit } from './xml-limits.ts';

/**
 * Registers the strict @xmldom parser with xml-core unless the runtime has a native DOMParser
 * (`installXmlDom`). Runs before every parse; callers in the same process that sign XML (tests) may
 * call it too.
 */
export function useXmlDom(): void {
  installXmlDom();
}

/**
 * Points xmldsigjs/xadesjs at `crypto`. The libraries keep the engine in one process-wide slot, so
 * this runs right before every verification.
 */
export function useXmlCryptoEngine(crypto: Crypto): void {
  Application.setEngine('WebCrypto', crypto);
}

/** C0 controls other than TAB, LF and CR, and U+FFFE/U+FFFF, are not XML characters (XML 1.0 §2.2); xmldom lets them through. */
function hasNonXmlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0xfffe || unit === 0xffff)
      return true;
  }
  return false;
}

/**
 * Parses a request body as XML safely: within the element, attribute and depth caps of `XML_LIMITS`
 * (checked on the text, before parsing), no DOCTYPE (so no entities, internal or external), strict
 * well-formedness, XML characters only.
 *
 * @throws SandboxError 400 21001 "Nieczytelna treść." with the reason in the details.
 */
export function parseRequestXml(text: string, limits: XmlLimits = XML_LIMITS): Document {
  const exceeded = exceededXmlLimit(text, limits);
  if (exceeded !== null) throw badRequest(21001, exceeded);
  if (hasNonXmlCharacter(text)) throw badRequest(21001, 'Dokument zawiera znaki niedozwolone w XML.');
  useXmlDom();
  try {
    const document = parseXml(text);
    if (document.doctype !== null) throw badRequest(21001, 'Deklaracja DOCTYPE jest niedozwolona.');
    return document;
  } catch (cause) {
    if (isCryptoError(cause, 'xml-dtd-forbidden')) throw badRequest(21001, 'Deklaracja DOCTYPE jest niedozwolona.');
    if (isCryptoError(cause, 'xml-malformed')) throw badRequest(21001, 'Dokument nie jest poprawnym XML.');
    throw cause;
  }
}
