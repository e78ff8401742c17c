import { describe, expect, it } from 'vitest';
import type { CsrCheck } from '../../../src/crypto/check-csr';
import { shownChecks } from '../../../src/features/apply/review-checks';

const attribute = (name: 'surname' | 'organizationName', expected: string | null, actual: string | null, ok: boolean) =>
  ({
    check: 'attribute',
    attribute: name,
    ok,
    expected,
    actual,
    stringType: actual === null ? null : 'UTF8String',
    expectedStringType: 'UTF8String',
  }) as const satisfies CsrCheck;

describe('shownChecks', () => {
  it('a company seal: no "surname: matches" for a surname it does not have', () => {
    const checks: CsrCheck[] = [
      { check: 'one-attribute-per-rdn', ok: true },
      attribute('organizationName', 'Firma', 'Firma', true),
      attribute('surname', null, null, true),
    ];
    expect(shownChecks(checks)).toEqual([checks[0], checks[1]]);
  });

  it('keeps every failure, an attribute that should be absent but is there included', () => {
    const checks: CsrCheck[] = [
      attribute('surname', null, 'Kowalski', false),
      attribute('organizationName', 'A', 'B', false),
    ];
    expect(shownChecks(checks)).toEqual(checks);
  });
});
