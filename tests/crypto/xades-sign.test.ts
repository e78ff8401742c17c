import { describe, expect, it } from 'vitest';
import { Parse, SignedXml } from 'xadesjs';
import { parseCertificate } from '../../src/crypto/certificate-reader';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { integerToDecimal, rfc4514Name, signAuthTokenRequest, XADES_PROFILE } from '../../src/crypto/xades-sign';
import { fromBase64, toBase64 } from '../../src/lib/bytes';
import { engines } from '../support/engines';
import { FIXTURE_SIGNERS, ISSUER_NAME_CASES } from '../support/xades-fixtures';
import { CHALLENGE, makeSigner, UNSIGNED } from '../support/xades-signers';
import { installNodeXmlDom } from '../support/xml-dom';

installNodeXmlDom();

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const NOW = new Date('2025-11-20T10:15:30.750Z');

function all(parent: Document | Element, ns: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name));
}
function one(parent: Document | Element, ns: string, name: string): Element {
  const [found, ...rest] = all(parent, ns, name);
  if (found === undefined || rest.length > 0) throw new Error(`expected exactly one ${name}`);
  return found;
}

async function verifyWithXadesjs(signed: string): Promise<boolean> {
  const document = Parse(signed);
  const verifier = new SignedXml(document);
  verifier.LoadXml(one(document, DS, 'Signature'));
  return verifier.Verify();
}

describe.each(engines)('signAuthTokenRequest ($name)', ({ crypto }) => {
  it.each([
    ['EC-P256', XADES_PROFILE.ecdsaSha256, 64],
    ['RSA-2048', XADES_PROFILE.rsaSha256, 256],
  ] as const)('signs with %s in the KSeF profile', async (algorithm, signatureMethod, signatureLength) => {
    const signer = await makeSigner(crypto, algorithm);
    const signed = await signAuthTokenRequest(
      UNSIGNED,
      { privateKey: signer.keyPair.privateKey, certificate: signer.certificate },
      { now: () => NOW },
      crypto,
    );
    expect(await verifyWithXadesjs(signed)).toBe(true);
    expect(
      signed.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.1">',
      ),
    ).toBe(true);
    expect(signed).not.toMatch(/sha1|MGF1|\n\s*\n/i);

    const document = Parse(signed);
    const root = document.documentElement;
    const signature = root.lastChild;
    expect(signature).toBe(one(document, DS, 'Signature'));
    expect(signature).toMatchObject({ namespaceURI: DS, localName: 'Signature' });
    expect(one(document, DS, 'Signature').getAttribute('Id')).toBe('Signature');

    const signedInfo = one(document, DS, 'SignedInfo');
    expect(one(signedInfo, DS, 'CanonicalizationMethod').getAttribute('Algorithm')).toBe(
      'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
    );
    expect(one(signedInfo, DS, 'SignatureMethod').getAttribute('Algorithm')).toBe(signatureMethod);
    const [content, properties, ...more] = all(signedInfo, DS, 'Reference');
    expect(more).toHaveLength(0);
    expect(content?.getAttribute('URI')).toBe('');
    expect(all(content!, DS, 'Transform').map((t) => t.getAttribute('Algorithm'))).toEqual([
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ]);
    expect(properties?.getAttribute('URI')).toBe('#SignedProperties');
    expect(properties?.getAttribute('Type')).toBe('http://uri.etsi.org/01903#SignedProperties');
    expect(all(properties!, DS, 'Transform').map((t) => t.getAttribute('Algorithm'))).toEqual([
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ]);
    for (const method of all(document, DS, 'DigestMethod')) {
      expect(method.getAttribute('Algorithm')).toBe('http://www.w3.org/2001/04/xmlenc#sha256');
    }
    expect(fromBase64(one(document, DS, 'SignatureValue').textContent ?? '')).toHaveLength(signatureLength);
    expect(one(one(document, DS, 'KeyInfo'), DS, 'X509Certificate').textContent).toBe(toBase64(signer.certificate));

    const qualifying = one(document, XADES, 'QualifyingProperties');
    expect(qualifying.getAttribute('Target')).toBe('#Signature');
    expect(qualifying.parentNode).toMatchObject({ namespaceURI: DS, localName: 'Object' });
    expect(one(qualifying, XADES, 'SignedProperties').getAttribute('Id')).toBe('SignedProperties');
    expect(one(qualifying, XADES, 'SigningTime').textContent).toBe('2025-11-20T10:14:30Z');
    const cert = one(one(qualifying, XADES, 'SigningCertificate'), XADES, 'Cert');
    const expectedDigest = toBase64(
      new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(signer.certificate))),
    );
    expect(one(one(cert, XADES, 'CertDigest'), DS, 'DigestValue').textContent).toBe(expectedDigest);
    expect(one(cert, DS, 'X509SerialNumber').textContent).toBe(BigInt('0x4102030405060708').toString());
    expect(one(cert, DS, 'X509IssuerName').textContent).toBe(
      '2.5.4.5=#131054494e504c2d35323635383737363335,C=PL,2.5.4.42=#0c0a5a61c5bcc3b3c582c487,2.5.4.4=#0c0847c499c59b6cc485,CN=Zażółć Gęślą',
    );

    // Without the signature, the document is the request we were given, byte for byte.
    const start = signed.indexOf('<ds:Signature ');
    expect(signed.slice(0, start) + signed.slice(signed.indexOf('</ds:Signature>') + '</ds:Signature>'.length)).toBe(
      UNSIGNED.trimEnd(),
    );
    expect(signed).toContain(CHALLENGE);
  });
});

