import { describe, expect, it } from 'vitest';
import { routeFromHash } from '../../../src/app/routes';
import { stepHref, stepInHash } from '../../../src/features/apply/step-history';
import { APPLY_STEPS } from '../../../src/state/apply/model';

describe("the wizard's step addresses", () => {
  it.each(APPLY_STEPS)('%s: its address names it, and is the wizard’s route', (step) => {
    expect(stepInHash(stepHref(step))).toBe(step);
    expect(routeFromHash(stepHref(step))).toBe('apply');
  });

  it.each([
    ['#/apply', null],
    ['#/apply/', null],
    ['#/apply/key/', 'key'],
    ['#/apply/KEY', null],
    ['#/apply/nothing', null],
    ['#/apply/key/more', null],
    ['#/check/key', null],
    ['#/applykey', null],
  ])('%j names step %j', (hash, step) => {
    expect(stepInHash(hash)).toBe(step);
  });
});
