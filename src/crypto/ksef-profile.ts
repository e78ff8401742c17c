import type { CertificateSummary, NameAttribute } from './certificate-summary';
import { OID } from './oids';

/** What KSeF appends to the CN of an Authentication certificate (docs/ksef-contract.md §7, observed). */
export const AUTHENTICATION_SUFFIX = ' (uwierzytelnienie)';
/** What KSeF appends to the CN of an Offline certificate (docs/ksef-contract.md §7, maintainer in ksef-api#378). */
export const OFFLINE_SUFFIX = ' (offline)';

/** KSeF certificate type as the API names it (`KsefCertificateType`). */
export type KsefPurpose = 'Authentication' | 'Offline';

/**
 * Which KSeF environment issued a certificate. `test-or-demo`: the `TEST CCK KSeF` CA issues for both
 * TEST and DEMO (ksef-api#437) and nothing else in the certificate told them apart.
 */
export type CertificateEnvironment = 'prod' | 'demo' | 'test' | 'test-or-demo' | 'sandbox' | 'unknown';

/** What a certificate that KSeF did not issue is, as far as it can be told. */
export type NotKsefKind =
  /** qcStatements with QcCompliance and QcType esign (ETSI EN 319 412-5). */
  | 'qualified-signature'
  /** qcStatements with QcCompliance and QcType eseal. */
  | 'qualified-seal'
  /** qcStatements with QcCompliance, no (or another) QcType. */
  | 'qualified'
  /** A CA certificate (keyUsage keyCertSign), e.g. a KSeF CA itself. */
  | 'certificate-authority'
  /** Issuer equals subject and the signature verifies: a test identity such as the app makes. */
  | 'self-signed'
  /** Only encryption key usages, such as the Ministry's KSeF public-key certificates. */
  | 'encryption'
  | 'other';

/** What a certificate is, for KSeF: the one classification the checker and the sign-in rules share. */
export type CertificateClass =
  | { readonly kind: 'ksef'; readonly purpose: KsefPurpose; readonly environment: CertificateEnvironment }
  | { readonly kind: 'not-ksef'; readonly what: NotKsefKind };

/** What `classifyCertificate` reads. */
export type ClassifiedFacts = Pick<
  CertificateSummary,
  'subject' | 'issuer' | 'keyUsage' | 'selfSigned' | 'qcStatements' | 'crlDistributionPoints'
>;

/** QcCompliance and the QcType values (ETSI EN 319 412-5 §4.2.1, §4.2.3). */
export const QC_OID = {
  statements: '1.3.6.1.5.5.7.1.3',
  compliance: '0.4.0.1862.1.1',
  type: '0.4.0.1862.1.6',
  esign: '0.4.0.1862.1.6.1',
  eseal: '0.4.0.1862.1.6.2',
} as const;

/** Issuer CNs of the KSeF CAs (docs/ksef-contract.md §7) and of the local sandbox CA. */
const ISSUERS: ReadonlyMap<string, 'test-or-demo' | 'prod' | 'sandbox'> = new Map([
  ['TEST CCK KSeF', 'test-or-demo'],
  ['CCK KSeF', 'prod'],
  ['SANDBOX CCK KSeF', 'sandbox'],
]);

/** Hosts of the KSeF CRL distribution points (docs/ksef-contract.md §7; TEST observed, DEMO and production presumed). */
export const KSEF_CRL_HOSTS: ReadonlyMap<string, 'test' | 'demo' | 'prod'> = new Map([
  ['ksef-test.mf.gov.pl', 'test'],
  ['ksef-demo.mf.gov.pl', 'demo'],
  ['ksef.mf.gov.pl', 'prod'],
]);

