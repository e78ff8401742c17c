/**
 * The wizard's crypto work, in one module the actions load lazily (`import('./apply-crypto')`): it
 * pulls in PKI.js/asn1js and the XAdES signer, which must stay out of the JavaScript of the first paint.
 * The file keeps its prefix inside `state/apply/`: the build names the chunk after it
 * (`assets/apply-crypto-<hash>.js`), and the build's tests and budget report look for that name.
 */
export {
  applicationCsr,
  buildApplicationPfx,
  checkIssuedCertificate,
  generateApplicationKey,
  openKeyFile,
  publicKeyFingerprint,
} from '../../crypto/application-key';
export { checkCsr, csrChecksPass } from '../../crypto/check-csr';
export { csrToBase64 } from '../../crypto/csr';
export { readCertificate } from '../../crypto/certificate-reader';
export {
  prepareExternalSignature,
  signInWithCheckedFile,
  signInWithKsefCertificate,
  signInWithTestIdentity,
} from '../../sign-in/sign-in';
export { exportTestIdentity } from '../../sign-in/files';
