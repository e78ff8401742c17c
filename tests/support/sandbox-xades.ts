import { Parse, SignedXml } from 'xadesjs';
import type { XadesSigner } from '../../src/crypto/xades-sign';
import { toBase64 } from '../../src/lib/bytes';
import { useXmlCryptoEngine } from '../../server/sandbox/auth/xml-dom';

/**
 * Signs XML with xadesjs directly, as a careless client would: XMLDSig core plus whatever XAdES parts
 * xadesjs adds by default (SigningTime), but no SigningCertificate unless asked. For the sandbox's
 * profile checks; the app signs with `signAuthTokenRequest`.
 */
export async function signWithXadesjs(
  xml: string,
  signer: XadesSigner,
  options: { signingCertificate?: boolean; crypto?: Crypto } = {},
): Promise<string> {
  const crypto = options.crypto ?? globalThis.crypto;
  useXmlCryptoEngine(crypto);
  const document = Parse(xml);
  const signedXml = new SignedXml();
  const algorithm =
    signer.privateKey.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
  const certificate = toBase64(signer.certificate);
  await signedXml.Sign(algorithm, signer.privateKey, document, {
    references: [{ uri: '', hash: 'SHA-256', transforms: ['enveloped', 'exc-c14n'] }],
    x509: [certificate],
    ...(options.signingCertificate === true ? { signingCertificate: certificate } : {}),
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n${signedXml.toString()}`;
}

/** The XML of an AuthTokenRequest with any context and optional AuthorizationPolicy, for cases `buildAuthTokenRequest` refuses to build. */
export function rawAuthTokenRequest(challenge: string, contextXml: string, extra = ''): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.1">',
    `<Challenge>${challenge}</Challenge>`,
    `<ContextIdentifier>${contextXml}</ContextIdentifier>`,
    '<SubjectIdentifierType>certificateSubject</SubjectIdentifierType>',
    extra,
    '</AuthTokenRequest>',
  ].join('');
}
