import { CryptoError } from '../errors';
import { isElement, parseXml } from '../xml-platform';
import { OfflineLinkError } from './errors';
import { base64Url, isCalendarDate } from './link';
import { isValidNip } from '../polish-identifiers';

/** Namespace of the FA(3) invoice schema (in force since 1 February 2026). */
export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';
/** Namespace of FA(2), which FA(3) replaced. */
const FA2_NAMESPACE = 'http://crd.gov.pl/wzor/2023/06/29/12648/';

/** KSeF's largest invoice file (with attachments) is 3 MB; nothing larger is parsed. */
export const MAX_INVOICE_BYTES = 3 * 1024 * 1024;

/** What the links need from an invoice. */
export interface InvoiceFacts {
  /** SHA-256 of the file's bytes exactly as given, Base64URL without padding (43 characters). */
  readonly invoiceHash: string;
  /** `Podmiot1/DaneIdentyfikacyjne/NIP`: the seller's NIP, the link's `sellerNip`. */
  readonly sellerNip: string;
  /** `Fa/P_1`, the issue date, `YYYY-MM-DD`: KOD I writes it as `DD-MM-YYYY`. */
  readonly issueDate: string;
}

/** SHA-256 of a file's bytes in Base64URL without padding: the links' `invoiceHash`. */
export async function invoiceHash(bytes: Uint8Array, crypto: Crypto = globalThis.crypto): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(bytes))));
}

/**
 * Reads an FA(3) invoice with the strict XML reader (`parseXml`: no DOCTYPE, bounded nesting; in a worker
 * or Node the strict @xmldom/xmldom of `src/lib/xml-dom.ts`) for the seller's NIP and the issue date, and
 * hashes its bytes as they are (a BOM or CRLF changes the hash, as it changes KSeF's).
 *
 * @throws OfflineLinkError `invoice-empty`, `invoice-too-large`, `invoice-not-utf8`, `invoice-not-xml`,
 *   `invoice-fa2`, `invoice-not-fa3`, `invoice-seller-nip-missing` / `-invalid`, `invoice-date-missing` /
 *   `-invalid`.
 */
export async function readInvoice(bytes: Uint8Array, crypto: Crypto = globalThis.crypto): Promise<InvoiceFacts> {
  if (bytes.length === 0) throw new OfflineLinkError('invoice-empty', 'The invoice file is empty');
  if (bytes.length > MAX_INVOICE_BYTES)
    throw new OfflineLinkError('invoice-too-large', 'The invoice file is over 3 MB');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    if (cause instanceof TypeError)
      throw new OfflineLinkError('invoice-not-utf8', 'The invoice is not UTF-8', { cause });
    throw cause;
  }
  const root = parseInvoiceXml(text).documentElement;
  if (root?.localName !== 'Faktura' || root.namespaceURI !== FA3_NAMESPACE) {
    if (root?.namespaceURI === FA2_NAMESPACE) throw new OfflineLinkError('invoice-fa2', 'An FA(2) invoice');
    throw new OfflineLinkError('invoice-not-fa3', 'Not an FA(3) invoice');
  }
  const nip = only(root, ['Podmiot1', 'DaneIdentyfikacyjne', 'NIP']);
  if (nip === null) throw new OfflineLinkError('invoice-seller-nip-missing', 'Podmiot1 has no NIP');
  const sellerNip = nip.trim();
  if (!isValidNip(sellerNip)) throw new OfflineLinkError('invoice-seller-nip-invalid', 'The seller NIP is not valid');
  const date = only(root, ['Fa', 'P_1']);
  if (date === null) throw new OfflineLinkError('invoice-date-missing', 'The invoice has no P_1');
  const issueDate = date.trim();
  if (!isCalendarDate(issueDate)) throw new OfflineLinkError('invoice-date-invalid', 'P_1 is not a date');
  return { invoiceHash: await invoiceHash(bytes, crypto), sellerNip, issueDate };
}

function parseInvoiceXml(text: string): Document {
  try {
    return parseXml(text);
  } catch (cause) {
    if (cause instanceof CryptoError) {
      throw new OfflineLinkError('invoice-not-xml', 'The invoice is not well-formed XML', { cause });
    }
    throw cause;
  }
}

/** The text of the one FA(3) element at `path` below `root`; `null` when there is none or more than one. */
function only(root: Element, path: readonly string[]): string | null {
  let current: Element = root;
  for (const name of path) {
    const found = Array.from(current.childNodes).filter(
      (node) => isElement(node) && node.localName === name && node.namespaceURI === FA3_NAMESPACE,
    );
    const [first] = found;
    if (found.length !== 1 || first === undefined || !isElement(first)) return null;
    current = first;
  }
  return current.textContent;
}
