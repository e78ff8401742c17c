import { afterEach, describe, expect, it } from 'vitest';
import { ApplyError } from '../../../src/state/apply/errors';
import { APPLY_STEPS, type ApplyStepId } from '../../../src/state/apply/model';
import { nextStep, STEP_MOVES, stepAfter, type StepEvent } from '../../../src/state/apply/steps';
import { initialApplyState, useApplyStore } from '../../../src/state/apply/store';

const ALL = APPLY_STEPS;
const SIGNED_IN_OR_LATER: readonly ApplyStepId[] = ['sign-in', 'data', 'details', 'key', 'review', 'result'];

/** Every allowed move, written out: event, the steps it may happen on, where it leads. */
const ALLOWED: readonly (readonly [StepEvent, readonly ApplyStepId[], ApplyStepId])[] = [
  ['environment-chosen', ALL, 'sign-in'],
  ['application-resumed', ALL, 'sign-in'],
  ['draft-restored', ['environment'], 'sign-in'],
  ['sign-in-again', SIGNED_IN_OR_LATER, 'sign-in'],
  ['enrollment-loaded', ['sign-in', 'data'], 'data'],
  ['submission-continued', ['sign-in'], 'review'],
  ['resume-looked-up', ['sign-in', 'result'], 'result'],
  ['data-accepted', ['data'], 'details'],
  ['details-set', ['details'], 'key'],
  ['key-proven', ['key'], 'review'],
  ['certificate-retrieving', ['review', 'result'], 'result'],
  ['other-environment', SIGNED_IN_OR_LATER, 'environment'],
];

const rows = ALLOWED.flatMap(([event, from, to]) =>
  ALL.map((step) => [event, step, from.includes(step) ? to : null] as const),
);

afterEach(() => {
  useApplyStore.setState(initialApplyState, true);
});

describe("the wizard's step moves", () => {
  it('lists every event once', () => {
    expect(Object.keys(STEP_MOVES).sort()).toEqual(ALLOWED.map(([event]) => event).sort());
  });

  it.each(rows)('%s from %s leads to %s', (event, from, to) => {
    expect(nextStep(from, event)).toBe(to);
  });

  it('refuses a move the table does not have, leaving the step as it was', () => {
    useApplyStore.setState({ step: 'data' });
    expect(nextStep('data', 'key-proven')).toBeNull();
    let refused: unknown;
    try {
      stepAfter('key-proven');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApplyError);
    expect(refused).toMatchObject({ code: 'wrong-step' });
    expect(useApplyStore.getState().step).toBe('data');
  });

  it('gives the next step from the current one', () => {
    useApplyStore.setState({ step: 'details' });
    expect(stepAfter('details-set')).toBe('key');
  });
});
