import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { setNodeDependencies } from 'xadesjs';

/**
 * @xmldom/xmldom's parser that refuses what browsers refuse: by default it only logs non-fatal
 * well-formedness errors (an undeclared entity, text after the root) and goes on.
 */
class StrictDOMParser extends DOMParser {
  constructor() {
    super({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
  }
}

/**
 * Gives xml-core (under xmldsigjs/xadesjs and `src/crypto/xml-platform.ts`) a DOM in Node. Browsers
 * have DOMParser and XMLSerializer natively, so there this does nothing and the tests use the real
 * thing. Call it at the top of every test file that touches XML.
 */
export function installNodeXmlDom(): void {
  if (typeof globalThis.DOMParser !== 'undefined') return;
  setNodeDependencies({ DOMParser: StrictDOMParser, XMLSerializer, DOMImplementation });
}
