import { installXmlDom } from '../../src/lib/xml-dom';

/**
 * Gives xml-core (under xmldsigjs/xadesjs and `src/crypto/xml-platform.ts`) a DOM in Node, the same
 * strict @xmldom/xmldom parser the file reader's Web Worker uses. Browsers have DOMParser and
 * XMLSerializer natively, so there this does nothing and the tests use the real thing. Call it at the
 * top of every test file that touches XML.
 */
export function installNodeXmlDom(): void {
  installXmlDom();
}
