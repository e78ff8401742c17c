/**
 * Going back and forward between the wizard's steps (the Back button, the stepper's links, the
 * browser's Back and Forward). A visit changes the step only: what was entered, the session, the key
 * and any submission stay as they are, so nothing is sent again because of it.
 */
import type { ApplyStepId } from './model';
import { stepVisited } from './steps';
import { useApplyStore } from './store';

/** Shows step `to` again, or the nearest step that may be shown (`STEP_VISITS`). @returns the step shown. */
export function visitStep(to: ApplyStepId): ApplyStepId {
  const step = stepVisited(to);
  if (step !== useApplyStore.getState().step) useApplyStore.setState({ step });
  return step;
}
