/**
 * The list's rows as the screen shows them: dates read, days left counted, and whether a row must
 * stand out (expiring within 30 days, or not active). Fields KSeF may leave out (`unread` in
 * `certificate-schemas.ts`) are `null` here, never guessed.
 */
import type {
  CertificateListItem,
  CertificateListItemStatus,
  CertificateSubjectIdentifier,
  QueryCertificatesRequest,
} from '../../ksef/certificate-schemas';
import type { KsefCertificateType } from '../../ksef/common-schemas';
import { parseKsefDateTime } from '../../ksef/date-time';
import type { ListFilters } from './filters';

/** Rows expiring within this many days stand out. */
export const EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

export interface CertificateRow {
  readonly serialNumber: string;
  readonly status: CertificateListItemStatus;
  readonly name: string | null;
  readonly type: KsefCertificateType | null;
  readonly owner: CertificateSubjectIdentifier | null;
  readonly validFrom: Date | null;
  readonly validTo: Date | null;
  readonly lastUse: Date | null;
  readonly requestDate: Date | null;
  /** Whole days until `validTo` (0 on its last day, negative once past); `null` without a `validTo`. */
  readonly daysLeft: number | null;
  /** Active and ending within `EXPIRY_WARNING_DAYS`. */
  readonly expiringSoon: boolean;
}

const dateOrNull = (text: string | null | undefined): Date | null =>
  text === null || text === undefined ? null : parseKsefDateTime(text);

/** One list item as a row, at `now`. */
export function toRow(item: CertificateListItem, now: Date): CertificateRow {
  const validTo = dateOrNull(item.validTo);
  const daysLeft = validTo === null ? null : Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
  return {
    serialNumber: item.certificateSerialNumber,
    status: item.status,
    name: item.name ?? null,
    type: item.type ?? null,
    owner: item.subjectIdentifier ?? null,
    validFrom: dateOrNull(item.validFrom),
    validTo,
    lastUse: dateOrNull(item.lastUseDate),
    requestDate: dateOrNull(item.requestDate),
    daysLeft,
    expiringSoon: item.status === 'Active' && daysLeft !== null && daysLeft < EXPIRY_WARNING_DAYS,
  };
}

/** Newest request first, as KSeF sorts; rows without a request date last, then by serial. */
export function newestFirst(rows: readonly CertificateRow[]): CertificateRow[] {
  return [...rows].sort(
    (a, b) =>
      (b.requestDate?.getTime() ?? -Infinity) - (a.requestDate?.getTime() ?? -Infinity) ||
      a.serialNumber.localeCompare(b.serialNumber),
  );
}

/**
 * The rows ending before the start of the local day `expiresBefore` (`YYYY-MM-DD`), and how many
 * were left out. A row without `validTo` is left out too: nothing says when it ends.
 */
export function keepExpiringBefore(
  rows: readonly CertificateRow[],
  expiresBefore: string | null,
): { readonly rows: readonly CertificateRow[]; readonly hidden: number } {
  if (expiresBefore === null) return { rows, hidden: 0 };
  const limit = localDayStart(expiresBefore);
  const kept = rows.filter((row) => row.validTo !== null && row.validTo.getTime() < limit.getTime());
  return { rows: kept, hidden: rows.length - kept.length };
}

/** The body of POST /certificates/query for `filters`: only the filters KSeF applies itself. */
export function queryOf(filters: ListFilters): QueryCertificatesRequest {
  const name = filters.name.trim();
  return {
    ...(filters.status === null ? {} : { status: filters.status }),
    ...(filters.type === null ? {} : { type: filters.type }),
    ...(name === '' ? {} : { name }),
  };
}

function localDayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
}
