import type { KsefEnvironment, KsefPurpose, NameAttribute } from './certificate-summary';
import { OID } from './oids';

/** What KSeF appends to the CN of an Authentication certificate (docs/ksef-contract.md §7, observed). */
export const AUTHENTICATION_SUFFIX = ' (uwierzytelnienie)';
/** What KSeF appends to the CN of an Offline certificate (docs/ksef-contract.md §7, maintainer in ksef-api#378). */
export const OFFLINE_SUFFIX = ' (offline)';

type Signal = 'Authentication' | 'Offline' | null;

/**
 * Tells an Authentication from an Offline KSeF certificate by the two signals KSeF gives (docs/ksef-contract.md §7,
 * ksef-api#378): keyUsage — Authentication certificates carry digitalSignature, Offline ones
 * nonRepudiation — and the CN suffix ` (uwierzytelnienie)` or ` (offline)`.
 *
 * Exact rule: the keyUsage signal is Offline when nonRepudiation is set, else Authentication when
 * digitalSignature is set, else none; the CN signal is Authentication or Offline by suffix (case-
 * sensitive), else none. Both signals present and equal, or only one present: that purpose. Both
 * present and different, or neither: `'not-ksef'`.
 *
 * This looks only at the certificate's own content; any certificate with those key usages qualifies,
 * so read it together with `ksefEnvironment` of the issuer.
 */
export function ksefPurpose(keyUsage: readonly string[], commonName: string | null): KsefPurpose {
  const byKeyUsage: Signal = keyUsage.includes('nonRepudiation')
    ? 'Offline'
    : keyUsage.includes('digitalSignature')
      ? 'Authentication'
      : null;
  const byName: Signal =
    commonName?.endsWith(AUTHENTICATION_SUFFIX) === true
      ? 'Authentication'
      : commonName?.endsWith(OFFLINE_SUFFIX) === true
        ? 'Offline'
        : null;
  if (byKeyUsage !== null && byName !== null) return byKeyUsage === byName ? byKeyUsage : 'not-ksef';
  return byKeyUsage ?? byName ?? 'not-ksef';
}

/** Issuer CNs of the KSeF CAs (docs/ksef-contract.md §7) and of the local sandbox CA. */
const ISSUERS: ReadonlyMap<string, KsefEnvironment> = new Map([
  ['TEST CCK KSeF', 'test'],
  ['CCK KSeF', 'prod'],
  ['SANDBOX CCK KSeF', 'sandbox'],
]);

/**
 * Which KSeF environment issued a certificate, from the issuer's commonName: `TEST CCK KSeF` → test,
 * `CCK KSeF` → prod, `SANDBOX CCK KSeF` → sandbox (exact, case-sensitive). No CN, several CNs or any
 * other CN → `'unknown'`. A label for display, not a trust decision: anyone can put these names in a
 * self-signed certificate.
 */
export function ksefEnvironment(issuer: readonly NameAttribute[]): KsefEnvironment {
  const names = issuer.filter((a) => a.type === OID.commonName);
  const [only] = names;
  if (names.length !== 1 || only === undefined) return 'unknown';
  return ISSUERS.get(only.value) ?? 'unknown';
}

/**
 * The CN without the suffix KSeF appends (` (uwierzytelnienie)` or ` (offline)`), i.e. the name as the
 * user asked for it and as `CertificateListItem.commonName` shows it. Other CNs come back unchanged.
 */
export function stripKsefSuffix(commonName: string): string {
  for (const suffix of [AUTHENTICATION_SUFFIX, OFFLINE_SUFFIX]) {
    if (commonName.endsWith(suffix)) return commonName.slice(0, -suffix.length);
  }
  return commonName;
}
