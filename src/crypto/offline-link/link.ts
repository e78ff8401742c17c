import { fromBase64, toBase64Url } from '../../lib/bytes';
import { isValidNip } from '../polish-identifiers';

/**
 * The KOD I and KOD II verification links (docs/ksef-contract.md §9): their hosts, the string KOD II
 * signs, building them and reading KOD II back strictly, with one fault code per kind of mistake.
 * Pure string work; signing and verifying are in `sign.ts` and `verify.ts`.
 */

/** Where a link points. `sandbox` is this project's local KSeF double (`server/sandbox/qr-verification.ts`). */
export type LinkEnvironment = 'sandbox' | 'test' | 'demo' | 'prod';

/**
 * QR hosts per environment (docs/ksef-contract.md §2, the official table of `kody-qr.md`). The host is part
 * of the signed string, so a signature is bound to its environment. The sandbox has no public host: its
 * links name a `.localhost` one (RFC 6761), which nothing outside this machine resolves.
 */
export const QR_HOSTS: Readonly<Record<LinkEnvironment, string>> = {
  sandbox: 'qr-sandbox.localhost',
  test: 'qr-test.ksef.mf.gov.pl',
  demo: 'qr-demo.ksef.mf.gov.pl',
  prod: 'qr.ksef.mf.gov.pl',
};

/** Hosts of the 2025 links (`/client-app/certificate/...`, standard base64 DER signatures), no longer valid. */
const OBSOLETE_HOSTS = new Set(['ksef-test.mf.gov.pl', 'ksef-demo.mf.gov.pl', 'ksef.mf.gov.pl']);

/** The label printed under KOD II (`kody-qr.md`). */
export const CERTIFICATE_LINK_LABEL = 'CERTYFIKAT';
/** The label under KOD I while the invoice has no KSeF number yet (`kody-qr.md`). */
export const OFFLINE_INVOICE_LABEL = 'OFFLINE';

/** The login-context types, spelled as the link spells them (`AuthenticationContextIdentifierType`). */
export const CONTEXT_TYPES = ['Nip', 'InternalId', 'NipVatUe', 'PeppolId'] as const;
export type ContextType = (typeof CONTEXT_TYPES)[number];

/** True for one of `CONTEXT_TYPES`, spelled exactly. */
export function isContextType(text: string): text is ContextType {
  return (CONTEXT_TYPES as readonly string[]).includes(text);
}

/** What KOD II carries besides its signature. `invoiceHash` is the SHA-256 of the invoice file, Base64URL. */
export interface CertificateLinkFields {
  readonly environment: LinkEnvironment;
  readonly contextType: ContextType;
  readonly contextValue: string;
  readonly sellerNip: string;
  /** The certificate's serial: 16 upper-case hex digits. */
  readonly certificateSerial: string;
  /** SHA-256 of the invoice file's bytes, Base64URL without padding (43 characters). */
  readonly invoiceHash: string;
}

/** A KOD II link read back: its fields, the string that was signed and the signature's bytes. */
export interface ParsedCertificateLink extends CertificateLinkFields {
  readonly signedString: string;
  readonly signature: Uint8Array;
}

/** Why a text is not a well-formed KOD II link; one code per mistake, so each gets its own message. */
export type LinkFault =
  | 'empty'
  /** The signed string itself (no `https://`), or another text without a scheme. */
  | 'missing-scheme'
  | 'not-https'
  | 'unknown-host'
  /** A 2025 link (`ksef-test.mf.gov.pl/client-app/certificate/...`), replaced by the `qr-*` hosts. */
  | 'obsolete-link'
  | 'query-or-fragment'
  /** A KOD I (invoice) link where KOD II was expected. */
  | 'invoice-link'
  | 'not-certificate-link'
  | 'trailing-slash'
  | 'wrong-part-count'
  | 'context-type-unknown'
  | 'context-value-invalid'
  | 'seller-nip-invalid'
  /** Not 16 upper-case hex digits. */
  | 'serial-invalid'
  /** The hash as 64 hex digits instead of Base64URL. */
  | 'hash-hex'
  /** The hash with `=` padding. */
  | 'hash-padded'
  /** The hash in standard base64 (`+`). */
  | 'hash-standard-base64'
  /** Not 43 Base64URL characters encoding 32 bytes. */
  | 'hash-invalid'
  | 'signature-padded'
  | 'signature-standard-base64'
  /** Not Base64URL (or not its canonical form). */
  | 'signature-invalid';

