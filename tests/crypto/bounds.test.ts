import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import {
  MAX_DER_DEPTH,
  MAX_RSA_MODULUS_BITS,
  MAX_XML_DEPTH,
  checkDerDepth,
  checkRsaSize,
  checkXmlDepth,
} from '../../src/crypto/bounds';
import { type CryptoErrorCode, isCryptoError } from '../../src/crypto/errors';
import { verifyExternalSignature } from '../../src/crypto/external-signature-verify';
import { identifyFile } from '../../src/crypto/file-kind';
import { encodePem } from '../../src/crypto/pem';
import { readPfx } from '../../src/crypto/pkcs12';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { readPublicKey } from '../../src/crypto/public-key';
import { engines } from '../support/engines';
import { FIXTURE_PASSWORD, fixture, fixtureText } from '../support/key-fixtures';
import { SIGNED_FIXTURES } from '../support/xades-fixtures';
import { installNodeXmlDom } from '../support/xml-dom';
import {
  explicitP256Parameters,
  nestedDer,
  pfxWithLocalKeyIdValues,
  rsaPrivateKey,
  rsaSpki,
} from '../support/hostile-inputs';

installNodeXmlDom();

async function codeOf(run: () => unknown): Promise<CryptoErrorCode | 'ok'> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (isCryptoError(error)) return error.code;
    throw error;
  }
}

const NULL = Uint8Array.of(0x05, 0x00);

describe('checkDerDepth', () => {
  it.each([0x30, 0x31, 0x24, 0xa0])('passes %i levels of tag %s up to the limit and refuses one more', (tag) => {
    expect(() => checkDerDepth(nestedDer(NULL, tag, MAX_DER_DEPTH), 'x')).not.toThrow();
    expect(() => checkDerDepth(nestedDer(NULL, tag, MAX_DER_DEPTH + 1), 'x')).toThrow(
      expect.objectContaining({ code: 'der-nesting-too-deep' }),
    );
  });

  it('counts indefinite lengths (BER) and siblings correctly', () => {
    const indefinite = (depth: number): Uint8Array =>
      Uint8Array.from([
        ...Array<number>(depth)
          .fill(0)
          .flatMap(() => [0x30, 0x80]),
        ...new Array<number>(2 * depth).fill(0),
      ]);
    expect(() => checkDerDepth(indefinite(MAX_DER_DEPTH), 'x')).not.toThrow();
    expect(() => checkDerDepth(indefinite(MAX_DER_DEPTH + 1), 'x')).toThrow(/nests more than 64/);
    // Many shallow siblings are not depth: a SEQUENCE of 10 000 SEQUENCEs each holding a NULL.
    const sibling = nestedDer(NULL, 0x30, 1);
    const many = new Uint8Array(sibling.length * 10_000).map((_, i) => sibling[i % sibling.length] ?? 0);
    expect(() => checkDerDepth(Uint8Array.from([0x30, 0x83, 0, 0x9c, 0x40, ...many]), 'x')).not.toThrow();
  });

  it('refuses an object identifier over 128 bytes, which asn1js decodes arc by arc', () => {
    const oid = (length: number): Uint8Array =>
      Uint8Array.from([0x06, 0x81, length, ...new Array<number>(length).fill(1)]);
    expect(() => checkDerDepth(oid(128), 'x')).not.toThrow();
    expect(() => checkDerDepth(oid(129), 'x')).toThrow(expect.objectContaining({ code: 'corrupt-file' }));
  });

  it('leaves bytes it cannot follow to the parser', () => {
    for (const bytes of [new Uint8Array(), Uint8Array.of(0x30), Uint8Array.of(0x30, 0x89, 1), Uint8Array.of(0x1f)])
      expect(() => checkDerDepth(bytes, 'x')).not.toThrow();
  });
});

describe('checkXmlDepth', () => {
  const nestedXml = (depth: number): string =>
    `<?xml version="1.0"?><r>${'<a x="/>">'.repeat(depth - 1)}<b/>${'</a>'.repeat(depth - 1)}</r>`;

  it('passes the limit and refuses one more level', () => {
    expect(() => checkXmlDepth(nestedXml(MAX_XML_DEPTH))).not.toThrow();
    expect(() => checkXmlDepth(nestedXml(MAX_XML_DEPTH + 1))).toThrow(
      expect.objectContaining({ code: 'xml-nesting-too-deep' }),
    );
  });

  it('does not count comments, CDATA or self-closing elements, and stops at unterminated markup', () => {
    const inert = `<!-- ${'<a>'.repeat(100)} --><![CDATA[${'<a>'.repeat(100)}]]>`;
    expect(() => checkXmlDepth(`<r>${inert}${'<e/>'.repeat(1000)}</r>`)).not.toThrow();
    expect(() => checkXmlDepth('<r><!-- never closed <a><a><a>')).not.toThrow();
  });
});

describe('checkRsaSize', () => {
  const modulus = (bits: number): Uint8Array => {
    const bytes = new Uint8Array(Math.ceil(bits / 8)).fill(0xff);
    bytes[0] = 0xff >> (bytes.length * 8 - bits);
    return bytes;
  };

  it('accepts a modulus of 16384 bits and a 64-bit exponent, and refuses one bit or one byte more', () => {
    expect(() => checkRsaSize(modulus(MAX_RSA_MODULUS_BITS), new Uint8Array(8).fill(1))).not.toThrow();
    expect(() => checkRsaSize(modulus(MAX_RSA_MODULUS_BITS + 1), Uint8Array.of(1, 0, 1))).toThrow(/16385 bits/);
    expect(() => checkRsaSize(modulus(2048), new Uint8Array(9).fill(1))).toThrow(
      expect.objectContaining({ code: 'rsa-modulus-too-large' }),
    );
  });
});

