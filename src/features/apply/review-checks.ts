import type { CsrCheck } from '../../crypto/check-csr';

/**
 * The pre-flight findings worth showing: an attribute the enrollment data does not have (a surname
 * for a company seal) is checked to be absent, but "surname: matches" would claim one exists, so a
 * passing absent-attribute check is left out. Every failure stays.
 */
export function shownChecks(checks: readonly CsrCheck[]): CsrCheck[] {
  return checks.filter((check) => !(check.check === 'attribute' && check.expected === null && check.ok));
}