/**
 * Says what a certificate is (docs/ksef-contract.md §7). It is a KSeF certificate only when a KSeF CA issued it
 * (issuer CN exactly `TEST CCK KSeF`, `CCK KSeF`, or the sandbox's `SANDBOX CCK KSeF`) or its CN ends in the
 * KSeF suffix, and key usage or the suffix gives it a purpose: the keyUsage signal is Offline for
 * nonRepudiation, else Authentication for digitalSignature; the suffix signal by ` (offline)` /
 * ` (uwierzytelnienie)`; one signal or two that agree decide, two that differ or none make it not a KSeF
 * certificate. Qualified certificates carry the same key usages (and KSeF's own certificates carry
 * qcStatements too), so the issuer comes first.
 *
 * Environment: the sandbox's CA → sandbox. Otherwise the hosts of the CRL distribution points decide
 * between TEST, DEMO and production when they all agree; the `TEST CCK KSeF` issuer allows TEST or DEMO
 * (`test-or-demo` when the CRL does not decide), `CCK KSeF` production (`unknown` when the CRL contradicts);
 * a suffix alone takes the CRL's answer or `unknown`.
 *
 * A label for display and early refusals, not a trust decision: anyone can write these names.
 */
export function classifyCertificate(c: ClassifiedFacts): CertificateClass {
  const commonName = c.subject.find((a) => a.type === OID.commonName)?.value ?? null;
  const issuer = issuerFamily(c.issuer);
  const bySuffix = suffixSignal(commonName);
  if (issuer === null && bySuffix === null) return { kind: 'not-ksef', what: notKsefKind(c) };
  const byKeyUsage = c.keyUsage.includes('nonRepudiation')
    ? 'Offline'
    : c.keyUsage.includes('digitalSignature')
      ? 'Authentication'
      : null;
  const purpose = byKeyUsage !== null && bySuffix !== null && byKeyUsage !== bySuffix ? null : (byKeyUsage ?? bySuffix);
  if (purpose === null) return { kind: 'not-ksef', what: notKsefKind(c) };
  return { kind: 'ksef', purpose, environment: environmentOf(issuer, crlEnvironment(c.crlDistributionPoints)) };
}

function suffixSignal(commonName: string | null): KsefPurpose | null {
  if (commonName?.endsWith(AUTHENTICATION_SUFFIX) === true) return 'Authentication';
  if (commonName?.endsWith(OFFLINE_SUFFIX) === true) return 'Offline';
  return null;
}

/** The issuer's single CN looked up exactly (case-sensitive); none, several or another → `null`. */
function issuerFamily(issuer: readonly NameAttribute[]): 'test-or-demo' | 'prod' | 'sandbox' | null {
  const names = issuer.filter((a) => a.type === OID.commonName);
  const [only] = names;
  if (names.length !== 1 || only === undefined) return null;
  return ISSUERS.get(only.value) ?? null;
}

/** The environment the KSeF CRL distribution points name (other URIs aside), or `null` when none does or they differ. */
function crlEnvironment(uris: readonly string[]): 'test' | 'demo' | 'prod' | null {
  const found = new Set(
    uris.flatMap((uri) => {
      const environment = URL.canParse(uri) ? KSEF_CRL_HOSTS.get(new URL(uri).hostname) : undefined;
      return environment === undefined ? [] : [environment];
    }),
  );
  const [only] = found;
  return found.size === 1 && only !== undefined ? only : null;
}

function environmentOf(
  issuer: 'test-or-demo' | 'prod' | 'sandbox' | null,
  crl: 'test' | 'demo' | 'prod' | null,
): CertificateEnvironment {
  switch (issuer) {
    case 'sandbox':
      return 'sandbox';
    case 'prod':
      return crl === null || crl === 'prod' ? 'prod' : 'unknown';
    case 'test-or-demo':
      return crl === 'test' || crl === 'demo' ? crl : 'test-or-demo';
    case null:
      return crl ?? 'unknown';
  }
}

function notKsefKind(c: ClassifiedFacts): NotKsefKind {
  const qc = c.qcStatements;
  if (qc?.compliance === true) {
    if (qc.types.includes(QC_OID.esign)) return 'qualified-signature';
    if (qc.types.includes(QC_OID.eseal)) return 'qualified-seal';
    return 'qualified';
  }
  if (c.keyUsage.includes('keyCertSign')) return 'certificate-authority';
  if (c.selfSigned) return 'self-signed';
  const signs = c.keyUsage.includes('digitalSignature') || c.keyUsage.includes('nonRepudiation');
  const encrypts = ['keyEncipherment', 'dataEncipherment', 'keyAgreement'].some((u) => c.keyUsage.includes(u));
  return encrypts && !signs ? 'encryption' : 'other';
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
