import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../src/crypto/certificate-reader';
import { isCryptoError } from '../../src/crypto/errors';
import { ChallengeExpiredError, checkExternalSignature } from '../../src/crypto/external-signature';
import { signAuthTokenRequest } from '../../src/crypto/xades-sign';
import { concatBytes } from '../../src/lib/bytes';
import { FIXTURE_SIGNERS, SIGNED_FIXTURES } from '../support/xades-fixtures';
import { CHALLENGE, makeSigner, UNSIGNED } from '../support/xades-signers';
import { installNodeXmlDom } from '../support/xml-dom';

installNodeXmlDom();

const ISSUED_AT = new Date('2025-11-20T10:14:00Z');
const EXPECTED = { challenge: CHALLENGE, challengeIssuedAt: ISSUED_AT };
const SOON = (): Date => new Date('2025-11-20T10:16:00Z');
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const bytes = (xml: string): Uint8Array => new TextEncoder().encode(xml);

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('checkExternalSignature accepts', () => {
  it('an enveloped XAdES-BES (EC) made by xmlsec1, returning the very same bytes and the facts', async () => {
    const input = SIGNED_FIXTURES.xadesEnvelopedEc;
    const result = checkExternalSignature(input, EXPECTED, SOON);
    const { subjectText } = await readCertificate(FIXTURE_SIGNERS.ec.certificate);
    expect(result.bytes).toBe(input);
    expect(result).toMatchObject({
      namespace: 'http://ksef.mf.gov.pl/auth/token/2.1',
      packaging: 'enveloped',
      signatureMethod: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
      signerSubject: subjectText,
      context: { type: 'Nip', value: '5265877635' },
      warnings: [],
    });
    expect(subjectText).toContain('Róża Żółtowska');
  });

  it('a plain XMLDSig in the 2.0 namespace, warning about SHA-1 and the missing XAdES properties', () => {
    const result = checkExternalSignature(SIGNED_FIXTURES.xmldsigSha1Rsa, EXPECTED, SOON);
    expect(result).toMatchObject({
      namespace: 'http://ksef.mf.gov.pl/auth/token/2.0',
      packaging: 'enveloped',
      signatureMethod: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      context: { type: 'InternalId', value: '5265877635-12345' },
      warnings: ['sha1', 'no-signed-properties'],
    });
  });

  it('an enveloping signature with the request inside ds:Object', () => {
    const result = checkExternalSignature(SIGNED_FIXTURES.envelopingRsa, EXPECTED, SOON);
    expect(result).toMatchObject({
      packaging: 'enveloping',
      context: { type: 'NipVatUe', value: '5265877635-DE123456789' },
    });
    expect(result.signerSubject).toContain('Spółka Testowa');
  });

  it('a signature made by signAuthTokenRequest', async () => {
    const signer = await makeSigner(globalThis.crypto, 'EC-P256');
    const signed = await signAuthTokenRequest(UNSIGNED, {
      privateKey: signer.keyPair.privateKey,
      certificate: signer.certificate,
    });
    expect(checkExternalSignature(bytes(signed), EXPECTED, SOON)).toMatchObject({
      packaging: 'enveloped',
      warnings: [],
    });
  });

  it('a counter-signature inside the XAdES properties, which is not a second signature', () => {
    const xml = text(SIGNED_FIXTURES.xadesEnvelopedEc).replace(
      '</xades:SignedProperties>',
      '</xades:SignedProperties><xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:CounterSignature><ds:Signature/></xades:CounterSignature></xades:UnsignedSignatureProperties></xades:UnsignedProperties>',
    );
    expect(checkExternalSignature(bytes(xml), EXPECTED, SOON).packaging).toBe('enveloped');
  });

  it('a challenge exactly 10 minutes old; RSA-PSS only earns a warning', () => {
    const pss = text(SIGNED_FIXTURES.xadesEnvelopedEc).replace(
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
      'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
    );
    const result = checkExternalSignature(bytes(pss), EXPECTED, () => new Date(ISSUED_AT.getTime() + 10 * 60_000));
    expect(result.warnings).toEqual(['rsa-pss']);
  });
});

