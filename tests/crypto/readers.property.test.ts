import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCertificates } from '../../src/crypto/certificate-reader';
import { CryptoError } from '../../src/crypto/errors';
import { identifyFile } from '../../src/crypto/file-kind';
import { legacyCbcDecrypt } from '../../src/crypto/legacy-ciphers';
import { decodeFileBytes, parsePem } from '../../src/crypto/pem';
import { decryptPasswordBased } from '../../src/crypto/pbe';
import { readPfx } from '../../src/crypto/pkcs12';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { engines } from '../support/engines';
import { FIXTURE_PASSWORD, fixture } from '../support/key-fixtures';

/**
 * Untrusted bytes must end in a result or a CryptoError with a code: never a TypeError, never a hang.
 * The encrypted fixtures use 2048 iterations, so PBKDF2 and the PFX MAC do not dominate the runs.
 */

function expectCryptoError(error: unknown): void {
  if (!(error instanceof CryptoError)) throw error;
  expect(typeof error.code).toBe('string');
}

function sync(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expectCryptoError(error);
  }
}

async function settles(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expectCryptoError(error);
  }
}

/** A valid file with one to three bits flipped, or cut short. */
function damaged(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  const flips = fc
    .array(fc.record({ index: fc.nat({ max: bytes.length - 1 }), bit: fc.integer({ min: 0, max: 7 }) }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((list) => {
      const copy = bytes.slice();
      for (const { index, bit } of list) copy[index] = (copy[index] ?? 0) ^ (1 << bit);
      return copy;
    });
  const truncations = fc.nat({ max: bytes.length - 1 }).map((length) => bytes.slice(0, length));
  return fc.oneof(flips, truncations);
}

const KEY_FILES = [
  'ec-p256.pbes2-sha256-aes-256-cbc.pem',
  'ec-p384.pbes2-sha256-aes-256-cbc.der',
  'ec-p256.pkcs8.der',
  'ec-p256.sec1.pem',
  'ec-p256.sec1-explicit.pem',
  'ec-p256.ec-parameters-and-sec1-no-params.pem',
  'rsa-2048.pkcs1.der',
  'ec-p256.cert-and-key.pem',
];

const pemLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '-----BEGIN ',
        '-----END ',
        'CERTIFICATE-----',
        'PRIVATE KEY-----',
        'EC PARAMETERS-----',
        '\n',
        '\r\n',
        'Proc-Type: 4,ENCRYPTED\n\n',
      ),
      fc.base64String({ maxLength: 80 }),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('synchronous readers of untrusted bytes', () => {
  it('identifyFile and decodeFileBytes: random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        sync(() => identifyFile(bytes));
        sync(() => decodeFileBytes(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('parsePem and identifyFile: PEM-like text', () => {
    fc.assert(
      fc.property(pemLike, (text) => {
        sync(() => parsePem(text));
        sync(() => identifyFile(new TextEncoder().encode(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('legacyCbcDecrypt: random keys, IVs and ciphertexts', () => {
    const cipher = fc.oneof(
      fc.constant({ name: 'DES-CBC' as const }),
      fc.constant({ name: 'DES-EDE3-CBC' as const }),
      fc.integer({ min: 1, max: 1024 }).map((effectiveBits) => ({ name: 'RC2-CBC' as const, effectiveBits })),
    );
    fc.assert(
      fc.property(
        cipher,
        fc.uint8Array({ minLength: 1, maxLength: 32 }),
        fc.uint8Array({ maxLength: 16 }),
        fc.uint8Array({ maxLength: 64 }),
        (name, key, iv, ciphertext) => sync(() => legacyCbcDecrypt(name, key, iv, ciphertext)),
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ...KEY_FILES,
    'ec-p256.cert.der',
    'ec-p256.csr.pem',
    'ec-p256.openssl3.p12',
    'ec-p256.trusted-cert.pem',
    'rsa-2048.chain.p7b.der',
  ])('identifyFile: damaged %s', (file) => {
    fc.assert(
      fc.property(damaged(fixture(file)), (bytes) => sync(() => identifyFile(bytes))),
      { numRuns: 200 },
    );
  });
});

describe.each(engines)('asynchronous readers of untrusted bytes ($name)', ({ crypto }) => {
  it('readPrivateKey and readPfx: random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        await settles(readPrivateKey(bytes, FIXTURE_PASSWORD, crypto));
        await settles(readPfx(bytes, FIXTURE_PASSWORD, crypto));
      }),
      { numRuns: 150 },
    );
  });

  it.each(['rsa-2048.chain.p7b.der', 'ec-p256.trusted-cert.pem'])('readCertificates: damaged %s', async (file) => {
    await fc.assert(
      fc.asyncProperty(damaged(fixture(file)), async (bytes) => settles(readCertificates(bytes, new Date(), crypto))),
      { numRuns: 100 },
    );
  });

  it.each(KEY_FILES)('readPrivateKey: damaged %s', async (file) => {
    await fc.assert(
      fc.asyncProperty(damaged(fixture(file)), async (bytes) =>
        settles(readPrivateKey(bytes, FIXTURE_PASSWORD, crypto)),
      ),
      { numRuns: 100 },
    );
  });

  // PBES1 and the PKCS#12 KDF take one digest call per iteration: fewer runs, as a flipped bit in the
  // iteration count can multiply the work.
  it.each([
    'ec-p256.pbe-sha1-3des.pem',
    'ec-p256.pbe-md5-des.pem',
    'ec-p256.pbe-sha1-rc2-64.pem',
    'ec-p256.pbes2-des3.pem',
    'ec-p256.pbes2-sha256-aes-192-cbc.pem',
  ])('readPrivateKey: damaged %s', async (file) => {
    await fc.assert(
      fc.asyncProperty(damaged(fixture(file)), async (bytes) =>
        settles(readPrivateKey(bytes, FIXTURE_PASSWORD, crypto)),
      ),
      { numRuns: 25 },
    );
  });

  it('decryptPasswordBased: PBES1 and PKCS#12 PBE with random parameters and ciphertext', async () => {
    const scheme = fc.constantFrom(
      '1.2.840.113549.1.12.1.3',
      '1.2.840.113549.1.12.1.4',
      '1.2.840.113549.1.12.1.5',
      '1.2.840.113549.1.12.1.6',
      '1.2.840.113549.1.5.3',
      '1.2.840.113549.1.5.10',
      '1.2.840.113549.1.5.11',
    );
    await fc.assert(
      fc.asyncProperty(
        scheme,
        fc.uint8Array({ maxLength: 12 }),
        fc.integer({ min: -2, max: 40 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom('', FIXTURE_PASSWORD),
        async (oid, salt, iterations, ciphertext, password) => {
          const algorithm = new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: oid }),
              new asn1js.Sequence({
                value: [new asn1js.OctetString({ valueHex: salt }), new asn1js.Integer({ value: iterations })],
              }),
            ],
          });
          await settles(decryptPasswordBased(new Uint8Array(algorithm.toBER()), ciphertext, password, crypto));
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    ['ec-p256.unprotected.p12', 150],
    ['ec-p256.openssl3.p12', 25],
    ['ec-p256.legacy.p12', 15],
    ['ec-p256.legacy-empty-password.p12', 15],
  ] as const)('readPfx: damaged %s', async (file, numRuns) => {
    await fc.assert(
      fc.asyncProperty(damaged(fixture(file)), async (bytes) => settles(readPfx(bytes, FIXTURE_PASSWORD, crypto))),
      { numRuns },
    );
  });

  it('gives up quickly on 5 MB of random bytes and on deeply nested DER', async () => {
    const random = new Uint8Array(5 * 1024 * 1024);
    for (let offset = 0; offset < random.length; offset += 65536)
      crypto.getRandomValues(random.subarray(offset, offset + 65536));
    random[0] = 0x30;
    const nested = new Uint8Array(5 * 1024 * 1024).map((_, index) => (index % 2 === 0 ? 0x30 : 0x80));
    for (const bytes of [random, nested]) {
      await expect(readPrivateKey(bytes, FIXTURE_PASSWORD, crypto)).rejects.toBeInstanceOf(CryptoError);
      await expect(readPfx(bytes, FIXTURE_PASSWORD, crypto)).rejects.toBeInstanceOf(CryptoError);
      expect(() => identifyFile(bytes)).toThrow(CryptoError);
    }
  });
});
