import { parsePem } from '../../src/crypto/pem';
import detachedEc from '../fixtures/xades/detached-ec.xml?raw';
import envelopingRsa from '../fixtures/xades/enveloping-rsa.xml?raw';
import issuerNamesPem from '../fixtures/xades/issuer-names.pem?raw';
import issuerNamesRfc2253 from '../fixtures/xades/issuer-names.rfc2253.txt?raw';
import signerEcCert from '../fixtures/xades/signer-ec.cert.pem?raw';
import signerEcKey from '../fixtures/xades/signer-ec.key.pem?raw';
import signerRsaCert from '../fixtures/xades/signer-rsa.cert.pem?raw';
import signerRsaKey from '../fixtures/xades/signer-rsa.key.pem?raw';
import twoSignatures from '../fixtures/xades/two-signatures.xml?raw';
import xadesEnvelopedEc from '../fixtures/xades/xades-enveloped-ec.xml?raw';
import xmldsigSha1Rsa from '../fixtures/xades/xmldsig-sha1-rsa.xml?raw';

/** The DER of the single certificate in a PEM text. */
function certificateDer(pem: string): Uint8Array {
  const [block] = parsePem(pem);
  if (block === undefined) throw new Error('no PEM block');
  return block.der;
}

/** The OpenSSL-made signers of `tests/fixtures/xades/` (see the README there). */
export const FIXTURE_SIGNERS = {
  ec: { keyPem: signerEcKey, certificate: certificateDer(signerEcCert), serialDecimal: '4660' },
  rsa: { keyPem: signerRsaKey, certificate: certificateDer(signerRsaCert), serialDecimal: '9295995896645158664' },
} as const;

/** Certificates with awkward issuers and the RFC 2253 strings Java writes for them, in file order. */
export const ISSUER_NAME_CASES: readonly { readonly certificate: Uint8Array; readonly expected: string }[] = (() => {
  const expected = issuerNamesRfc2253.split('\n').filter((line) => line !== '');
  const blocks = parsePem(issuerNamesPem);
  if (blocks.length !== expected.length) throw new Error('issuer-names fixtures out of step');
  return blocks.map((block, i) => ({ certificate: block.der, expected: expected[i] ?? '' }));
})();

/** Signed requests made by xmlsec1, as UTF-8 bytes. */
export const SIGNED_FIXTURES = {
  xadesEnvelopedEc: new TextEncoder().encode(xadesEnvelopedEc),
  xmldsigSha1Rsa: new TextEncoder().encode(xmldsigSha1Rsa),
  envelopingRsa: new TextEncoder().encode(envelopingRsa),
  detachedEc: new TextEncoder().encode(detachedEc),
  twoSignatures: new TextEncoder().encode(twoSignatures),
} as const;
