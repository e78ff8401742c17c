import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCertificates } from '../../src/crypto/certificate-reader';
import { checkCsr } from '../../src/crypto/check-csr';
import { buildCsr } from '../../src/crypto/csr';
import { isCryptoError } from '../../src/crypto/errors';
import { parsePem } from '../../src/crypto/pem';
import authPem from '../fixtures/certs/auth-ec.pem?raw';
import compressedPem from '../fixtures/certs/compressed-p256.pem?raw';
import ksefTestPem from '../fixtures/certs/ksef-test-auth.pem?raw';
import qualifiedSealPem from '../fixtures/certs/qualified-seal.pem?raw';
import rsaPem from '../fixtures/certs/self-signed-rsa.pem?raw';
import { generateKeyPair, PERSON } from '../support/certificates';
import { engines } from '../support/engines';

const derOf = (pem: string): Uint8Array => {
  const [block] = parsePem(pem);
  if (!block) throw new Error('fixture has no PEM block');
  return block.der;
};

/** `ok` when the promise resolves, the error code when it rejects with a CryptoError; anything else fails. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isCryptoError(error)) return error.code;
    throw error;
  }
}

/** A copy of `bytes` with the given bit positions flipped. */
function flip(bytes: Uint8Array, bits: readonly number[]): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (const bit of bits) {
    const i = (bit >> 3) % out.length;
    out[i] = (out[i] ?? 0) ^ (1 << (bit & 7));
  }
  return out;
}

// ksef-test-auth and qualified-seal carry qcStatements and a CRL distribution point: flips reach their readers too.
const CERTIFICATES = [derOf(authPem), derOf(rsaPem), derOf(compressedPem), derOf(ksefTestPem), derOf(qualifiedSealPem)];
const flips = fc.array(fc.nat({ max: 8 * 2000 }), { minLength: 1, maxLength: 4 });

describe.each(engines)('readers of untrusted bytes ($name)', ({ crypto }) => {
  const now = new Date('2027-06-01T00:00:00Z');

  it('readCertificates on random bytes: a summary list or a CryptoError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        await outcome(readCertificates(bytes, now, crypto));
      }),
      { numRuns: 200 },
    );
  });

  it('readCertificates on DER-looking random bytes (a SEQUENCE header first)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (tail) => {
        const bytes = Uint8Array.of(0x30, 0x82, tail.length >> 8, tail.length & 0xff, ...tail);
        await outcome(readCertificates(bytes, now, crypto));
      }),
      { numRuns: 150 },
    );
  });

  it('readCertificates on every truncation class: always a CryptoError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CERTIFICATES), fc.nat(), async (der, cut) => {
        const length = cut % der.length;
        expect(await outcome(readCertificates(der.subarray(0, length), now, crypto))).not.toBe('ok');
      }),
      { numRuns: 150 },
    );
  });

  it('readCertificates on bit flips of certificates: a result or a CryptoError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CERTIFICATES), flips, async (der, bits) => {
        await outcome(readCertificates(flip(der, bits), now, crypto));
      }),
      { numRuns: 200 },
    );
  });

  it('readCertificates on bit flips of PEM text: a result or a CryptoError', async () => {
    const pem = new TextEncoder().encode(authPem);
    await fc.assert(
      fc.asyncProperty(flips, async (bits) => {
        await outcome(readCertificates(flip(pem, bits), now, crypto));
      }),
      { numRuns: 100 },
    );
  });

  it('checkCsr on truncations, bit flips and random bytes: findings or a CryptoError', async () => {
    const csr = await buildCsr(PERSON, await generateKeyPair(crypto, 'EC-P256'), crypto);
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (cut) => {
        expect(await outcome(checkCsr(csr.subarray(0, cut % csr.length), PERSON, crypto))).toBe('corrupt-file');
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(flips, async (bits) => {
        const result = await outcome(checkCsr(flip(csr, bits), PERSON, crypto));
        expect(['ok', 'corrupt-file']).toContain(result);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        expect(await outcome(checkCsr(bytes, PERSON, crypto))).toBe('corrupt-file');
      }),
      { numRuns: 100 },
    );
  });
});
