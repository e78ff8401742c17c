/**
 * The links' crypto on the page (reading certificates, signing, verifying, the QR code), loaded on first
 * use: it pulls in PKI.js/asn1js and the QR encoder, which stay out of the first paint.
 */
export const loadOfflineLinkCrypto = () => import('./link-crypto');
