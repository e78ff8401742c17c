import type { Messages } from '../../messages/catalogs';
import type { SignInStep } from '../../sign-in/sign-in';

/** Where a running sign-in is, in words (the same on every screen that signs in). */
export function signInProgressText(t: Messages, progress: SignInStep): string {
  switch (progress.stage) {
    case 'challenge':
    case 'signing':
    case 'submitting':
    case 'redeeming':
      return t.apply.signIn.progress[progress.stage];
    case 'verifying':
      return t.apply.signIn.progress.verifying(progress.attempt);
  }
}