/** A result, not an exception: a malformed link is the verifier's ordinary answer. */
export type LinkParse =
  { readonly ok: true; readonly link: ParsedCertificateLink } | { readonly ok: false; readonly fault: LinkFault };

const SERIAL = /^[0-9A-F]{16}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const NIP = String.raw`[1-9](?:\d[1-9]|[1-9]\d)\d{7}`;
/** `InternalId`, `NipVatUe` and `PeppolId` as `open-api.json` writes them. */
const CONTEXT_PATTERNS: Readonly<Record<Exclude<ContextType, 'Nip'>, RegExp>> = {
  InternalId: new RegExp(String.raw`^${NIP}-\d{5}$`),
  NipVatUe: new RegExp(
    String.raw`^${NIP}-(?:ATU\d{8}|BE[01]\d{9}|BG\d{9,10}|CY\d{8}[A-Z]|CZ\d{8,10}|DE\d{9}|DK\d{8}|EE\d{9}|EL\d{9}|ES(?:[A-Z]\d{8}|\d{8}[A-Z]|[A-Z]\d{7}[A-Z])|FI\d{8}|FR[A-Z0-9]{2}\d{9}|HR\d{11}|HU\d{8}|IE(?:\d{7}[A-Z]{2}|\d[A-Z0-9+*]\d{5}[A-Z])|IT\d{11}|LT(?:\d{9}|\d{12})|LU\d{8}|LV\d{11}|MT\d{8}|NL[A-Z0-9+*]{12}|PT\d{9}|RO\d{2,10}|SE\d{12}|SI\d{8}|SK\d{10}|XI(?:\d{9}|\d{12}|(?:GD|HA)\d{3}))$`,
  ),
  PeppolId: /^P[A-Z]{2}\d{6}$/,
};

/** Base64URL without padding, the only encoding of the hash and the signature in a link. */
export function base64Url(bytes: Uint8Array): string {
  return toBase64Url(bytes);
}

/**
 * Decodes canonical Base64URL without padding (RFC 4648 §5): `null` for other characters, padding, an
 * impossible length or unused bits that are not zero, so one byte string has exactly one spelling.
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const bytes = fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return bytes !== null && toBase64Url(bytes) === text ? bytes : null;
}

/**
 * The fault of the first field that KSeF would not accept, or `null`: context value by its type (a NIP with
 * its check digit), seller NIP, serial, hash. Used for building and for reading, so both agree.
 */
export function checkFields(fields: Omit<CertificateLinkFields, 'environment'>): LinkFault | null {
  if (!isContextType(fields.contextType)) return 'context-type-unknown';
  const contextOk =
    fields.contextType === 'Nip'
      ? isValidNip(fields.contextValue)
      : CONTEXT_PATTERNS[fields.contextType].test(fields.contextValue) &&
        (fields.contextType === 'PeppolId' || isValidNip(fields.contextValue.slice(0, 10)));
  if (!contextOk) return 'context-value-invalid';
  if (!isValidNip(fields.sellerNip)) return 'seller-nip-invalid';
  if (!SERIAL.test(fields.certificateSerial)) return 'serial-invalid';
  return hashFault(fields.invoiceHash);
}

function hashFault(hash: string): LinkFault | null {
  if (/^[0-9A-Fa-f]{64}$/.test(hash)) return 'hash-hex';
  if (hash.endsWith('=')) return 'hash-padded';
  if (hash.includes('+')) return 'hash-standard-base64';
  return hash.length === 43 && fromBase64Url(hash)?.length === 32 ? null : 'hash-invalid';
}

function signatureFault(signature: string): LinkFault | null {
  if (signature.endsWith('=')) return 'signature-padded';
  if (signature.includes('+')) return 'signature-standard-base64';
  return fromBase64Url(signature) === null ? 'signature-invalid' : null;
}

/**
 * What KOD II signs: the link without `https://` and without a trailing `/`, up to and including the
 * invoice hash, e.g. `qr-test.ksef.mf.gov.pl/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/UtQp...`.
 * Its UTF-8 bytes (all ASCII) are hashed once with SHA-256 by the signature algorithm.
 */
