/**
 * How big a sign-in document the sandbox parses. A real `AuthTokenRequest` is small: the one the app
 * signs is ~3 KB and 37 elements, 9 deep; signed in qualified-signature software with the certificate
 * chain in KeyInfo ~10-15 KB; XAdES-LT/-LTA with timestamps, CertificateValues and OCSP answers a few
 * tens of KB and about 200 elements at most, never deeper than ~12 (base64 blobs are one text node
 * each). KSeF documents no size limit for it (open-api.json, docs/ksef-contract.md §4.5); the relay and
 * nginx cap every body at 1 MB.
 *
 * 256 KiB leaves room for an embedded CRL on top of the largest of those. The element, attribute and
 * depth caps bound the parser's and the signature check's work whatever the bytes hold: measured on
 * this sandbox, 400 elements keep every synchronous slice of parsing and verifying under ~25 ms,
 * where a 1 MB document of empty elements held the event loop for ~0.7 s and 900 elements with text
 * ~50 ms a slice.
 */
export const XML_LIMITS = {
  maxBytes: 256 * 1024,
  maxDepth: 32,
  maxElements: 400,
  maxAttributes: 800,
} as const;

export type XmlLimits = { readonly [K in keyof typeof XML_LIMITS]: number };

/**
 * The first limit `text` goes past, as a message for the details of the refusal, or `null`. One
 * linear pass over the text, before any parser sees it: start tags deepen, end tags and `/>` close,
 * comments, processing instructions and CDATA are skipped, `=` outside quoted values inside a tag
 * counts an attribute (namespace declarations included). Not a well-formedness check: what this pass
 * lets through is still parsed strictly.
 */
export function exceededXmlLimit(text: string, limits: XmlLimits = XML_LIMITS): string | null {
  let depth = 0;
  let elements = 0;
  let attributes = 0;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    const next = text[i + 1];
    if (next === '/') {
      depth--;
      i = text.indexOf('<', i + 2);
      continue;
    }
    if (next === '!' || next === '?') {
      const end = text.startsWith('<!--', i)
        ? '-->'
        : text.startsWith('<![CDATA[', i)
          ? ']]>'
          : next === '?'
            ? '?>'
            : '>';
      const closed = text.indexOf(end, i + 2);
      if (closed === -1) return null;
      i = text.indexOf('<', closed + end.length);
      continue;
    }
    elements++;
    if (elements > limits.maxElements) return `Dokument ma więcej niż ${limits.maxElements} elementów.`;
    let quote: string | null = null;
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote !== null) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '=') attributes++;
      else if (c === '>') break;
    }
    if (attributes > limits.maxAttributes) return `Dokument ma więcej niż ${limits.maxAttributes} atrybutów.`;
    if (depth + 1 > limits.maxDepth) return `Elementy są zagnieżdżone głębiej niż ${limits.maxDepth} poziomów.`;
    if (text[j - 1] !== '/') depth++;
    i = text.indexOf('<', j + 1);
  }
  return null;
}
