import { describe, expect, it } from 'vitest';
import type { CertificateSummary } from '../../../src/crypto/certificate-summary';
import type { PairResult } from '../../../src/crypto/pair';
import { verdictText } from '../../../src/features/check/verdict';
import { en } from '../../../src/messages/en';
import { pl } from '../../../src/messages/pl';
import type { CheckPlan, PairOutcome } from '../../../src/state/check/model';

const plan: CheckPlan = { kind: 'empty' };
const certificate = {} as CertificateSummary;
const MATCH: PairResult = { match: true };
const MISMATCH: PairResult = { match: false, reason: 'different-key' };

function outcome(result: PairResult, ca: boolean, i: number): PairOutcome {
  return { id: `1.${i}`, fileName: 'store.p12', certificate, result, ca };
}

const done = (...pairs: [PairResult, boolean][]) =>
  ({ status: 'done', keyFileId: 1, pairs: pairs.map(([r, ca], i) => outcome(r, ca, i)) }) as const;

describe('verdictText', () => {
  it('a leaf that pairs with its CA beside it: pairs, and the CA is counted, in both catalogs', () => {
    const run = done([MATCH, false], [MISMATCH, true]);
    expect(verdictText(en, run, plan)).toEqual({
      tone: 'pairs',
      title: en.check.verdict.pairs,
      details: [en.check.verdict.pairsDetail, en.check.verdict.caIncluded(1)],
    });
    expect(en.check.verdict.caIncluded(1)).toMatch(/^1 CA certificate included\./);
    expect(pl.check.verdict.caIncluded(1)).toMatch(/^Dołączono 1 certyfikat CA\./);
    expect(pl.check.verdict.caIncluded(2)).toMatch(/^Dołączono 2 certyfikaty CA\./);
    expect(verdictText(pl, run, plan).tone).toBe('pairs');
  });

  it('without a CA: no count; a stranger certificate still makes the answer partial', () => {
    expect(verdictText(en, done([MATCH, false]), plan).details).toEqual([en.check.verdict.pairsDetail]);
    expect(verdictText(en, done([MATCH, false], [MISMATCH, false], [MISMATCH, true]), plan)).toEqual({
      tone: 'partial',
      title: en.check.verdict.partial(1, 2),
      details: [en.check.verdict.caIncluded(1)],
    });
  });

  it('only CA certificates: the key pairs with none of them', () => {
    expect(verdictText(en, done([MISMATCH, true]), plan).tone).toBe('no-pair');
  });
});
