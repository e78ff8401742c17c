import { useEffect } from 'react';
import { useApplyStore } from '../../state/apply/store';
import { currentLeaveLoses } from '../../state/apply/unsaved';

/**
 * Arms the browser's "leave this page?" question (`beforeunload`) while closing or reloading the tab
 * would lose a key that exists only in memory, or a certificate not saved yet; disarmed otherwise, so
 * the page stays eligible for the back-forward cache.
 */
export function useLeaveGuard(): void {
  // The vault changes together with the store (an action writes the key, then sets its state).
  const armed = useApplyStore(() => currentLeaveLoses());
  useEffect(() => {
    if (!armed) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [armed]);
}
