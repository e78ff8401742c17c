/** The screen's crypto (`certificates-crypto.ts`), loaded on first use: it stays out of the first paint. */
export const loadCertificatesCrypto = () => import('./certificates-crypto');