export function certificateSignedString(fields: CertificateLinkFields): string {
  return [
    QR_HOSTS[fields.environment],
    'certificate',
    fields.contextType,
    fields.contextValue,
    fields.sellerNip,
    fields.certificateSerial,
    fields.invoiceHash,
  ].join('/');
}

/** The whole KOD II link: `https://` + the signed string + `/` + the signature in Base64URL. */
export function buildCertificateLink(fields: CertificateLinkFields, signature: Uint8Array): string {
  return `https://${certificateSignedString(fields)}/${base64Url(signature)}`;
}

/**
 * KOD I: `https://{host}/invoice/{sellerNip}/{P_1 as DD-MM-YYYY}/{invoiceHash}` (`kody-qr.md`).
 * `issueDate` is `P_1` as the invoice writes it, `YYYY-MM-DD`.
 *
 * @throws RangeError when `issueDate` is not a calendar date `YYYY-MM-DD`, the NIP is invalid or the hash
 *   is not 43 Base64URL characters (callers check these first; this only refuses to write a wrong link).
 */
export function buildInvoiceLink(input: {
  readonly environment: LinkEnvironment;
  readonly sellerNip: string;
  readonly issueDate: string;
  readonly invoiceHash: string;
}): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.issueDate);
  if (date === null || !isCalendarDate(input.issueDate)) throw new RangeError('issueDate must be YYYY-MM-DD');
  if (!isValidNip(input.sellerNip)) throw new RangeError('sellerNip is not a valid NIP');
  if (hashFault(input.invoiceHash) !== null) throw new RangeError('invoiceHash must be 43 Base64URL characters');
  const [, year, month, day] = date;
  return `https://${QR_HOSTS[input.environment]}/invoice/${input.sellerNip}/${day}-${month}-${year}/${input.invoiceHash}`;
}

/** True for `YYYY-MM-DD` naming a real day of the Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const ENVIRONMENT_BY_HOST: ReadonlyMap<string, LinkEnvironment> = new Map(
  (Object.entries(QR_HOSTS) as [LinkEnvironment, string][]).map(([environment, host]) => [host, environment]),
);

/**
 * Reads a KOD II link strictly (surrounding whitespace from a paste aside): `https://`, a known QR host,
 * `/certificate/` and exactly six parts, each in the one form KSeF writes. Percent-encoding is not
 * decoded: no part of a valid link needs it.
 */
export function parseCertificateLink(text: string): LinkParse {
  const fail = (fault: LinkFault): LinkParse => ({ ok: false, fault });
  const link = text.trim();
  if (link === '') return fail('empty');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(link);
  if (scheme === null) return fail('missing-scheme');
  if (scheme[1] !== 'https') return fail('not-https');
  const rest = link.slice(scheme[0].length);
  if (/[?#]/.test(rest)) return fail('query-or-fragment');
  const [host = '', ...parts] = rest.split('/');
  const environment = ENVIRONMENT_BY_HOST.get(host);
  if (environment === undefined) return fail(OBSOLETE_HOSTS.has(host.toLowerCase()) ? 'obsolete-link' : 'unknown-host');
  if (parts[0] === 'invoice') return fail('invoice-link');
  if (parts[0] !== 'certificate') return fail('not-certificate-link');
  if (parts.length === 8 && parts[7] === '') return fail('trailing-slash');
  if (parts.length !== 7) return fail('wrong-part-count');
  const [
    ,
    contextType = '',
    contextValue = '',
    sellerNip = '',
    certificateSerial = '',
    invoiceHash = '',
    signature = '',
  ] = parts;
  if (!isContextType(contextType)) return fail('context-type-unknown');
  const fields: CertificateLinkFields = {
    environment,
    contextType,
    contextValue,
    sellerNip,
    certificateSerial,
    invoiceHash,
  };
  const fieldFault = checkFields(fields) ?? signatureFault(signature);
  if (fieldFault !== null) return fail(fieldFault);
  const signatureBytes = fromBase64Url(signature);
  if (signatureBytes === null) return fail('signature-invalid');
  return { ok: true, link: { ...fields, signedString: certificateSignedString(fields), signature: signatureBytes } };
}