describe('checkExternalSignature refuses', () => {
  const fixture = text(SIGNED_FIXTURES.xadesEnvelopedEc);
  it.each<[string, string, Uint8Array]>([
    ['an empty file', 'empty-file', new Uint8Array()],
    [
      'bytes that are not UTF-8',
      'xml-not-utf8',
      concatBytes(bytes(fixture.slice(0, 100)), Uint8Array.of(0xc3, 0x28), bytes(fixture.slice(100))),
    ],
    [
      'UTF-16 with a byte order mark',
      'xml-not-utf8',
      Uint8Array.of(0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00, 0x2f, 0x00, 0x3e, 0x00),
    ],
    [
      'a declared windows-1250 encoding',
      'xml-not-utf8',
      bytes(fixture.replace('encoding="utf-8"', 'encoding="windows-1250"')),
    ],
    [
      'an entity-expansion bomb',
      'xml-dtd-forbidden',
      bytes(
        `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>`,
      ),
    ],
    [
      'an external entity (XXE)',
      'xml-dtd-forbidden',
      bytes(
        `<!DOCTYPE AuthTokenRequest [<!ENTITY x SYSTEM "file:///etc/passwd">]>${fixture.slice(39).replace(CHALLENGE, '&x;')}`,
      ),
    ],
    ['an undeclared entity', 'xml-malformed', bytes(fixture.replace(CHALLENGE, '&x;'))],
    ['a truncated file', 'xml-malformed', bytes(fixture.slice(0, fixture.length - 40))],
    ['text after the root', 'xml-malformed', bytes(`${fixture}<extra/>`)],
    [
      'another document',
      'not-auth-token-request',
      bytes('<?xml version="1.0"?><Faktura xmlns="http://crd.gov.pl/wzor/2023/06/29/12648/"/>'),
    ],
    [
      'an AuthTokenRequest in an unknown namespace',
      'not-auth-token-request',
      bytes(fixture.replace('http://ksef.mf.gov.pl/auth/token/2.1', 'http://ksef.mf.gov.pl/auth/token/3.0')),
    ],
    ['an unsigned request', 'signature-missing', bytes(UNSIGNED)],
    ['two signatures', 'signature-multiple', SIGNED_FIXTURES.twoSignatures],
    ['a detached signature file', 'signature-detached', SIGNED_FIXTURES.detachedEc],
    [
      'an enveloped signature that does not cover the document',
      'signature-detached',
      bytes(fixture.replace('<ds:Reference URI="">', '<ds:Reference URI="#signed-properties-1">')),
    ],
    [
      'an enveloped signature with an external reference',
      'signature-detached',
      bytes(fixture.replace('<ds:Reference URI="#signed-properties-1"', '<ds:Reference URI="https://example.com/x"')),
    ],
    [
      'an enveloping signature not covering its object',
      'signature-detached',
      bytes(text(SIGNED_FIXTURES.envelopingRsa).replace('URI="#request-object"', 'URI="#other"')),
    ],
    [
      'a certificate in KeyInfo that is not one',
      'corrupt-file',
      bytes(fixture.replace(/<ds:X509Certificate>[^<]{20}/, '<ds:X509Certificate>AAAAAAAAAAAAAAAAAAAA')),
    ],
    [
      'a request for another challenge',
      'challenge-mismatch',
      bytes(fixture.replace(CHALLENGE, '20251120-CR-20F5EE4000-DA48AE4124-47')),
    ],
    [
      'a request without a challenge',
      'challenge-mismatch',
      bytes(fixture.replace(`<Challenge>${CHALLENGE}</Challenge>`, '')),
    ],
  ])('%s with %s', (_why, code, input) => {
    const error = errorOf(() => checkExternalSignature(input, EXPECTED, SOON));
    expect(isCryptoError(error)).toBe(true);
    expect(error).toMatchObject({ code });
  });

  it('a challenge older than 10 minutes, saying how old', () => {
    const error = errorOf(() =>
      checkExternalSignature(
        SIGNED_FIXTURES.xadesEnvelopedEc,
        EXPECTED,
        () => new Date(ISSUED_AT.getTime() + 11.5 * 60_000),
      ),
    );
    expect(error).toBeInstanceOf(ChallengeExpiredError);
    expect(error).toMatchObject({ code: 'challenge-expired', minutes: 11 });
  });
});

describe('checkExternalSignature on damaged input (property)', () => {
  const seeds = Object.values(SIGNED_FIXTURES);
  const damaged = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    fc.tuple(fc.constantFrom(...seeds), fc.nat()).map(([seed, n]) => seed.slice(0, n % (seed.length + 1))),
    fc
      .tuple(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }),
      )
      .map(([seed, flips]) => {
        const copy = Uint8Array.from(seed);
        for (const [at, bit] of flips) copy[at % copy.length] = (copy[at % copy.length] ?? 0) ^ (1 << bit);
        return copy;
      }),
    fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.string({ maxLength: 12 })).map(([seed, at, insert]) => {
      const source = text(seed);
      const i = at % (source.length + 1);
      return bytes(source.slice(0, i) + insert + source.slice(i));
    }),
  );

  it('returns a result or throws a CryptoError with a code, never anything else', () => {
    fc.assert(
      fc.property(damaged, (input) => {
        try {
          checkExternalSignature(input, EXPECTED, SOON);
        } catch (error) {
          if (!isCryptoError(error)) throw error;
        }
      }),
      { numRuns: 400 },
    );
  });
});
