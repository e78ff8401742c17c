/**
 * Resolves once the browser has had a chance to paint what was just rendered (the task after the next
 * animation frame). Call it after showing a busy state and before work that holds the main thread, such
 * as the PKCS#12 key derivation of a PFX (a synchronous loop: 0.1 to 2 s for large iteration counts),
 * so the busy state is on screen while it runs. In a hidden tab, or where there are no frames, it only
 * waits for the next task.
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') later();
    else requestAnimationFrame(later);
  });
}
