/*
 * The screens' code, loaded on demand. Imported first by main.tsx: when the page opens on a
 * screen's address, its download starts here, while the shell (React) is still being evaluated,
 * instead of once React renders.
 */
export const loadApplyPage = () => import('../features/apply/apply-page');
export const loadCheckPage = () => import('../features/check/check-page');
export const loadCertificatesPage = () => import('../features/certificates/certificates-page');
export const loadOfflineLinkPage = () => import('../features/offline-link/offline-link-page');

const hash = globalThis.location?.hash ?? '';
// A failed load is not handled here: React.lazy loads again when the screen renders, and reports it.
if (hash.startsWith('#/apply')) loadApplyPage().catch(() => undefined);
else if (hash.startsWith('#/check')) loadCheckPage().catch(() => undefined);
else if (hash.startsWith('#/certificates')) loadCertificatesPage().catch(() => undefined);
else if (hash.startsWith('#/offline-link')) loadOfflineLinkPage().catch(() => undefined);
