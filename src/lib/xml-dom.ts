import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { setNodeDependencies } from 'xadesjs';

/**
 * @xmldom/xmldom's parser made strict: by default it only reports non-fatal well-formedness errors
 * (an undeclared entity, text after the root) and builds a document anyway. Thrown from `onError`,
 * they surface as xmldom's `ParseError`, which `parseXml` turns into `xml-malformed`.
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
 * the file reader's Web Worker, the sandbox's server, the Node tests. Where the platform has its own
 * (a page), this does nothing, so pages keep the browser's parser. Registered again on every call: the
 * registry is process-wide and a test may have put another parser there.
 */
export function installXmlDom(): void {
  if (typeof globalThis.DOMParser !== 'undefined') return;
  setNodeDependencies({ DOMParser: StrictDOMParser, XMLSerializer, DOMImplementation });
}
