import { fromBase64, toBase64 } from '../lib/bytes';
import { CryptoError } from './errors';

/** One `-----BEGIN <label>-----` block (RFC 7468), with any RFC 1421 headers it carried. */
export interface PemBlock {
  readonly label: string;
  /** RFC 1421 style headers, e.g. `Proc-Type: 4,ENCRYPTED`; empty for RFC 7468 PEM. */
  readonly headers: ReadonlyMap<string, string>;
  readonly der: Uint8Array<ArrayBuffer>;
}

/** What a file's bytes are, by content (never by file name). */
export type FileEncoding =
  | { readonly kind: 'pem'; readonly blocks: readonly PemBlock[] }
  | { readonly kind: 'der'; readonly der: Uint8Array<ArrayBuffer> };

const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;

/**
 * Splits PEM text into its blocks. Text outside blocks (e.g. `openssl x509 -text` output, "Bag
 * Attributes" lines of `openssl pkcs12`) is ignored.
 *
 * @throws CryptoError `corrupt-file` when a block has no matching END line or its body is not base64.
 */
export function parsePem(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BEGIN)) {
    const label = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length;
    const endMarker = `-----END ${label}-----`;
    const end = text.indexOf(endMarker, start);
    if (end < 0) {
      throw new CryptoError('corrupt-file', `PEM block "${label}" has no END line (truncated file?)`);
    }
    const body = text.slice(start, end);
    const headers = new Map<string, string>();
    let base64Part = body;
    const headerEnd = body.search(/\r?\n\r?\n/);
    if (headerEnd >= 0 && /^\s*[A-Za-z-]+:/.test(body)) {
      for (const line of body.slice(0, headerEnd).split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
      base64Part = body.slice(headerEnd);
    }
    const der = fromBase64(base64Part);
    if (der === null || der.length === 0) {
      throw new CryptoError('corrupt-file', `PEM block "${label}" does not hold valid base64`);
    }
    blocks.push({ label, headers, der });
  }
  return blocks;
}

/** Encodes DER as PEM with 64-character lines and a trailing newline (RFC 7468 §2). */
export function encodePem(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The command that turns a Java keystore into a PFX (keytool asks for both passwords). */
export const JKS_CONVERSION_HINT =
  'keytool -importkeystore -srckeystore store.jks -destkeystore store.p12 -deststoretype PKCS12';

/** JKS starts with the magic 0xFEEDFEED, JCEKS with 0xCECECECE (big-endian, then the version). */
function isJavaKeystore(bytes: Uint8Array): boolean {
  const magic = bytes.length >= 8 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) : 0;
  return magic === 0xfeedfeed || magic === 0xcececece;
}

/**
 * Tells PEM from DER by content. Text that is only base64 (no armour, as KSeF returns certificates)
 * is decoded and treated as DER.
 *
 * @throws CryptoError `empty-file` for zero bytes; `java-keystore` for a JKS or JCEKS file; `corrupt-file` for broken PEM; `unrecognized-file`
 *   for bytes that are neither PEM nor something that starts like DER.
 */
export function decodeFileBytes(bytes: Uint8Array): FileEncoding {
  if (bytes.length === 0) throw new CryptoError('empty-file', 'The file is empty');
  if (isJavaKeystore(bytes)) {
    throw new CryptoError(
      'java-keystore',
      `This is a Java keystore; convert it to PKCS#12 with: ${JKS_CONVERSION_HINT}`,
    );
  }
  // DER of every structure we read starts with a SEQUENCE tag; PEM and base64 are ASCII text.
  if (bytes[0] === 0x30) return { kind: 'der', der: Uint8Array.from(bytes) };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 5 * 1024 * 1024));
  if (text.includes('-----BEGIN ')) {
    const blocks = parsePem(text);
    if (blocks.length > 0) return { kind: 'pem', blocks };
  }
  const trimmed = text.trim();
  if (trimmed.length >= 16 && /^[A-Za-z0-9+/=\s]+$/.test(trimmed)) {
    const der = fromBase64(trimmed);
    if (der !== null && der[0] === 0x30) return { kind: 'der', der };
  }
  throw new CryptoError('unrecognized-file', 'The file is neither PEM nor DER');
}
