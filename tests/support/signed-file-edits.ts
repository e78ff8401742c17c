/**
 * What happens to a signed sign-in file between the signing software and our upload field: an editor
 * re-indents it, adds a byte order mark or CRLF line ends, someone fixes a digit, a byte is damaged,
 * the software was told to leave the certificate out. Each edit works on the bytes as a user's tools
 * would, with no knowledge of our verifier.
 */
import type { CryptoErrorCode } from '../../src/crypto/errors';
import { fromBase64, toBase64 } from '../../src/lib/bytes';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Pretty-prints as an editor's "format document" does: every tag on its own line, four spaces a level. */
function reindent(xml: string): string {
  let depth = 0;
  return xml.replace(/(<[^>]+>)\s*(?=<)/g, (_match, tag: string, offset: number, all: string) => {
    if (tag.startsWith('</')) depth -= 1;
    else if (!tag.endsWith('/>') && !tag.startsWith('<?')) depth += 1;
    const next = all.slice(offset + _match.length);
    const level = next.startsWith('</') ? depth - 1 : depth;
    return `${tag}\n${'    '.repeat(Math.max(level, 0))}`;
  });
}

function flipSignatureValueByte(xml: string): string {
  return xml.replace(
    /(<(?:\w+:)?SignatureValue[^>]*>)([^<]*)(<)/,
    (_match, open: string, value: string, close: string) => {
      const bytes = fromBase64(value);
      if (bytes === null || bytes.length === 0) throw new Error('no SignatureValue to damage');
      const at = bytes.length >> 1;
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      return `${open}${toBase64(bytes)}${close}`;
    },
  );
}

/** The last digit of the context identifier (NIP, internal id), one character of the signed request. */
function changeOneSignedCharacter(xml: string): string {
  const changed = xml.replace(
    /(<ContextIdentifier>\s*<(Nip|InternalId|NipVatUe)>[^<]*)(\d)(<\/\2>)/,
    (_match, before: string, _name: string, digit: string, after: string) =>
      `${before}${digit === '9' ? '0' : String(Number(digit) + 1)}${after}`,
  );
  if (changed === xml) throw new Error('no context identifier to change');
  return changed;
}

function removeKeyInfoCertificate(xml: string): string {
  const changed = xml.replace(/<(\w+:)?X509Data>[\s\S]*?<\/\1X509Data>/g, '');
  if (changed === xml) throw new Error('no X509Data to remove');
  return changed;
}

/** An edit, what `xmlsec1 --verify` says of the result, and what our verification must say. */
export interface SignedFileEdit {
  readonly name: string;
  readonly edit: (signed: Uint8Array) => Uint8Array;
  /** `xmlsec1 --verify` with the signer's certificate trusted, the key taken from KeyInfo. */
  readonly xmlsec1: 'OK' | 'FAIL';
  /** `valid`, or the CryptoError code that refuses the file. */
  readonly expected: 'valid' | CryptoErrorCode;
}

export const SIGNED_FILE_EDITS: readonly SignedFileEdit[] = [
  { name: 'untouched', edit: (signed) => signed, xmlsec1: 'OK', expected: 'valid' },
  {
    name: 're-indented',
    edit: (signed) => encode(reindent(decode(signed))),
    xmlsec1: 'FAIL',
    expected: 'signature-digest-mismatch',
  },
  {
    name: 'saved with a UTF-8 byte order mark',
    edit: (signed) => Uint8Array.of(0xef, 0xbb, 0xbf, ...signed),
    xmlsec1: 'OK',
    expected: 'valid',
  },
  {
    name: 'saved with CRLF line ends',
    edit: (signed) => encode(decode(signed).replace(/\r?\n/g, '\r\n')),
    xmlsec1: 'OK',
    expected: 'valid',
  },
  {
    name: 'one character of the signed request changed',
    edit: (signed) => encode(changeOneSignedCharacter(decode(signed))),
    xmlsec1: 'FAIL',
    expected: 'signature-digest-mismatch',
  },
  {
    name: 'a byte of the SignatureValue flipped',
    edit: (signed) => encode(flipSignatureValueByte(decode(signed))),
    xmlsec1: 'FAIL',
    expected: 'signature-value-invalid',
  },
  {
    name: 'the KeyInfo certificate removed',
    edit: (signed) => encode(removeKeyInfoCertificate(decode(signed))),
    xmlsec1: 'FAIL',
    expected: 'signature-certificate-missing',
  },
];

/**
 * What XAdES-T software adds after signing, and legitimately: unsigned properties (a signature time
 * stamp) beside the SignedProperties. No Reference covers them, so the signature stays valid.
 */
export function addSignatureTimeStamp(signed: Uint8Array): Uint8Array {
  const xml = decode(signed);
  const changed = xml.replace(
    '</xades:SignedProperties>',
    '</xades:SignedProperties><xades:UnsignedProperties><xades:UnsignedSignatureProperties>' +
      '<xades:SignatureTimeStamp><xades:EncapsulatedTimeStamp>AAAA</xades:EncapsulatedTimeStamp>' +
      '</xades:SignatureTimeStamp></xades:UnsignedSignatureProperties></xades:UnsignedProperties>',
  );
  if (changed === xml) throw new Error('no SignedProperties to add to');
  return encode(changed);
}
