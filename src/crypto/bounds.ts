import { CryptoError } from './errors';

/**
 * Limits checked before untrusted lengths drive work (STYLE 13: check every length before it drives
 * work). Each is far above what real files carry and each refusal has its own code, so a hostile or
 * broken file is named at once instead of freezing the tab: a 192 KiB curve coefficient turned into a
 * BigInt byte by byte took 84 s in Chromium.
 */

/** P-521's field element, the largest of the curves we read (SEC 2 §2.6.1: 521 bits in 66 bytes). */
export const MAX_EC_FIELD_BYTES = 66;

/**
 * The largest RSA modulus: OpenSSL's `OPENSSL_RSA_MAX_MODULUS_BITS` and BoringSSL's (Chromium) limit
 * alike, so no key WebCrypto would use is refused, while a larger one is refused before an import
 * that would only fail after the work. KSeF itself takes RSA 2048 and up; real keys stop at 8192.
 */
export const MAX_RSA_MODULUS_BITS = 16_384;

/**
 * The longest RSA public exponent: OpenSSL refuses more than 64 bits (`RSA_MAX_PUBEXP_BITS`), BoringSSL
 * more than 33. Real keys use 65537 (3 bytes).
 */
export const MAX_RSA_PUBLIC_EXPONENT_BYTES = 8;

/**
 * The deepest nesting of constructed DER values we parse. A certificate nests about 8 deep, a PFX
 * about 6 per layer (each encapsulated layer is decoded on its own); asn1js refuses deeper too, but
 * only after building the tree, and with no way to tell this failure from other damage.
 */
export const MAX_DER_DEPTH = 64;

/**
 * The longest OBJECT IDENTIFIER (or RELATIVE-OID) content we parse. Real ones are under 30 bytes;
 * asn1js decodes each arc on its own, about a second for a 64 KB one.
 */
export const MAX_OID_BYTES = 128;

/**
 * The deepest nesting of XML elements in a signed sign-in file. An XAdES signature of the
 * AuthTokenRequest nests about 12 deep; the canonicalizer recurses once per level.
 */
export const MAX_XML_DEPTH = 64;

/**
 * Refuses an EC field element, coordinate pair, order or scalar longer than P-521 allows.
 *
 * @param maxLength the longest P-521 allows for this item (a point adds its prefix octet, an INTEGER
 *   may add a sign octet).
 * @throws CryptoError `ec-parameters-too-large`.
 */
export function checkEcLength(length: number, maxLength: number, what: string): void {
  if (length > maxLength) {
    throw new CryptoError(
      'ec-parameters-too-large',
      `${what} is ${length} bytes long, more than any supported curve (P-256, P-384, P-521) uses`,
    );
  }
}

/**
 * Refuses an RSA modulus above `MAX_RSA_MODULUS_BITS` or a public exponent above
 * `MAX_RSA_PUBLIC_EXPONENT_BYTES`, both given as magnitudes (no leading zero bytes).
 *
 * @throws CryptoError `rsa-modulus-too-large`.
 */
export function checkRsaSize(modulus: Uint8Array, publicExponent: Uint8Array): void {
  if (magnitudeBits(modulus) > MAX_RSA_MODULUS_BITS) {
    throw new CryptoError(
      'rsa-modulus-too-large',
      `The RSA modulus has ${magnitudeBits(modulus)} bits, more than the ${MAX_RSA_MODULUS_BITS} we accept`,
    );
  }
  if (publicExponent.length > MAX_RSA_PUBLIC_EXPONENT_BYTES) {
    throw new CryptoError(
      'rsa-modulus-too-large',
      `The RSA public exponent is ${publicExponent.length} bytes long, more than the ${MAX_RSA_PUBLIC_EXPONENT_BYTES} we accept`,
    );
  }
}

function magnitudeBits(bytes: Uint8Array): number {
  return bytes.length === 0 ? 0 : (bytes.length - 1) * 8 + (bytes[0] ?? 0).toString(2).length;
}

