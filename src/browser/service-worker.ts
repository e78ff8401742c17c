/** How asking the browser for the offline copy ended; never a thrown error. */
export type ServiceWorkerOutcome = 'registered' | 'unsupported' | 'failed';

/**
 * Registers the offline copy (`sw.js`, made by `build/service-worker.ts`). Both URLs are relative to
 * the page, so the app works from any folder of any host; the worker's scope is that folder.
 * Offline use is an extra: when the browser has no service workers (an insecure origin, some private
 * modes) or refuses this one, the app runs online exactly as without it. Only the error's name is
 * logged: its message can carry the page's URL.
 */
export async function registerServiceWorker(
  container: Pick<ServiceWorkerContainer, 'register'> | undefined = globalThis.navigator.serviceWorker,
): Promise<ServiceWorkerOutcome> {
  if (container === undefined) return 'unsupported';
  try {
    await container.register('./sw.js', { scope: './' });
    return 'registered';
  } catch (error) {
    // Whatever went wrong, the one consequence is no offline copy: nothing to rethrow to.
    console.warn(`ksef-cert: no offline copy (${error instanceof Error ? error.name : typeof error})`);
    return 'failed';
  }
}
