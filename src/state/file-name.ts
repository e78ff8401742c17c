import type { CertificateSummary } from '../crypto/certificate-summary';

const MAX_BASE_LENGTH = 80;

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O' };

/**
 * Turns any text into a file name safe on every common file system: ASCII letters, digits, `.`, `_`
 * and `-` only (Polish letters lose their diacritics), no leading dot, at most 80 characters.
 * Returns `fallback` when nothing usable is left.
 */
export function safeFileName(text: string, fallback: string): string {
  const ascii = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁßæÆøØ]/g, (c) => UNDECOMPOSED[c] ?? '');
  const safe = ascii
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_BASE_LENGTH)
    .replace(/[-.]+$/g, '');
  return safe === '' ? fallback : safe;
}

/**
 * The base name of every file the wizard saves for an application (`<base>.key`, `.crt`, `.pfx`,
 * `.ics`), from its certificate name: "Księgowość Żółw 2026" gives `Ksiegowosc-Zolw-2026`. The one
 * place those names come from, so every screen names the file that was saved.
 */
export function applicationFileBase(certificateName: string): string {
  return safeFileName(certificateName, 'certyfikat');
}

/** The `.key` file of an application, named after its certificate name (`applicationFileBase`). */
export function keyFileName(certificateName: string): string {
  return `${applicationFileBase(certificateName)}.key`;
}

/**
 * The base name of files the checker saves for a certificate: the owner's name and the serial number
 * (`Jan-Kowalski_01F20A5D352AE590`), so an Authentication and an Offline certificate of one
 * owner do not overwrite each other.
 */
export function certificateFileBase(certificate: Pick<CertificateSummary, 'ownerName' | 'serialHex'>): string {
  const serial = safeFileName(certificate.serialHex, '');
  const owner = certificate.ownerName === null ? '' : safeFileName(certificate.ownerName, '');
  const base = [owner, serial].filter((part) => part !== '').join('_');
  return base === '' ? 'certyfikat' : base;
}
