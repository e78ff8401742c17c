import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCryptoError } from '../../src/crypto/errors';
import { verifyExternalSignature } from '../../src/crypto/external-signature-verify';
import { signAuthTokenRequest } from '../../src/crypto/xades-sign';
import { fromBase64, toBase64 } from '../../src/lib/bytes';
import { SIGNED_FILE_EDITS, addSignatureTimeStamp } from '../support/signed-file-edits';
import { SIGNED_FIXTURES } from '../support/xades-fixtures';
import { makeSigner, UNSIGNED } from '../support/xades-signers';
import { installNodeXmlDom } from '../support/xml-dom';

installNodeXmlDom();

/**
 * The verdicts here are xmlsec1's: `external-signature-verify.node.test.ts` runs `xmlsec1 --verify` on
 * every edited file and holds each row's `xmlsec1` column true. This file runs in Node and in Chromium.
 */
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const bytes = (xml: string): Uint8Array => new TextEncoder().encode(xml);

async function verdictOf(input: Uint8Array): Promise<string> {
  try {
    const verdict = await verifyExternalSignature(input);
    return verdict.status === 'valid' ? 'valid' : `unchecked:${verdict.reason}`;
  } catch (error) {
    if (isCryptoError(error)) return error.code;
    throw error;
  }
}

const FILES = {
  'XAdES-BES enveloped, EC P-256 (xmlsec1)': SIGNED_FIXTURES.xadesEnvelopedEc,
  'XMLDSig enveloped, RSA with SHA-1 (xmlsec1)': SIGNED_FIXTURES.xmldsigSha1Rsa,
  'enveloping, RSA (xmlsec1)': SIGNED_FIXTURES.envelopingRsa,
} as const;

describe('verifyExternalSignature agrees with xmlsec1 on files edited after signing', () => {
  for (const [file, signed] of Object.entries(FILES)) {
    it.each(SIGNED_FILE_EDITS.map((row) => [row.name, row] as const))(`${file}, %s`, async (_name, row) => {
      expect(await verdictOf(row.edit(signed))).toBe(row.expected);
    });
  }
});

describe('verifyExternalSignature', () => {
  it('accepts a signature made by signAuthTokenRequest (our own XAdES, for a KSeF certificate)', async () => {
    for (const algorithm of ['EC-P256', 'RSA-2048'] as const) {
      const signer = await makeSigner(globalThis.crypto, algorithm);
      const signed = await signAuthTokenRequest(UNSIGNED, {
        privateKey: signer.keyPair.privateKey,
        certificate: signer.certificate,
      });
      expect(await verdictOf(bytes(signed))).toBe('valid');
    }
  });

  it('accepts unsigned properties added after signing (a XAdES-T time stamp), which no Reference covers', async () => {
    expect(await verdictOf(addSignatureTimeStamp(SIGNED_FIXTURES.xadesEnvelopedEc))).toBe('valid');
  });

  it('leaves a SignatureMethod it cannot compute to KSeF (RSA-PSS), even when the file is intact', async () => {
    const pss = text(SIGNED_FIXTURES.xadesEnvelopedEc).replace(
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
      'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
    );
    expect(await verdictOf(bytes(pss))).toBe('unchecked:algorithm');
  });

  it('leaves a transform it does not implement to KSeF (XPath filter 2.0)', async () => {
    const xpath = text(SIGNED_FIXTURES.xadesEnvelopedEc).replace(
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2002/06/xmldsig-filter2',
    );
    expect(await verdictOf(bytes(xpath))).toBe('unchecked:algorithm');
  });

  it('leaves an ECDSA value in DER (not raw r || s) to KSeF rather than calling it invalid', async () => {
    const signed = text(SIGNED_FIXTURES.xadesEnvelopedEc);
    const der = signed.replace(/(<ds:SignatureValue>)([^<]*)(<)/, (_m, open: string, value: string, close: string) => {
      const raw = fromBase64(value);
      if (raw?.length !== 64) throw new Error('expected a raw P-256 value');
      const integer = (half: Uint8Array): number[] => (half[0]! >= 0x80 ? [2, 33, 0, ...half] : [2, 32, ...half]);
      const body = [...integer(raw.slice(0, 32)), ...integer(raw.slice(32))];
      return `${open}${toBase64(Uint8Array.of(0x30, body.length, ...body))}${close}`;
    });
    expect(await verdictOf(bytes(der))).toBe('unchecked:shape');
  });

  it('says which reference changed: the signed properties (SigningTime moved on)', async () => {
    const later = text(SIGNED_FIXTURES.xadesEnvelopedEc).replace(
      /<xades:SigningTime>(\d{4})/,
      (_m, year: string) => `<xades:SigningTime>${Number(year) + 1}`,
    );
    await expect(verifyExternalSignature(bytes(later))).rejects.toMatchObject({
      code: 'signature-digest-mismatch',
      message: expect.stringContaining('#signed-properties-1') as unknown,
    });
  });
});

describe('verifyExternalSignature on damaged input (property)', () => {
  const seeds = Object.values(FILES);
  const damaged = fc.oneof(
    fc.tuple(fc.constantFrom(...seeds), fc.nat()).map(([seed, n]) => seed.slice(0, n % (seed.length + 1))),
    fc
      .tuple(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 3 }),
      )
      .map(([seed, flips]) => {
        const copy = Uint8Array.from(seed);
        for (const [at, bit] of flips) copy[at % copy.length] = (copy[at % copy.length] ?? 0) ^ (1 << bit);
        return copy;
      }),
  );

  it('returns a verdict or throws a CryptoError with a code, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async (input) => {
        await verdictOf(input);
      }),
      { numRuns: 150 },
    );
  });
});
