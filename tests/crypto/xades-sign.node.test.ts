import { describe, expect, it } from 'vitest';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { signAuthTokenRequest } from '../../src/crypto/xades-sign';
import { engines } from '../support/engines';
import { FIXTURE_SIGNERS } from '../support/xades-fixtures';
import { makeSigner, UNSIGNED } from '../support/xades-signers';
import { installNodeXmlDom } from '../support/xml-dom';
import { xmllintValidate, xmlsec1Verify } from '../support/xml-oracles';

installNodeXmlDom();

/** The signed document with its `ds:Signature` cut out, as text. */
function withoutSignature(signed: string): string {
  const start = signed.indexOf('<ds:Signature ');
  const end = signed.indexOf('</ds:Signature>') + '</ds:Signature>'.length;
  return signed.slice(0, start) + signed.slice(end);
}

describe.each(engines)('signAuthTokenRequest, checked by xmlsec1 and xmllint ($name)', ({ crypto }) => {
  it.each(['EC-P256', 'RSA-2048'] as const)(
    'xmlsec1 verifies a %s signature; a changed byte fails it',
    async (algorithm) => {
      const signer = await makeSigner(crypto, algorithm);
      const signed = await signAuthTokenRequest(
        UNSIGNED,
        { privateKey: signer.keyPair.privateKey, certificate: signer.certificate },
        {},
        crypto,
      );
      const bytes = new TextEncoder().encode(signed);
      const verified = xmlsec1Verify(bytes, signer.certificate);
      expect(verified.output).toMatch(/^OK$/m);
      expect(verified.output).toContain('SignedInfo References (ok/all): 2/2');
      expect(verified.ok).toBe(true);

      expect(xmlsec1Verify(signed.replace('certificateSubject', 'certificateFingerprint'), signer.certificate).ok).toBe(
        false,
      );
      expect(
        xmlsec1Verify(signed.replace(/<xades:SigningTime>\d{4}/, '<xades:SigningTime>2001'), signer.certificate).ok,
      ).toBe(false);
    },
  );

  it.each(['ec', 'rsa'] as const)(
    'xmlsec1 verifies a signature made with the OpenSSL %s key and certificate',
    async (kind) => {
      const fixture = FIXTURE_SIGNERS[kind];
      const { privateKey } = await readPrivateKey(new TextEncoder().encode(fixture.keyPem), undefined, crypto);
      const signed = await signAuthTokenRequest(UNSIGNED, { privateKey, certificate: fixture.certificate }, {}, crypto);
      expect(xmlsec1Verify(signed, fixture.certificate).ok).toBe(true);
    },
  );

  it('the schema has no place for ds:Signature: the signed document fails only there, the rest validates', async () => {
    const signer = await makeSigner(crypto, 'EC-P256');
    const signed = await signAuthTokenRequest(
      UNSIGNED,
      { privateKey: signer.keyPair.privateKey, certificate: signer.certificate },
      {},
      crypto,
    );
    const result = xmllintValidate(signed);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      "Element '{http://www.w3.org/2000/09/xmldsig#}Signature': This element is not expected.",
    );
    expect(result.output.match(/validity error/g)).toHaveLength(1);
    expect(xmllintValidate(withoutSignature(signed)).ok).toBe(true);
  });
});
