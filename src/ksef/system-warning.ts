/**
 * The `X-System-Warning` response header (KSeF 2.6.0, docs/ksef-contract.md §3.2): ASCII-folded text of the form
 * `[code]: message | [code]: message`. Observed: `sig-001`, a signature outside the accepted XAdES
 * profiles that KSeF still accepts today (issue CIRFMF/ksef-api#844).
 */
export interface SystemWarning {
  /** The bracketed code, e.g. `sig-001`; {@link UNPARSED_WARNING_CODE} when the header had no such item. */
  readonly code: string;
  readonly message: string;
}

/** Code given to a non-empty header that does not follow the `[code]: message` format. */
export const UNPARSED_WARNING_CODE = 'unparsed';

/** Name of the response header, for relays and tests. */
export const SYSTEM_WARNING_HEADER = 'X-System-Warning';

// The per-item expression docs/ksef-contract.md §3.2 quotes, made global.
const ITEM = /\[([^\]]+)\]: ([^|]+)/g;

/**
 * Splits an `X-System-Warning` value into warnings. `null` or blank gives `[]`; a value without any
 * `[code]: message` item is kept whole under {@link UNPARSED_WARNING_CODE} rather than dropped.
 */
export function parseSystemWarnings(header: string | null): SystemWarning[] {
  if (header === null || header.trim() === '') return [];
  const warnings: SystemWarning[] = [];
  for (const [, code, message] of header.matchAll(ITEM)) {
    if (code !== undefined && message !== undefined && message.trim() !== '') {
      warnings.push({ code: code.trim(), message: message.trim() });
    }
  }
  return warnings.length > 0 ? warnings : [{ code: UNPARSED_WARNING_CODE, message: header.trim() }];
}
