import { useEffect } from 'react';
import { APPLY_STEPS, type ApplyStepId } from '../../state/apply/model';
import { visitStep } from '../../state/apply/navigation-actions';
import { useApplyStore } from '../../state/apply/store';

/**
 * Each step of the wizard is an entry in the browser's history, `#/apply/<step>`, so the browser's
 * Back and Forward move between steps. `#/apply` alone (the links to the wizard) names no step: it
 * opens the wizard where it is. An address of a step that may not be shown (its data is gone, or the
 * application was submitted) shows the nearest one that may, and the address is corrected in place:
 * Back never leaves the wizard from a step after the first.
 */
const WIZARD_HASH = '#/apply';

/** What the wizard keeps in `history.state`: the step of the entry and the step it was entered from. */
interface StepEntry {
  readonly applyStep: ApplyStepId;
  readonly applyFrom: ApplyStepId | null;
}

/** `#/apply/key` -> 'key'; `#/apply`, `#/apply/` or an unknown step -> `null`. */
export function stepInHash(hash: string): ApplyStepId | null {
  if (!hash.startsWith(`${WIZARD_HASH}/`)) return null;
  const name = hash.slice(WIZARD_HASH.length + 1).replace(/\/+$/, '');
  return APPLY_STEPS.find((step) => step === name) ?? null;
}

/** The address of a step, e.g. `#/apply/details`. */
export function stepHref(step: ApplyStepId): string {
  return `${WIZARD_HASH}/${step}`;
}

function isWizardHash(hash: string): boolean {
  return hash === WIZARD_HASH || hash.startsWith(`${WIZARD_HASH}/`);
}

function entryOf(state: unknown): StepEntry | null {
  if (typeof state !== 'object' || state === null || !('applyStep' in state) || !('applyFrom' in state)) return null;
  const { applyStep, applyFrom } = state;
  const step = APPLY_STEPS.find((s) => s === applyStep);
  const from = APPLY_STEPS.find((s) => s === applyFrom) ?? null;
  return step === undefined ? null : { applyStep: step, applyFrom: from };
}

/**
 * Goes back to `to`: through the browser's history when the entry before this one is that step (so
 * the button and the browser's Back are the same move), else by a new entry.
 */
export function goBackTo(to: ApplyStepId): void {
  if (entryOf(window.history.state)?.applyFrom === to) window.history.back();
  else visitStep(to);
}

/** Keeps the browser's history and the wizard's step in step, while the wizard is shown. */
export function useStepHistory(): void {
  useEffect(() => {
    let following = false;
    const write = (mode: 'push' | 'replace', from: ApplyStepId | null): void => {
      const { step } = useApplyStore.getState();
      const entry: StepEntry = { applyStep: step, applyFrom: from };
      const known = entryOf(window.history.state);
      if (window.location.hash === stepHref(step) && known?.applyStep === step) return;
      if (mode === 'push') window.history.pushState(entry, '', stepHref(step));
      else window.history.replaceState(entry, '', stepHref(step));
    };
    // The address (a link, Back, Forward, a typed address) asks for a step: show it, or the nearest.
    const follow = (): void => {
      const { hash } = window.location;
      if (!isWizardHash(hash)) return;
      const before = useApplyStore.getState().step;
      const wanted = stepInHash(hash);
      following = true;
      try {
        if (wanted !== null) visitStep(wanted);
      } finally {
        following = false;
      }
      write('replace', entryOf(window.history.state)?.applyFrom ?? (wanted === null ? null : before));
    };
    follow();
    // The wizard moved on its own (a step done, a session ended): a new entry.
    const unsubscribe = useApplyStore.subscribe((state, previous) => {
      if (!following && state.step !== previous.step) write('push', previous.step);
    });
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      unsubscribe();
    };
  }, []);
}
