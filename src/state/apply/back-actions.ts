/**
 * Going back when a problem says so: sign in again (the session ended) or choose another environment
 * (this server does not offer it). The application in progress stays.
 */
import { stepAfter } from './steps';
import { useApplyStore } from './store';
import { vault } from './vault';

const set = useApplyStore.setState;

/** Back to the sign-in step, e.g. after the session expired; the application in progress stays. */
export function signInAgain(): void {
  const step = stepAfter('sign-in-again');
  vault.session = null;
  set({ step, signIn: { status: 'idle' } });
}

/** Back to step 'environment' (its form keeps the choice and the NIP), e.g. when this server does not offer it. */
export function backToEnvironment(): void {
  set({ step: stepAfter('other-environment') });
}
