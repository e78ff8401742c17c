/** What the offline-link screen uses of the pure core, as one lazily loaded chunk (`load-crypto.ts`). */
export { invoiceHash, readInvoice } from '../../crypto/offline-link/invoice';
export { buildInvoiceLink } from '../../crypto/offline-link/link';
export { qrModules, qrSvg } from '../../crypto/offline-link/qr';
export { signCertificateLink } from '../../crypto/offline-link/sign';
export { verifyCertificateLink } from '../../crypto/offline-link/verify';
export { readCertificate } from '../../crypto/certificate-reader';
