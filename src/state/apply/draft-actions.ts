/**
 * A reload at any step brings the user back: the wizard's non-secret state is kept as the tab's draft
 * (`draft.ts`) and restored when the wizard opens again. What a reload loses (the session and the
 * key in memory) is asked for again: sign in, and open the `.key` saved before the reload.
 */
import type { ApplyStepId } from './model';
import { activeRecord } from './active-record';
import { draftOf, readDraft, writeDraft } from './draft';
import { resumeApplication } from './resume-actions';
import { seams } from './seams';
import { stepAfter } from './steps';
import { initialApplyState, useApplyStore } from './store';

const set = useApplyStore.setState;
const get = useApplyStore.getState;

let keeping = false;

/**
 * Restores the tab's draft (once per page, and only when the wizard has nothing in memory), then keeps
 * the draft up to date with every change of the wizard until the returned function stops it.
 */
export function keepDraft(): () => void {
  if (!keeping) restoreDraft();
  keeping = true;
  let last: string | null = null;
  const save = (): void => {
    const draft = draftOf(get(), activeRecord());
    const text = JSON.stringify(draft);
    if (text === last) return;
    last = text;
    writeDraft(seams().draftStorage, draft);
  };
  save();
  const unsubscribe = useApplyStore.subscribe(save);
  return unsubscribe;
}

/** Tests only: the next `keepDraft` restores again, as after a reload. */
export function forgetDraftKeeping(): void {
  keeping = false;
}

/** The steps that need a session: coming back to them means signing in again. */
const AFTER_SIGN_IN: ReadonlySet<ApplyStepId> = new Set(['data', 'details', 'key', 'review', 'result']);

function restoreDraft(): void {
  if (get() !== initialApplyState) return;
  const draft = readDraft(seams().draftStorage);
  if (draft === null) return;
  // A submitted application goes on through its record: sign in, find the certificate, open the `.key`.
  if (draft.recordId !== null && resumeApplication(draft.recordId) === null) {
    set({ restored: { signedIn: true, savedKey: null, returnTo: null } });
    return;
  }
  set({
    ...initialApplyState,
    step: draft.step === 'environment' ? 'environment' : stepAfter('draft-restored'),
    environment: draft.environment,
    contextNip: draft.contextNip,
    external: draft.external,
    details: draft.details,
    key: draft.savedKey === null ? { status: 'idle' } : { status: 'saved', ...draft.savedKey },
    passwordStoredConfirmed: draft.savedKey !== null && draft.passwordStoredConfirmed,
    restored: { signedIn: AFTER_SIGN_IN.has(draft.step), savedKey: draft.savedKey, returnTo: draft.step },
  });
}
