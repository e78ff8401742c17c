/**
 * The checker's crypto code on the page (the pair check, the PFX export), loaded lazily: it pulls in
 * PKI.js/asn1js, which must stay out of the JavaScript of the first paint. Files are read in the file
 * reader's worker, not with this.
 */
export const loadCheckCrypto = () => import('../../crypto/check-files');
