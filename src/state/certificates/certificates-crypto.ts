/**
 * The certificates screen's crypto work, in one module the actions load lazily: it pulls in PKI.js,
 * asn1js and the XAdES signer, which stay out of the JavaScript of the first paint. The same functions
 * the wizard uses: signing in, reading a certificate, the pair check and the PFX of its result step.
 */
export { buildApplicationPfx } from '../../crypto/application-key';
export { readCertificate } from '../../crypto/certificate-reader';
export { checkPair } from '../../crypto/pair';
export { encodePem } from '../../crypto/pem';
export { fromBase64 } from '../../lib/bytes';
export {
  prepareExternalSignature,
  signInWithCheckedFile,
  signInWithKsefCertificate,
  signInWithTestIdentity,
} from '../../sign-in/sign-in';
