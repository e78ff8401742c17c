import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en';
import { pl } from '../../src/messages/pl';
import { problemText } from '../../src/messages/problem-text';
import type { Problem } from '../../src/problem/problem';

/** One problem of each source, and the catalog entry that words it. */
const ROWS: readonly (readonly [Problem, (t: typeof pl) => string])[] = [
  [{ source: 'crypto', code: 'wrong-password' }, (t) => t.cryptoErrors['wrong-password']],
  [{ source: 'file', code: 'file-too-large' }, (t) => t.fileErrors['file-too-large']],
  [{ source: 'sign-in', code: 'offline-certificate' }, (t) => t.signInErrors['offline-certificate']],
  [
    { source: 'ksef', code: 'rate-limited', retryAfterSeconds: 30, details: ['x'] },
    (t) => t.ksefErrors['rate-limited'],
  ],
  [{ source: 'apply', code: 'limit-reached', details: ['enrollment-limit'] }, (t) => t.applyErrors['limit-reached']],
  [{ source: 'apply', code: 'unexpected' }, (t) => t.applyErrors.unexpected],
  [{ source: 'unexpected' }, (t) => t.check.verdict.unexpected],
];

describe.each([
  ['pl', pl],
  ['en', en],
] as const)('problemText (%s)', (_language, t) => {
  it.each(ROWS)('words %o with its own catalog entry', (problem, entry) => {
    expect(problemText(t, problem)).toBe(entry(t));
  });
});
