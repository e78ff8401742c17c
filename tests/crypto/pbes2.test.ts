import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { type CryptoErrorCode, CryptoError } from '../../src/crypto/errors';
import { OID } from '../../src/crypto/oids';
import { PKCS8_CONVERSION_HINT, type Pbes2EncryptOptions, pbes2Decrypt, pbes2Encrypt } from '../../src/crypto/pbes2';
import { supportsAes192 } from '../support/engine-features';
import { engines } from '../support/engines';

const PASSWORD = 'Zażółć gęślą jaźń 1!';
const PLAINTEXT = new TextEncoder().encode('PBES2 test plaintext, longer than one AES block.');
const FAST: Pbes2EncryptOptions = { prf: 'SHA-256', cipher: 'AES-256-CBC', iterations: 1000, saltLength: 16 };

/** PBES2 parameters written with asn1js directly (RFC 8018 Appendix A.4, C), independent of pbes2.ts. */
interface Crafted {
  readonly scheme?: string;
  readonly kdf?: string;
  readonly salt?: Uint8Array;
  readonly iterations?: asn1js.Integer;
  readonly keyLength?: number;
  readonly prf?: { readonly oid: string; readonly parameter?: asn1js.AsnType } | null;
  readonly cipher?: string;
  readonly iv?: Uint8Array;
}

function craft(c: Crafted): Uint8Array {
  const kdfParams: asn1js.AsnType[] = [
    new asn1js.OctetString({ valueHex: c.salt ?? new Uint8Array(16).fill(1) }),
    c.iterations ?? new asn1js.Integer({ value: 1000 }),
  ];
  if (c.keyLength !== undefined) kdfParams.push(new asn1js.Integer({ value: c.keyLength }));
  const prf = c.prf === undefined ? { oid: OID.hmacWithSha256 } : c.prf;
  if (prf !== null) {
    const value: asn1js.AsnType[] = [new asn1js.ObjectIdentifier({ value: prf.oid })];
    if (prf.parameter) value.push(prf.parameter);
    kdfParams.push(new asn1js.Sequence({ value }));
  }
  const algorithm = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: c.scheme ?? OID.pbes2 }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: c.kdf ?? OID.pbkdf2 }),
              new asn1js.Sequence({ value: kdfParams }),
            ],
          }),
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: c.cipher ?? OID.aes256Cbc }),
              new asn1js.OctetString({ valueHex: c.iv ?? new Uint8Array(16).fill(2) }),
            ],
          }),
        ],
      }),
    ],
  });
  return new Uint8Array(algorithm.toBER());
}

/** Encrypts with WebCrypto directly, for parameters crafted above. */
async function encryptDirectly(crypto: Crypto, hash: string, keyBits: number, password: string): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash, salt: new Uint8Array(16).fill(1), iterations: 1000 },
    base,
    { name: 'AES-CBC', length: keyBits },
    false,
    ['encrypt'],
  );
  return new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16).fill(2) }, key, PLAINTEXT),
  );
}

async function codeOf(promise: Promise<unknown>): Promise<CryptoErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  throw new Error('expected a CryptoError');
}

function integer(hex: string): asn1js.Integer {
  const bytes = new Uint8Array(hex.match(/../g)?.map((byte) => parseInt(byte, 16)) ?? []);
  return new asn1js.Integer({ valueHex: bytes });
}

