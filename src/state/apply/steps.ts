/**
 * Every move between the wizard's steps, in one table: the event, the steps it may happen on, and the
 * step it leads to. Actions change `step` only through `stepAfter`, so a move missing here is refused
 * instead of leaving the wizard on a step whose data it does not have. Starting over
 * (`resetApplication`) is not a move: it puts back the initial state, whose step is 'environment'.
 *
 * Going back and forward (the Back button, the stepper's links, the browser's Back and Forward) is
 * the second table, `STEP_VISITS`: what a step needs to be shown again. A visit changes nothing but
 * the step, so what was entered stays; a step whose data is gone, or any step before the review once
 * the application was submitted, is refused (`stepVisited` lands on the nearest step that may be shown).
 */
import { ApplyError } from './errors';
import { APPLY_STEPS, type ApplyState, type ApplyStepId } from './model';
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

/** Nothing was sent to KSeF yet: the steps before the review may be shown again (none of them sends anything). */
function notSubmitted(state: ApplyState): boolean {
  return state.submission.status === 'idle';
}

/** A new application (not a resumed one), signed in, whose data KSeF accepts requests for. */
function detailsOpen(state: ApplyState): boolean {
  return (
    state.resume === null &&
    notSubmitted(state) &&
    state.signIn.status === 'done' &&
    state.enrollment.status === 'done' &&
    state.enrollment.limits.canRequest
  );
}

/**
 * What each step needs to be shown again. The review needs the proven key, the confirmed password and
 * the pre-flight check (or a submission, which it then shows: never a second submit); the result needs a
 * certificate looked up or retrieved.
 */
export const STEP_VISITS: Readonly<Record<ApplyStepId, (state: ApplyState) => boolean>> = {
  environment: notSubmitted,
  'sign-in': (s) => s.environment !== null && notSubmitted(s),
  data: (s) => s.resume === null && notSubmitted(s) && s.signIn.status === 'done' && s.enrollment.status !== 'idle',
  details: detailsOpen,
  key: (s) => detailsOpen(s) && s.details !== null,
  review: (s) =>
    s.resume === null &&
    (!notSubmitted(s) ||
      (s.signIn.status === 'done' && s.key.status === 'proven' && s.passwordStoredConfirmed && s.preflight !== null)),
  result: (s) =>
    s.result.status !== 'idle' ||
    s.submission.status === 'resuming' ||
    s.submission.status === 'awaiting-key' ||
    (s.resume !== null && s.submission.status === 'failed'),
};

/** Work in flight (signing in, loading, making or opening the key, submitting, retrieving): no step changes under it. */
function working(state: ApplyState): boolean {
  return (
    state.signIn.status === 'running' ||
    state.enrollment.status === 'loading' ||
    state.key.status === 'generating' ||
    state.key.status === 'proving' ||
    state.submission.status === 'submitting' ||
    state.submission.status === 'polling' ||
    state.submission.status === 'resuming' ||
    state.result.status === 'retrieving' ||
    state.fileRead.status === 'reading'
  );
}

/** Whether `state` may show step `to` now (its current step always). */
export function canVisit(state: ApplyState, to: ApplyStepId): boolean {
  if (to === state.step) return true;
  return !working(state) && STEP_VISITS[to](state);
}

/**
 * The step to show when the user asks for `to`: `to` itself when it may be shown, else the nearest step
 * that may, on the side of the current step when two are as near (the current step at worst).
 */
export function nearestVisitable(state: ApplyState, to: ApplyStepId): ApplyStepId {
  const target = APPLY_STEPS.indexOf(to);
  const current = APPLY_STEPS.indexOf(state.step);
  const towardCurrent = current >= target ? 1 : -1;
  for (let distance = 0; distance < APPLY_STEPS.length; distance++) {
    for (const side of [towardCurrent, -towardCurrent]) {
      const step = APPLY_STEPS[target + side * distance];
      if (step !== undefined && canVisit(state, step)) return step;
    }
  }
  return state.step;
}

/** The nearest step before the current one that may be shown again (the Back button's), or `null`. */
export function previousVisitable(state: ApplyState): ApplyStepId | null {
  for (let i = APPLY_STEPS.indexOf(state.step) - 1; i >= 0; i--) {
    const step = APPLY_STEPS[i];
    if (step !== undefined && canVisit(state, step)) return step;
  }
  return null;
}

/**
 * The step a visit to `to` shows (see `nearestVisitable`), for the navigation to set: a visit is a
 * move of its own, refused here rather than by the caller.
 */
export function stepVisited(to: ApplyStepId): ApplyStepId {
  return nearestVisitable(useApplyStore.getState(), to);
}
