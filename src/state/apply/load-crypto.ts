/** The wizard's crypto (`apply-crypto.ts`), loaded on first use: it stays out of the first paint. */
export const loadApplyCrypto = () => import('./apply-crypto');