describe.each(engines)('pbes2 ($name)', ({ crypto }) => {
  const combinations = (['SHA-256', 'SHA-384', 'SHA-512'] as const).flatMap((prf) =>
    (['AES-128-CBC', 'AES-256-CBC'] as const).map((cipher) => ({ prf, cipher })),
  );

  it.each(combinations)('round-trips with $prf and $cipher', async ({ prf, cipher }) => {
    const { algorithmIdentifier, ciphertext } = await pbes2Encrypt(
      PLAINTEXT,
      PASSWORD,
      { ...FAST, prf, cipher },
      crypto,
    );
    expect(await pbes2Decrypt(algorithmIdentifier, ciphertext, PASSWORD, crypto)).toEqual(PLAINTEXT);
  });

  it('round-trips AES-192-CBC, or says unsupported-encryption where the engine lacks AES-192', async () => {
    const options: Pbes2EncryptOptions = { ...FAST, cipher: 'AES-192-CBC' };
    if (await supportsAes192(crypto)) {
      const { algorithmIdentifier, ciphertext } = await pbes2Encrypt(PLAINTEXT, PASSWORD, options, crypto);
      expect(await pbes2Decrypt(algorithmIdentifier, ciphertext, PASSWORD, crypto)).toEqual(PLAINTEXT);
    } else {
      // Reading AES-192 works everywhere (tests/crypto/private-key-reader.test.ts); writing needs WebCrypto's.
      expect(await codeOf(pbes2Encrypt(PLAINTEXT, PASSWORD, options, crypto))).toBe('unsupported-encryption');
    }
  });

  it('writes PBKDF2 with the PRF without NULL, no keyLength, the given salt length and a 16-byte IV', async () => {
    const { algorithmIdentifier } = await pbes2Encrypt(PLAINTEXT, PASSWORD, { ...FAST, saltLength: 20 }, crypto);
    const root = asn1js.fromBER(algorithmIdentifier).result;
    expect(root.toBER()).toEqual(algorithmIdentifier.buffer);
    const [scheme, params] = (root as asn1js.Sequence).valueBlock.value as [asn1js.ObjectIdentifier, asn1js.Sequence];
    expect(scheme.getValue()).toBe(OID.pbes2);
    const [kdf, encryption] = params.valueBlock.value as [asn1js.Sequence, asn1js.Sequence];
    const [kdfOid, kdfParams] = kdf.valueBlock.value as [asn1js.ObjectIdentifier, asn1js.Sequence];
    expect(kdfOid.getValue()).toBe(OID.pbkdf2);
    const [salt, iterations, prf, ...rest] = kdfParams.valueBlock.value as [
      asn1js.OctetString,
      asn1js.Integer,
      asn1js.Sequence,
    ];
    expect(salt.getValue().byteLength).toBe(20);
    expect(iterations.toBigInt()).toBe(1000n);
    expect(rest).toHaveLength(0);
    expect(prf.valueBlock.value).toHaveLength(1);
    expect((prf.valueBlock.value[0] as asn1js.ObjectIdentifier).getValue()).toBe(OID.hmacWithSha256);
    const [cipherOid, iv] = encryption.valueBlock.value as [asn1js.ObjectIdentifier, asn1js.OctetString];
    expect(cipherOid.getValue()).toBe(OID.aes256Cbc);
    expect(iv.getValue().byteLength).toBe(16);
  });

  it('uses fresh salt and IV every time', async () => {
    const a = await pbes2Encrypt(PLAINTEXT, PASSWORD, FAST, crypto);
    const b = await pbes2Encrypt(PLAINTEXT, PASSWORD, FAST, crypto);
    expect(a.algorithmIdentifier).not.toEqual(b.algorithmIdentifier);
    expect(a.ciphertext).not.toEqual(b.ciphertext);
  });

  it.each([
    { name: 'PRF absent (HMAC-SHA-1)', prf: null, hash: 'SHA-1' },
    {
      name: 'PRF with a NULL parameter',
      prf: { oid: OID.hmacWithSha256, parameter: new asn1js.Null() },
      hash: 'SHA-256',
    },
    { name: 'PRF HMAC-SHA-512 without parameter', prf: { oid: OID.hmacWithSha512 }, hash: 'SHA-512' },
  ])('decrypts parameters written by others: $name', async ({ prf, hash }) => {
    const ciphertext = await encryptDirectly(crypto, hash, 256, PASSWORD);
    expect(await pbes2Decrypt(craft({ prf }), ciphertext, PASSWORD, crypto)).toEqual(PLAINTEXT);
  });

  it('honours a keyLength that matches the cipher', async () => {
    const ciphertext = await encryptDirectly(crypto, 'SHA-256', 128, PASSWORD);
    expect(await pbes2Decrypt(craft({ keyLength: 16, cipher: OID.aes128Cbc }), ciphertext, PASSWORD, crypto)).toEqual(
      PLAINTEXT,
    );
  });

  // Fixed salt and IV (craft/encryptDirectly), so each case below is deterministic. With random ones a
  // wrong password passes the PKCS#7 padding check about once in 256 runs (plaintext ending in 0x01).
  it('says wrong-password when the padding does not check out', async () => {
    const ciphertext = await encryptDirectly(crypto, 'SHA-256', 256, PASSWORD);
    expect(await codeOf(pbes2Decrypt(craft({}), ciphertext, 'not the password', crypto))).toBe('wrong-password');
  });

  it('returns garbage, not the plaintext, when a wrong password passes the padding by chance', async () => {
    // Callers must check the structure of what comes out (decryptPrivateKeyInfo does); this is why.
    const ciphertext = await encryptDirectly(crypto, 'SHA-256', 256, PASSWORD);
    let lucky: Uint8Array | null = null;
    for (let i = 0; i < 2048 && lucky === null; i++) {
      lucky = await pbes2Decrypt(craft({}), ciphertext, `wrong-${i}`, crypto).catch((error: unknown) => {
        if (error instanceof CryptoError && error.code === 'wrong-password') return null;
        throw error;
      });
    }
    expect(lucky).not.toBeNull();
    expect(lucky).not.toEqual(PLAINTEXT);
  });

  const block = new Uint8Array(16);
  it.each<{ name: string; crafted: Crafted; ciphertext?: Uint8Array; code: CryptoErrorCode }>([
    {
      name: 'PBES1 (pbes1Decrypt reads it, not pbes2Decrypt)',
      crafted: { scheme: OID.pbeWithSha1AndDesCbc },
      code: 'unsupported-encryption',
    },
    {
      name: 'PKCS#12 PBE RC4',
      crafted: { scheme: OID.pbeWithShaAnd128BitRc4 },
      code: 'unsupported-encryption',
    },
    { name: 'an unknown scheme', crafted: { scheme: '1.2.3.4' }, code: 'unsupported-encryption' },
    { name: 'scrypt', crafted: { kdf: OID.scrypt }, code: 'unsupported-encryption' },
    { name: 'PBES2 with 3DES and a 16-byte IV', crafted: { cipher: OID.desEde3Cbc }, code: 'corrupt-file' },
    {
      name: 'PBES2 with 3DES and ciphertext that is not whole blocks',
      crafted: { cipher: OID.desEde3Cbc, iv: new Uint8Array(8) },
      ciphertext: new Uint8Array(12),
      code: 'corrupt-file',
    },
    {
      name: 'PBES2 with AES-192 and ciphertext that is not whole blocks',
      crafted: { cipher: OID.aes192Cbc },
      ciphertext: new Uint8Array(8),
      code: 'corrupt-file',
    },
    { name: 'PBES2 with RC2', crafted: { cipher: OID.rc2Cbc }, code: 'unsupported-encryption' },
    {
      name: 'an unknown PRF (HMAC-SHA-224)',
      crafted: { prf: { oid: '1.2.840.113549.2.8' } },
      code: 'unsupported-encryption',
    },
    {
      name: 'PRF parameters other than NULL',
      crafted: { prf: { oid: OID.hmacWithSha256, parameter: new asn1js.Integer({ value: 1 }) } },
      code: 'corrupt-file',
    },
    { name: '600 001 iterations', crafted: { iterations: integer('0927c1') }, code: 'iterations-too-many' },
    { name: '2^40 iterations', crafted: { iterations: integer('010000000000') }, code: 'iterations-too-many' },
    { name: 'zero iterations', crafted: { iterations: integer('00') }, code: 'corrupt-file' },
    { name: 'negative iterations', crafted: { iterations: integer('ff') }, code: 'corrupt-file' },
    { name: 'an empty salt', crafted: { salt: new Uint8Array(0) }, code: 'corrupt-file' },
    { name: 'an 8-byte IV', crafted: { iv: new Uint8Array(8) }, code: 'corrupt-file' },
    { name: 'a keyLength that does not match', crafted: { keyLength: 16 }, code: 'corrupt-file' },
    { name: 'ciphertext that is not whole blocks', crafted: {}, ciphertext: new Uint8Array(15), code: 'corrupt-file' },
    { name: 'empty ciphertext', crafted: {}, ciphertext: new Uint8Array(0), code: 'corrupt-file' },
  ])('rejects $name with $code', async ({ crafted, ciphertext, code }) => {
    expect(await codeOf(pbes2Decrypt(craft(crafted), ciphertext ?? block, PASSWORD, crypto))).toBe(code);
  });

  it('names the conversion command for unsupported encryption', async () => {
    const error = await pbes2Decrypt(craft({ scheme: OID.pbeWithShaAnd128BitRc4 }), block, PASSWORD, crypto).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CryptoError);
    expect(String(error)).toContain(PKCS8_CONVERSION_HINT);
  });

  it.each([new Uint8Array(0), new Uint8Array([0x30, 0x03, 0x06, 0x01]), new Uint8Array([0x04, 0x00])])(
    'rejects a malformed AlgorithmIdentifier %# as corrupt-file',
    async (bytes) => {
      expect(await codeOf(pbes2Decrypt(bytes, block, PASSWORD, crypto))).toBe('corrupt-file');
    },
  );

  it.each<[string, string, Partial<Pbes2EncryptOptions>]>([
    ['an empty password', '', {}],
    ['zero iterations', PASSWORD, { iterations: 0 }],
    ['more iterations than we read', PASSWORD, { iterations: 600_001 }],
    ['a short salt', PASSWORD, { saltLength: 4 }],
    ['a fractional salt length', PASSWORD, { saltLength: 16.5 }],
  ])('refuses to encrypt with %s', async (_name, password, options) => {
    expect(await codeOf(pbes2Encrypt(PLAINTEXT, password, { ...FAST, ...options }, crypto))).toBe('invalid-argument');
  });
});