describe.each(engines)('signAuthTokenRequest with OpenSSL-made keys and certificates ($name)', ({ crypto }) => {
  it.each(['ec', 'rsa'] as const)('signs with the %s fixture read by our key reader', async (kind) => {
    const fixture = FIXTURE_SIGNERS[kind];
    const { privateKey } = await readPrivateKey(new TextEncoder().encode(fixture.keyPem), undefined, crypto);
    const signed = await signAuthTokenRequest(UNSIGNED, { privateKey, certificate: fixture.certificate }, {}, crypto);
    expect(await verifyWithXadesjs(signed)).toBe(true);
    const document = Parse(signed);
    expect(one(document, DS, 'X509SerialNumber').textContent).toBe(fixture.serialDecimal);
    expect(one(document, DS, 'X509IssuerName').textContent).toBe(ISSUER_NAME_CASES[kind === 'ec' ? 0 : 1]?.expected);
  });
});

describe.each(engines)('signAuthTokenRequest refusals ($name)', ({ crypto }) => {
  it('refuses keys KSeF does not take, and keys that cannot sign', async () => {
    const signer = await makeSigner(crypto, 'EC-P256');
    const p384 = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign', 'verify']);
    const pss = await crypto.subtle.generateKey(
      { name: 'RSA-PSS', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    const rsaSha1 = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-1' },
      false,
      ['sign', 'verify'],
    );
    for (const privateKey of [p384.privateKey, pss.privateKey, rsaSha1.privateKey, signer.keyPair.publicKey]) {
      await expect(
        signAuthTokenRequest(UNSIGNED, { privateKey, certificate: signer.certificate }, {}, crypto),
      ).rejects.toMatchObject({
        code: 'invalid-argument',
      });
    }
  });

  it('refuses a certificate of another key, after signing, with signer-certificate-mismatch', async () => {
    const signer = await makeSigner(crypto, 'EC-P256');
    const other = await makeSigner(crypto, 'EC-P256');
    await expect(
      signAuthTokenRequest(
        UNSIGNED,
        { privateKey: signer.keyPair.privateKey, certificate: other.certificate },
        {},
        crypto,
      ),
    ).rejects.toMatchObject({ code: 'signer-certificate-mismatch' });
  });

  it.each([
    ['a certificate that is not DER', 'corrupt-file', UNSIGNED, Uint8Array.of(0x30, 0x03, 1, 2, 3)],
    [
      'XML that is not an AuthTokenRequest',
      'invalid-argument',
      '<Other xmlns="http://ksef.mf.gov.pl/auth/token/2.1"/>',
      undefined,
    ],
    ['an AuthTokenRequest in no namespace', 'invalid-argument', '<AuthTokenRequest/>', undefined],
    [
      'a document that is already signed',
      'invalid-argument',
      UNSIGNED.replace(
        '</AuthTokenRequest>',
        '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></AuthTokenRequest>',
      ),
      undefined,
    ],
    ['XML with a DOCTYPE', 'xml-dtd-forbidden', `<!DOCTYPE a [<!ENTITY x "y">]>${UNSIGNED.slice(39)}`, undefined],
    ['XML that is not well-formed', 'xml-malformed', UNSIGNED.slice(0, -5), undefined],
  ])('refuses %s with %s', async (_why, code, xml, certificate) => {
    const signer = await makeSigner(crypto, 'EC-P256');
    await expect(
      signAuthTokenRequest(
        xml,
        { privateKey: signer.keyPair.privateKey, certificate: certificate ?? signer.certificate },
        {},
        crypto,
      ),
    ).rejects.toMatchObject({ code });
  });

  it('a change to the signed request breaks the signature (xadesjs notices)', async () => {
    const signer = await makeSigner(crypto, 'RSA-2048');
    const signed = await signAuthTokenRequest(
      UNSIGNED,
      { privateKey: signer.keyPair.privateKey, certificate: signer.certificate },
      {},
      crypto,
    );
    await expect(verifyWithXadesjs(signed.replace('<Nip>5265877635</Nip>', '<Nip>1111860918</Nip>'))).rejects.toThrow(
      /digest/i,
    );
  });
});

describe('rfc4514Name', () => {
  it.each(ISSUER_NAME_CASES.map((c) => [c.expected, c.certificate] as const))(
    'writes %s as Java X500Principal does',
    (expected, der) => {
      expect(rfc4514Name(parseCertificate(der).certificate.issuer)).toBe(expected);
    },
  );
});

describe('integerToDecimal', () => {
  it.each([
    [[0x00], '0'],
    [[0x01], '1'],
    [[0x7f], '127'],
    [[0x00, 0x80], '128'],
    [[0x12, 0x34], '4660'],
    [[0x00, 0x81, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08], '9295995896645158664'],
    [
      [
        0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff,
      ],
      ((1n << 159n) - 1n).toString(),
    ],
    [[0x80], '-128'],
    [[0xff, 0x7f], '-129'],
  ])('%j is %s', (content, decimal) => {
    expect(integerToDecimal(Uint8Array.from(content))).toBe(decimal);
  });
});
