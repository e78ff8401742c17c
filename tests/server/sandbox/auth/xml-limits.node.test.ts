import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { XML_LIMITS, exceededXmlLimit } from '../../../../server/sandbox/auth/xml-limits';
import { isSandboxError } from '../../../../server/sandbox/core/errors';
import { parseRequestXml } from '../../../../server/sandbox/auth/xml-dom';
import {
  PERSON,
  type SandboxHarness,
  createSandboxHarness,
  exceptionCodes,
  exceptionDetails,
  testSigner,
} from '../../../support/sandbox-harness';

const NS = 'http://ksef.mf.gov.pl/auth/token/2.0';
const nested = (depth: number) => `<r xmlns="${NS}">${'<a>'.repeat(depth - 1)}${'</a>'.repeat(depth - 1)}</r>`;
const flat = (elements: number) => `<r xmlns="${NS}">${'<a/>'.repeat(elements - 1)}</r>`;
const attributes = (count: number) =>
  `<r xmlns="${NS}" ${Array.from({ length: count - 1 }, (_, i) => `b${i}="x=y"`).join(' ')}/>`;

/** What a real parser says the document holds: the oracle for the text scan. */
function measured(xml: string): { depth: number; elements: number; attributes: number } {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  let depth = 0;
  let elements = 0;
  let attributeCount = 0;
  const walk = (node: XmlElement, level: number): void => {
    elements++;
    depth = Math.max(depth, level);
    attributeCount += node.attributes.length;
    for (let child = node.firstChild; child !== null; child = child.nextSibling)
      if (child.nodeType === 1) walk(child as XmlElement, level + 1);
  };
  if (document.documentElement === null) throw new Error('no root');
  walk(document.documentElement, 1);
  return { depth, elements, attributes: attributeCount };
}

describe('exceededXmlLimit: the caps, on the text, before any parser', () => {
  it.each([
    ['depth', nested(XML_LIMITS.maxDepth), nested(XML_LIMITS.maxDepth + 1), /zagnieżdżone głębiej niż 32/],
    ['elements', flat(XML_LIMITS.maxElements), flat(XML_LIMITS.maxElements + 1), /więcej niż 400 elementów/],
    ['attributes', attributes(XML_LIMITS.maxAttributes), attributes(XML_LIMITS.maxAttributes + 1), /800 atrybutów/],
  ])('%s: at the cap it passes, one past it is named', (_, atCap, pastCap, message) => {
    expect(exceededXmlLimit(atCap)).toBeNull();
    expect(exceededXmlLimit(pastCap)).toMatch(message);
  });

  it('does not count markup inside comments, CDATA, processing instructions or quoted values', () => {
    const hidden = '<a><a><a><a>'.repeat(20);
    const xml = `<?xml version="1.0"?><!--${hidden}--><r xmlns="${NS}" v="${'&lt;a&gt;'.repeat(10)} > = '"><![CDATA[${hidden}]]><?pi ${hidden}?></r>`;
    expect(exceededXmlLimit(xml, { ...XML_LIMITS, maxDepth: 1, maxElements: 1, maxAttributes: 2 })).toBeNull();
  });

  it('agrees with a DOM parser on depth, elements and attributes of any well-formed tree', () => {
    const tree: fc.Memo<string> = fc.memo((n) =>
      fc
        .tuple(
          fc.array(fc.constantFrom('x="1"', "y='a>b'", 'z="c=d"'), { maxLength: 3 }),
          n <= 1 ? fc.constant([]) : fc.array(tree(n - 1), { maxLength: 3 }),
          fc.constantFrom('', 'text', '<!-- <a> -->', '<![CDATA[<b>]]>'),
        )
        .map(([attrs, children, text]) => {
          const open = ['e', ...new Set(attrs)].join(' ');
          return children.length === 0 && text === '' ? `<${open}/>` : `<${open}>${text}${children.join('')}</e>`;
        }),
    );
    fc.assert(
      fc.property(tree(6), fc.nat(8), fc.nat(40), fc.nat(40), (xml, maxDepth, maxElements, maxAttributes) => {
        const actual = measured(xml);
        const within = actual.depth <= maxDepth && actual.elements <= maxElements && actual.attributes <= maxAttributes;
        const limits = { maxBytes: XML_LIMITS.maxBytes, maxDepth, maxElements, maxAttributes };
        expect(exceededXmlLimit(xml, limits) === null).toBe(within);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('<', '>', '/', '!', '?', '"', "'", '=', 'a', '-', '[', ']') }),
        (text) => {
          const result = exceededXmlLimit(text);
          expect(result === null || typeof result === 'string').toBe(true);
        },
      ),
    );
  });
});

describe('parseRequestXml refuses past a cap with 21001, before parsing', () => {
  it.each([nested(XML_LIMITS.maxDepth + 1), flat(XML_LIMITS.maxElements + 1)])('21001 for %#', (xml) => {
    let caught: unknown;
    try {
      parseRequestXml(xml);
    } catch (cause) {
      caught = cause;
    }
    expect(isSandboxError(caught) && caught.problem).toMatchObject({ kind: 'bad-request', exceptionCode: 21001 });
  });
});

describe('POST /auth/xades-signature and its caps', () => {
  let h: SandboxHarness;
  beforeAll(() => {
    h = createSandboxHarness();
  });

  it('takes a real signed request, which is far inside every cap', async () => {
    const xml = await h.signedRequest(await testSigner(PERSON));
    const size = measured(xml);
    expect(size.depth).toBeLessThan(XML_LIMITS.maxDepth / 2);
    expect(size.elements).toBeLessThan(XML_LIMITS.maxElements / 4);
    expect(new TextEncoder().encode(xml).length).toBeLessThan(XML_LIMITS.maxBytes / 16);
    await h.submit(xml);
  });

  it('refuses a body past 256 KiB with 21405 naming the cap, by Content-Length before reading', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const response = await h.sandbox.handle(
      new Request('http://sandbox.test/api/sandbox/v2/auth/xades-signature', {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml', 'Content-Length': String(XML_LIMITS.maxBytes + 1) },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    const reply = { status: 400, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
    expect(exceptionCodes(reply)).toEqual([21405]);
    expect(exceptionDetails(reply)).toEqual([`Dokument przekracza ${XML_LIMITS.maxBytes} bajtów.`]);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('refuses a chunked body as soon as it passes the cap, reading no more', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const response = await h.sandbox.handle(
      new Request('http://sandbox.test/api/sandbox/v2/auth/xades-signature', {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(400);
    expect(sent).toBeLessThan(XML_LIMITS.maxBytes + 4 * 64 * 1024);
  });
});
