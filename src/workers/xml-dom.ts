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
 * Gives xml-core (under xmldsigjs/xadesjs and `src/crypto/xml-platform.ts`) a DOM where there is none:
 * a Web Worker has no DOMParser, nor has Node. Where the platform has its own (a page), this does
 * nothing, so pages keep the browser's parser.
 */
export function installXmlDom(): void {
  if (typeof globalThis.DOMParser !== 'undefined') return;
  setNodeDependencies({ DOMParser: StrictDOMParser, XMLSerializer, DOMImplementation });
}
