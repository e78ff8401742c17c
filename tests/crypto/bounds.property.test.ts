import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CryptoError } from '../../src/crypto/errors';
import { verifyExternalSignature } from '../../src/crypto/external-signature-verify';
import { identifyFile } from '../../src/crypto/file-kind';
import { encodePem } from '../../src/crypto/pem';
import { readPfx } from '../../src/crypto/pkcs12';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { engines } from '../support/engines';
import { explicitP256Parameters, nestedDer, pfxWithLocalKeyIdValues } from '../support/hostile-inputs';
import { fixture, fixtureText } from '../support/key-fixtures';
import { SIGNED_FIXTURES } from '../support/xades-fixtures';
import { installNodeXmlDom } from '../support/xml-dom';

installNodeXmlDom();

/**
 * A share of `npm run fuzz` kept in `npm test`: the structure-aware mutations that reach the length
 * checks, each with every input the fuzzer (or the audit) found failing as a fixed example. Every run
 * must end in a result or a CryptoError, quickly; before the fixes the examples hung or threw.
 */

async function settles(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    return error.code;
  }
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const NULL = Uint8Array.of(0x05, 0x00);

/** One DER value of the kinds a damaged bag attribute holds. */
const attributeValue = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((bytes) => new asn1js.OctetString({ valueHex: bytes })),
  fc.constant(new asn1js.Null()),
  fc.integer().map((value) => new asn1js.Integer({ value })),
  fc.string({ maxLength: 20 }).map((value) => new asn1js.BmpString({ value })),
  fc.constant(new asn1js.Sequence()),
);

describe.each(engines)('length checks under mutation ($name)', ({ crypto }) => {
  const unprotected = fixture('ec-p256.unprotected.p12');
  const sec1 = fixtureText('ec-p256.sec1-no-params.pem');

  it('readPfx: localKeyId attributes holding 0 to 3 values of any kind', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(attributeValue, { maxLength: 3 }), async (values) => {
        const der = values.map((value) => new Uint8Array(value.toBER()));
        await settles(() => readPfx(pfxWithLocalKeyIdValues(unprotected, der), undefined, crypto));
      }),
      // The audit's crash: an empty SET (30 uncaught TypeErrors in 100 000 inputs).
      { numRuns: 60, examples: [[[]]] },
    );
  });

  it('readPrivateKey: EC PARAMETERS with fields of any length', async () => {
    const size = fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(fc.record({ p: size, a: size, b: size, g: size, n: size }), async (sizes) => {
        const pem = encodePem('EC PARAMETERS', explicitP256Parameters(sizes)) + sec1;
        await settles(() => readPrivateKey(encode(pem), undefined, crypto));
      }),
      // The audit's 267 KB file: a 192 KiB coefficient a, 84 s in Chromium.
      { numRuns: 60, examples: [[{ p: undefined, a: 192 * 1024, b: undefined, g: undefined, n: undefined }]] },
    );
  });

  it('readPrivateKey and identifyFile: DER nested to any depth with any constructed tag', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0x30, 0x31, 0x24, 0xa0),
        fc.integer({ min: 0, max: 300 }),
        async (tag, depth) => {
          const pem = encode(encodePem('PRIVATE KEY', nestedDer(NULL, tag, depth)));
          const code = await settles(() => readPrivateKey(pem, undefined, crypto));
          await settles(() => identifyFile(pem));
          if (depth > 64) expect(code).toBe('der-nesting-too-deep');
        },
      ),
      {
        numRuns: 60,
        examples: [
          [0x30, 100_000],
          [0x24, 100_000],
        ],
      },
    );
  });

  it('identifyFile: object identifiers of any length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 400 }), async (length) => {
        const oid = Uint8Array.from([0x06, 0x82, length >> 8, length & 0xff, ...new Array<number>(length).fill(0x2a)]);
        const der = Uint8Array.from([0x30, 0x82, (oid.length >> 8) & 0xff, oid.length & 0xff, ...oid]);
        const code = await settles(() => identifyFile(der));
        if (length > 128) expect(code).toBe('corrupt-file');
      }),
      // The fuzzer's input 1628 (seed 1): a 70 000-byte OID in a PBES2 key, 1 s per parse.
      { numRuns: 40, examples: [[64_000]] },
    );
  });

  it('verifyExternalSignature: elements nested to any depth', async () => {
    const signed = new TextDecoder().decode(SIGNED_FIXTURES.xmldsigSha1Rsa);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 200 }), async (depth) => {
        const deep = signed.replace(/(<[A-Za-z][^>?!]*>)/, `$1${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`);
        const code = await settles(() => verifyExternalSignature(encode(deep), crypto));
        if (depth > 64) expect(code).toBe('xml-nesting-too-deep');
      }),
      // The fuzzer's input 102 (seed 1): 100 000 levels, a RangeError in the canonicalizer.
      { numRuns: 20, examples: [[100_000]] },
    );
  });
});
