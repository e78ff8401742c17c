/**
 * The list: limits and one page of POST /certificates/query (50 rows, KSeF's largest page, so 200
 * certificates take four requests of the 120 an hour KSeF allows), filters, paging; and this
 * browser's own application records for the environment.
 */
import type { KsefEnvironment } from '../../ksef/environments';
import { readApplicationRecords, type ApplicationRecord } from '../apply/records';
import { CertificatesError, settleFailure } from './errors';
import { ksefClient } from './ksef-client';
import { NO_FILTERS, type ListFilters } from './filters';
import { keepExpiringBefore, newestFirst, queryOf, toRow } from './rows';
import { seams } from './seams';
import { useCertificatesStore } from './store';
import { vault } from './vault';

/** Rows asked for per page (KSeF allows 10 to 50). */
export const PAGE_SIZE = 50;

const set = useCertificatesStore.setState;
const get = useCertificatesStore.getState;

/** The filters of the list shown (or being loaded), or none. */
function currentFilters(): ListFilters {
  const { list } = get();
  return list.status === 'idle' ? NO_FILTERS : list.filters;
}

/**
 * Loads the limits and page `page` (from 0) of the list with `filters` (the current ones by default).
 * The selection and the last download, pairing and revocation results are kept only for page changes.
 */
export async function loadList(filters: ListFilters = currentFilters(), page = 0): Promise<void> {
  const { environment } = get();
  const session = vault.session;
  set({ list: { status: 'loading', filters, page }, limits: { status: 'loading' } });
  try {
    if (environment === null || session === null)
      throw new CertificatesError(session === null ? 'session-expired' : 'wrong-step', 'Sign in first');
    const client = await ksefClient(environment);
    const [limits, answer] = await Promise.all([
      client.getCertificateLimits(session.tokens),
      client.queryCertificates(session.tokens, queryOf(filters), { pageSize: PAGE_SIZE, pageOffset: page }),
    ]);
    const now = seams().now();
    const rows = newestFirst(answer.certificates.map((item) => toRow(item, now)));
    const shown = keepExpiringBefore(rows, filters.expiresBefore);
    set({
      limits: { status: 'done', limits },
      list: {
        status: 'done',
        filters,
        page,
        rows: shown.rows,
        hiddenByExpiry: shown.hidden,
        // KSeF may leave `hasMore` out: then a full page may have more.
        hasMore: answer.hasMore ?? answer.certificates.length === PAGE_SIZE,
      },
    });
  } catch (error) {
    settleFailure(error, (problem) =>
      set({ list: { status: 'failed', filters, page, problem }, limits: { status: 'failed', problem } }),
    );
  }
}

/** Applies `filters` from the first page; the selection is cleared. */
export async function applyFilters(filters: ListFilters): Promise<void> {
  set({ selected: [] });
  await loadList(filters, 0);
}

/** The next (+1) or previous (-1) page with the same filters. */
export async function turnPage(direction: 1 | -1): Promise<void> {
  const { list } = get();
  if (list.status !== 'done' && list.status !== 'failed') return;
  if (direction === 1 && list.status === 'done' && !list.hasMore) return;
  const page = Math.max(0, list.page + direction);
  await loadList(list.filters, page);
}

/** Ticks or unticks `serialNumber` for "download again". */
export function toggleSelected(serialNumber: string, selected: boolean): void {
  const others = get().selected.filter((s) => s !== serialNumber);
  set({ selected: selected ? [...others, serialNumber] : others });
}

/** This browser's applications on `environment`, newest first (non-secret records, `src/state/apply/records.ts`). */
export function applicationsOn(environment: KsefEnvironment): ApplicationRecord[] {
  return readApplicationRecords(seams().storage).filter((record) => record.environment === environment);
}
