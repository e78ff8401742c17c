import type { CertificateListItemStatus } from '../../ksef/certificate-schemas';
import type { KsefCertificateType } from '../../ksef/common-schemas';

/** What the list asks KSeF for; `expiresBefore` is applied to each page here (KSeF filters only "after"). */
export interface ListFilters {
  readonly status: CertificateListItemStatus | null;
  readonly type: KsefCertificateType | null;
  /** Part of the name, any case; empty for all. */
  readonly name: string;
  /** `YYYY-MM-DD` (local day): only certificates whose validity ends before that day; `null` for all. */
  readonly expiresBefore: string | null;
}

export const NO_FILTERS: ListFilters = { status: null, type: null, name: '', expiresBefore: null };