describe.each(engines)('readers refuse oversized input before working on it ($name)', ({ crypto }) => {
  const sec1WithoutParameters = fixtureText('ec-p256.sec1-no-params.pem');

  it('EC PARAMETERS with a 192 KiB curve coefficient (a 267 KB file that froze the tab for 84 s)', async () => {
    const pem = encodePem('EC PARAMETERS', explicitP256Parameters({ a: 192 * 1024 })) + sec1WithoutParameters;
    expect(await codeOf(() => readPrivateKey(new TextEncoder().encode(pem), undefined, crypto))).toBe(
      'ec-parameters-too-large',
    );
  });

  it.each(['p', 'a', 'b', 'g', 'n'] as const)('explicit parameters with field %s one byte too long', async (name) => {
    const length = { p: 68, a: 67, b: 67, g: 134, n: 68 }[name];
    const pem = encodePem('EC PARAMETERS', explicitP256Parameters({ [name]: length })) + sec1WithoutParameters;
    expect(await codeOf(() => readPrivateKey(new TextEncoder().encode(pem), undefined, crypto))).toBe(
      'ec-parameters-too-large',
    );
  });

  it('explicit parameters of P-256 itself still read', async () => {
    const pem = encodePem('EC PARAMETERS', explicitP256Parameters({})) + sec1WithoutParameters;
    expect(await codeOf(() => readPrivateKey(new TextEncoder().encode(pem), undefined, crypto))).toBe('ok');
  });

  it('an EC private key with a 67-byte scalar or a 134-byte public point', async () => {
    const key = (d: number, point: number): Uint8Array =>
      new Uint8Array(
        new asn1js.Sequence({
          value: [
            new asn1js.Integer({ value: 1 }),
            new asn1js.OctetString({ valueHex: new Uint8Array(d).fill(1) }),
            new asn1js.Constructed({
              idBlock: { tagClass: 3, tagNumber: 1 },
              value: [new asn1js.BitString({ valueHex: new Uint8Array(point).fill(4) })],
            }),
          ],
        }).toBER(),
      );
    const read = (der: Uint8Array) => () =>
      readPrivateKey(new TextEncoder().encode(encodePem('EC PRIVATE KEY', der)), undefined, crypto);
    expect(await codeOf(read(key(67, 65)))).toBe('ec-parameters-too-large');
    expect(await codeOf(read(key(32, 134)))).toBe('ec-parameters-too-large');
  });

  it('an RSA key with a 16392-bit modulus, private or public; a component longer than the modulus', async () => {
    const pem = encodePem('RSA PRIVATE KEY', rsaPrivateKey({ modulusBytes: 2049 }));
    expect(await codeOf(() => readPrivateKey(new TextEncoder().encode(pem), undefined, crypto))).toBe(
      'rsa-modulus-too-large',
    );
    expect(await codeOf(() => readPublicKey(rsaSpki(2049, 3)))).toBe('rsa-modulus-too-large');
    expect(await codeOf(() => readPublicKey(rsaSpki(256, 9)))).toBe('rsa-modulus-too-large');
    const longExponent = encodePem('RSA PRIVATE KEY', rsaPrivateKey({ modulusBytes: 256, privateExponentBytes: 4096 }));
    expect(await codeOf(() => readPrivateKey(new TextEncoder().encode(longExponent), undefined, crypto))).toBe(
      'corrupt-file',
    );
  });

  it('100 000 nested SEQUENCEs or constructed OCTET STRINGs, as DER, in PEM and inside a PFX', async () => {
    for (const tag of [0x30, 0x24]) {
      const der = Uint8Array.from([0x30, ...nestedDer(NULL, tag, 100_000).subarray(1)]);
      const pem = new TextEncoder().encode(encodePem('PRIVATE KEY', der));
      expect(await codeOf(() => readPrivateKey(der, FIXTURE_PASSWORD, crypto))).toBe('der-nesting-too-deep');
      expect(await codeOf(() => readPrivateKey(pem, FIXTURE_PASSWORD, crypto))).toBe('der-nesting-too-deep');
      expect(await codeOf(() => identifyFile(pem))).toBe('der-nesting-too-deep');
    }
    const pfx = pfxWithLocalKeyIdValues(fixture('ec-p256.unprotected.p12'), [nestedDer(NULL, 0x30, 1000)]);
    expect(await codeOf(() => readPfx(pfx, undefined, crypto))).toBe('der-nesting-too-deep');
  });

  it('a PFX localKeyId attribute with an empty SET, two values or a value of the wrong type (was a TypeError)', async () => {
    const unprotected = fixture('ec-p256.unprotected.p12');
    const octets = Uint8Array.of(0x04, 0x01, 0x01);
    for (const values of [[], [octets, octets], [NULL]]) {
      expect(await codeOf(() => readPfx(pfxWithLocalKeyIdValues(unprotected, values), undefined, crypto))).toBe(
        'corrupt-file',
      );
    }
    expect(await codeOf(() => readPfx(pfxWithLocalKeyIdValues(unprotected, [octets]), undefined, crypto))).toBe('ok');
  });

  it('a signed XML file nesting 100 000 elements (was a stack overflow in the canonicalizer)', async () => {
    const signed = new TextDecoder().decode(SIGNED_FIXTURES.xmldsigSha1Rsa);
    const deep = signed.replace(/(<[A-Za-z][^>?!]*>)/, `$1${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`);
    expect(await codeOf(() => verifyExternalSignature(new TextEncoder().encode(deep), crypto))).toBe(
      'xml-nesting-too-deep',
    );
  });
});