/**
 * Walks the TLV headers of BER/DER (X.690 §8.1) without building anything and refuses nesting deeper
 * than `MAX_DER_DEPTH` and object identifiers longer than `MAX_OID_BYTES`: one pass, constant work per
 * header, no recursion. Bytes it cannot follow are left for the parser to name.
 *
 * @throws CryptoError `der-nesting-too-deep`; `corrupt-file` for an overlong object identifier.
 */
export function checkDerDepth(bytes: Uint8Array, what: string): void {
  // The end offset of every open constructed value; -1 for an indefinite length (ended by 00 00).
  const open: number[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    while (open.length > 0 && offset >= (open[open.length - 1] ?? 0) && open[open.length - 1] !== -1) open.pop();
    if (offset + 1 < bytes.length && bytes[offset] === 0 && bytes[offset + 1] === 0 && open.at(-1) === -1) {
      open.pop();
      offset += 2;
      continue;
    }
    const header = readHeader(bytes, offset);
    if (header === null) return;
    if (!header.constructed) {
      if (header.length === -1) return;
      if ((bytes[offset] === 0x06 || bytes[offset] === 0x0d) && header.length > MAX_OID_BYTES) {
        throw new CryptoError('corrupt-file', `${what} holds an object identifier of ${header.length} bytes`);
      }
      offset = header.contentStart + header.length;
      continue;
    }
    open.push(header.length === -1 ? -1 : header.contentStart + header.length);
    if (open.length > MAX_DER_DEPTH) {
      throw new CryptoError('der-nesting-too-deep', `${what} nests more than ${MAX_DER_DEPTH} levels deep`);
    }
    offset = header.contentStart;
  }
}

/** The identifier and length octets at `offset`; length -1 for indefinite; `null` where they do not parse. */
function readHeader(
  bytes: Uint8Array,
  offset: number,
): { constructed: boolean; length: number; contentStart: number } | null {
  const first = bytes[offset];
  if (first === undefined) return null;
  let position = offset + 1;
  if ((first & 0x1f) === 0x1f) {
    while ((bytes[position] ?? 0) & 0x80) position++;
    position++;
  }
  const lengthOctet = bytes[position];
  if (lengthOctet === undefined) return null;
  position++;
  const constructed = (first & 0x20) !== 0;
  if (lengthOctet === 0x80) return { constructed, length: -1, contentStart: position };
  if (lengthOctet < 0x80) return { constructed, length: lengthOctet, contentStart: position };
  const count = lengthOctet & 0x7f;
  if (count > 6) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[position + i] ?? 0);
  return { constructed, length, contentStart: position + count };
}

/**
 * Refuses XML whose elements nest deeper than `MAX_XML_DEPTH`, before a parser or canonicalizer
 * recurses over them. A linear scan of the markup: comments, CDATA, processing instructions and quoted
 * attribute values are skipped; what it cannot follow is left for the parser to name.
 *
 * @throws CryptoError `xml-nesting-too-deep`.
 */
export function checkXmlDepth(text: string): void {
  let depth = 0;
  let index = text.indexOf('<');
  while (index >= 0 && index < text.length) {
    const next = text[index + 1];
    let end: number;
    if (text.startsWith('<!--', index)) end = closing(text, '-->', index + 4);
    else if (text.startsWith('<![CDATA[', index)) end = closing(text, ']]>', index + 9);
    else if (next === '?' || next === '!') end = closing(text, '>', index + 2);
    else {
      end = tagEnd(text, index + 1);
      if (next === '/') depth--;
      else if (end > 0 && text[end - 1] !== '/') depth++;
      if (depth > MAX_XML_DEPTH) {
        throw new CryptoError('xml-nesting-too-deep', `The XML nests more than ${MAX_XML_DEPTH} elements deep`);
      }
    }
    if (end < 0) return;
    index = text.indexOf('<', end + 1);
  }
}

/** The index of the last character of `marker` found from `from`, or -1. */
function closing(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  return found < 0 ? -1 : found + marker.length - 1;
}

/** The index of the `>` that closes the tag starting before `from`, past quoted attribute values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i;
  }
  return -1;
}
