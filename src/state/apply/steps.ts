/**
 * Every move between the wizard's steps, in one table: the event, the steps it may happen on, and the
 * step it leads to. Actions change `step` only through `stepAfter`, so a move missing here is refused
 * instead of leaving the wizard on a step whose data it does not have. Starting over
 * (`resetApplication`) is not a move: it puts back the initial state, whose step is 'environment'.
 */
import { ApplyError } from './errors';
import { APPLY_STEPS, type ApplyStepId } from './model';
import { useApplyStore } from './store';

/** What moves the wizard from one step to another. */
export type StepEvent =
  /** Environment and context NIP chosen: a new application starts (from wherever the user was). */
  | 'environment-chosen'
  /** A saved application was picked from the list: it starts over from signing in. */
  | 'application-resumed'
  /** After a reload, the tab's draft had got past the environment: sign in again. */
  | 'draft-restored'
  /** The session ended: sign in again, the application stays. */
  | 'sign-in-again'
  /** The enrollment data and limits came (or failed to come) after signing in, or on a retry. */
  | 'enrollment-loaded'
  /** Signed in again for an application whose submission the ended session cut off. */
  | 'submission-continued'
  /** Signed in again for a resumed application: its status and certificate are looked up. */
  | 'resume-looked-up'
  /** The data and limits were read and KSeF accepts a request. */
  | 'data-accepted'
  /** The certificate details were entered. */
  | 'details-set'
  /** The `.key` save is proven and the password stored: the pre-flight check ran. */
  | 'key-proven'
  /** The certificate is issued (or found): it is being retrieved. */
  | 'certificate-retrieving'
  /** This server does not offer the environment: choose another. */
  | 'other-environment';

interface Move {
  readonly from: readonly ApplyStepId[];
  readonly to: ApplyStepId;
}

const AFTER_ENVIRONMENT = APPLY_STEPS.filter((step) => step !== 'environment');

/** The allowed moves. */
export const STEP_MOVES: Readonly<Record<StepEvent, Move>> = {
  'environment-chosen': { from: APPLY_STEPS, to: 'sign-in' },
  'application-resumed': { from: APPLY_STEPS, to: 'sign-in' },
  'draft-restored': { from: ['environment'], to: 'sign-in' },
  'sign-in-again': { from: AFTER_ENVIRONMENT, to: 'sign-in' },
  'enrollment-loaded': { from: ['sign-in', 'data'], to: 'data' },
  'submission-continued': { from: ['sign-in'], to: 'review' },
  'resume-looked-up': { from: ['sign-in', 'result'], to: 'result' },
  'data-accepted': { from: ['data'], to: 'details' },
  'details-set': { from: ['details'], to: 'key' },
  'key-proven': { from: ['key'], to: 'review' },
  'certificate-retrieving': { from: ['review', 'result'], to: 'result' },
  'other-environment': { from: AFTER_ENVIRONMENT, to: 'environment' },
};

/** The step `event` leads to from `from`, or `null` when it may not happen there. */
export function nextStep(from: ApplyStepId, event: StepEvent): ApplyStepId | null {
  const move = STEP_MOVES[event];
  return move.from.includes(from) ? move.to : null;
}

/**
 * The step `event` leads to from the wizard's current step, for the action to set with its other
 * changes in one update.
 *
 * @throws ApplyError 'wrong-step' when the table has no such move.
 */
export function stepAfter(event: StepEvent): ApplyStepId {
  const from = useApplyStore.getState().step;
  const to = nextStep(from, event);
  if (to === null) throw new ApplyError('wrong-step', `No move '${event}' from step '${from}'`);
  return to;
}
