import { cbc } from '@noble/ciphers/aes.js';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, PBES2Params, PBKDF2Params } from 'pkijs';
import { wipe } from '../lib/bytes';
import {
  bufferSource,
  corrupt,
  encodeDer,
  field,
  matchSchema,
  octetStringBytes,
  optionalField,
  parsePkijs,
  toAlgorithmIdentifier,
} from './asn1';
import { CryptoError } from './errors';
import { MAX_ITERATIONS, iterationCount } from './iteration-count';
import { legacyCbcDecrypt } from './legacy-ciphers';
import { OID } from './oids';
import { isReadablePbes1 } from './pbes1';

/**
 * PBES2 (RFC 8018 §6.2) with PBKDF2 (§5.2) and AES-CBC (RFC 3565 OIDs), done with WebCrypto; reading
 * also takes DES and 3DES (RFC 8018 B.2.1, B.2.2, through node-forge) and AES-192 (through
 * @noble/ciphers, as Chromium's WebCrypto has no AES-192). pkijs only encodes and decodes the
 * parameters; it never derives or decrypts (its engine defaults to SHA-1).
 */

/** PBKDF2 pseudo-random functions we read: HMAC with these hashes (RFC 8018 Appendix B.1). */
export type Pbes2Prf = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** The PBES2 encryption schemes we read and write (RFC 8018 Appendix B.2.5, RFC 3565). */
export type Pbes2Cipher = 'AES-128-CBC' | 'AES-192-CBC' | 'AES-256-CBC';

/** Everything `pbes2Encrypt` writes into the parameters; nothing is left to a library default. */
export interface Pbes2EncryptOptions {
  /** The PRF, written as an AlgorithmIdentifier without a NULL parameter (as the Taxpayer Application does). */
  readonly prf: Exclude<Pbes2Prf, 'SHA-1'>;
  readonly cipher: Pbes2Cipher;
  /** PBKDF2 iteration count, 1 to `MAX_ITERATIONS` (what we read). */
  readonly iterations: number;
  /** Random salt length in bytes, 8 to 64 (RFC 8018 §4.1 asks for at least 8). */
  readonly saltLength: number;
}

/** The output of `pbes2Encrypt`: the DER AlgorithmIdentifier (`id-PBES2` + parameters) and the ciphertext. */
export interface Pbes2Encrypted {
  readonly algorithmIdentifier: Uint8Array<ArrayBuffer>;
  readonly ciphertext: Uint8Array<ArrayBuffer>;
}

const AES_BLOCK = 16;
const DES_BLOCK = 8;

/** The ciphers `pbes2Decrypt` reads: the AES ones it writes, and DES/3DES from older tools. */
type Pbes2DecryptCipher = Pbes2Cipher | 'DES-CBC' | 'DES-EDE3-CBC';

const PRF_BY_OID = new Map<string, Pbes2Prf>([
  [OID.hmacWithSha1, 'SHA-1'],
  [OID.hmacWithSha256, 'SHA-256'],
  [OID.hmacWithSha384, 'SHA-384'],
  [OID.hmacWithSha512, 'SHA-512'],
]);
const PRF_OID: Record<Pbes2Prf, string> = {
  'SHA-1': OID.hmacWithSha1,
  'SHA-256': OID.hmacWithSha256,
  'SHA-384': OID.hmacWithSha384,
  'SHA-512': OID.hmacWithSha512,
};

/** Key length in bytes of each cipher. */
const CIPHER_KEY_BYTES: Record<Pbes2DecryptCipher, number> = {
  'AES-128-CBC': 16,
  'AES-192-CBC': 24,
  'AES-256-CBC': 32,
  'DES-CBC': 8,
  'DES-EDE3-CBC': 24,
};
const CIPHER_BY_OID = new Map<string, Pbes2DecryptCipher>([
  [OID.aes128Cbc, 'AES-128-CBC'],
  [OID.aes192Cbc, 'AES-192-CBC'],
  [OID.aes256Cbc, 'AES-256-CBC'],
  [OID.desCbc, 'DES-CBC'],
  [OID.desEde3Cbc, 'DES-EDE3-CBC'],
]);
const CIPHER_OID: Record<Pbes2Cipher, string> = {
  'AES-128-CBC': OID.aes128Cbc,
  'AES-192-CBC': OID.aes192Cbc,
  'AES-256-CBC': OID.aes256Cbc,
};

/** PBES1 (RFC 8018 §6.1) and PKCS#12 PBE (RFC 7292 Appendix C) schemes: DES, 3DES, RC2, RC4 with MD2/MD5/SHA-1. */
const LEGACY_SCHEMES = new Set<string>([
  OID.pbeWithMd2AndDesCbc,
  OID.pbeWithMd5AndDesCbc,
  OID.pbeWithMd2AndRc2Cbc,
  OID.pbeWithMd5AndRc2Cbc,
  OID.pbeWithSha1AndDesCbc,
  OID.pbeWithSha1AndRc2Cbc,
  OID.pbeWithShaAnd128BitRc4,
  OID.pbeWithShaAnd40BitRc4,
  OID.pbeWithShaAnd3KeyTripleDesCbc,
  OID.pbeWithShaAnd2KeyTripleDesCbc,
  OID.pbeWithShaAnd128BitRc2Cbc,
  OID.pbewithShaAnd40BitRc2Cbc,
]);
/** A cipher that PBES2 allows but we do not read. */
const UNREAD_CIPHERS = new Set<string>([OID.rc2Cbc]);

/**
 * How to re-encrypt a key file into something we read (shown with every `unsupported-encryption`). The
 * legacy provider lets OpenSSL 3 read RC2, RC4 and MD2 files; the default one writes AES.
 */
export const PKCS8_CONVERSION_HINT =
  'Convert it with: openssl pkcs8 -topk8 -provider legacy -provider default -v2 aes-256-cbc ' +
  '-v2prf hmacWithSHA256 -in old.key -out new.key';

function unsupported(message: string): CryptoError {
  return new CryptoError('unsupported-encryption', `${message}. ${PKCS8_CONVERSION_HINT}`);
}

/**
 * Encrypts `plaintext` with PBES2: PBKDF2-HMAC (`options.prf`, `options.iterations`, a random salt of
 * `options.saltLength` bytes, no keyLength field) and AES-CBC with a random 16-byte IV and PKCS#7
 * padding. The password is taken as its UTF-8 bytes.
 *
 * @returns the DER `AlgorithmIdentifier` (id-PBES2 with its parameters) and the ciphertext.
 * @throws CryptoError `invalid-argument` for an empty password or out-of-range options;
 *   `unsupported-encryption` for AES-192 where the browser lacks it (Chromium).
 */
export async function pbes2Encrypt(
  plaintext: Uint8Array,
  password: string,
  options: Pbes2EncryptOptions,
  crypto: Crypto = globalThis.crypto,
): Promise<Pbes2Encrypted> {
  return (await beginPbes2Encrypt(plaintext, password, options, crypto))();
}

/**
 * `pbes2Encrypt` in two steps: the returned promise settles once PBKDF2 has been handed to WebCrypto
 * (which runs it off the page's thread, in Chromium); calling the function it gives then waits for the
 * key and encrypts. `plaintext` must stay unchanged until then. Throws as `pbes2Encrypt`.
 */
export async function beginPbes2Encrypt(
  plaintext: Uint8Array,
  password: string,
  options: Pbes2EncryptOptions,
  crypto: Crypto = globalThis.crypto,
): Promise<() => Promise<Pbes2Encrypted>> {
  if (password.length === 0) throw new CryptoError('invalid-argument', 'The password must not be empty');
  const { iterations, saltLength } = options;
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new CryptoError('invalid-argument', `PBKDF2 iteration count ${iterations} is out of range`);
  }
  if (!Number.isSafeInteger(saltLength) || saltLength < 8 || saltLength > 64) {
    throw new CryptoError('invalid-argument', `Salt length ${saltLength} is out of range`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(saltLength));
  const iv = crypto.getRandomValues(new Uint8Array(AES_BLOCK));
  const key = await beginAesKey(password, salt, iterations, options.prf, options.cipher, 'encrypt', crypto);
  return async () => {
    const ciphertext = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, await key(), bufferSource(plaintext)),
    );
    const kdfParams = new PBKDF2Params({
      salt: new asn1js.OctetString({ valueHex: salt }),
      iterationCount: iterations,
      prf: new AlgorithmIdentifier({ algorithmId: PRF_OID[options.prf] }),
    });
    const params = new PBES2Params({
      keyDerivationFunc: new AlgorithmIdentifier({ algorithmId: OID.pbkdf2, algorithmParams: kdfParams.toSchema() }),
      encryptionScheme: new AlgorithmIdentifier({
        algorithmId: CIPHER_OID[options.cipher],
        algorithmParams: new asn1js.OctetString({ valueHex: iv }),
      }),
    });
    const algorithm = new AlgorithmIdentifier({ algorithmId: OID.pbes2, algorithmParams: params.toSchema() });
    return { algorithmIdentifier: encodeDer(algorithm.toSchema()), ciphertext };
  };
}

/**
 * Decrypts PBES2 ciphertext. Reads PBKDF2 with HMAC-SHA-1 (PRF absent), -SHA-256, -SHA-384 or -SHA-512
 * (PRF with or without a NULL parameter), an optional keyLength that must match the cipher, and
 * AES-128/192/256-CBC, DES-CBC or DES-EDE3-CBC. The password is taken as its UTF-8 bytes.
 *
 * The caller must still check that the plaintext parses as the structure it expects: garbage that
 * passes the padding check by chance means a wrong password too.
 *
 * @returns the plaintext (the caller wipes it once used).
 * @throws CryptoError `unsupported-encryption` for PBES1 and PKCS#12 PBE (see `pbes1Decrypt`), scrypt,
 *   RC2, an unknown PRF or cipher; `iterations-too-many` above `MAX_ITERATIONS`; `corrupt-file` for malformed
 *   parameters (empty salt, zero iterations, an IV of the wrong size, a keyLength that does not match,
 *   ciphertext that is not whole blocks); `wrong-password` when the padding does not check out.
 */
export async function pbes2Decrypt(
  algorithmIdentifier: AlgorithmIdentifier | Uint8Array,
  ciphertext: Uint8Array,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  return (await beginPbes2Decrypt(algorithmIdentifier, ciphertext, password, crypto))();
}

/**
 * `pbes2Decrypt` in two steps: the parameters are checked, all of them before anything awaits, and the
 * returned promise settles once PBKDF2 has been handed to WebCrypto; calling the function it gives waits
 * for the key and decrypts. A derivation begun and never finished is harmless. Throws as `pbes2Decrypt`.
 */
export async function beginPbes2Decrypt(
  algorithmIdentifier: AlgorithmIdentifier | Uint8Array,
  ciphertext: Uint8Array,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<() => Promise<Uint8Array<ArrayBuffer>>> {
  const algorithm = toAlgorithmIdentifier(algorithmIdentifier, 'The encryption AlgorithmIdentifier');
  const params = readPbes2Params(algorithm);
  const { cipher } = params;
  if (cipher === 'DES-CBC' || cipher === 'DES-EDE3-CBC' || cipher === 'AES-192-CBC') {
    const block = cipher === 'AES-192-CBC' ? AES_BLOCK : DES_BLOCK;
    if (ciphertext.length === 0 || ciphertext.length % block !== 0) {
      throw corrupt(`The encrypted data is ${ciphertext.length} bytes, not a whole number of ${cipher} blocks`);
    }
    const baseKey = await passwordKey(password, 'deriveBits', crypto);
    const bits = begun(
      crypto.subtle.deriveBits(
        { name: 'PBKDF2', hash: params.prf, salt: params.salt, iterations: params.iterations },
        baseKey,
        CIPHER_KEY_BYTES[cipher] * 8,
      ),
    );
    return async () => decryptWithDerivedBytes(params, ciphertext, new Uint8Array(await bits));
  }
  if (ciphertext.length === 0 || ciphertext.length % AES_BLOCK !== 0) {
    throw corrupt(`The encrypted data is ${ciphertext.length} bytes, not a whole number of AES blocks`);
  }
  const key = await beginAesKey(password, params.salt, params.iterations, params.prf, cipher, 'decrypt', crypto);
  return async () => {
    const aesKey = await key();
    try {
      return new Uint8Array(
        await crypto.subtle.decrypt({ name: 'AES-CBC', iv: params.iv }, aesKey, bufferSource(ciphertext)),
      );
    } catch (cause) {
      // With a valid key, IV and whole blocks, the only way AES-CBC decryption fails is bad PKCS#7
      // padding, which is what a wrong password produces (engines throw OperationError or an Error).
      if (cause instanceof Error) throw new CryptoError('wrong-password', 'The password is not correct', { cause });
      throw cause;
    }
  };
}

/**
 * True for legacy encryption we still do not read: PBES1 with MD2, the PKCS#12 RC4 schemes, and PBES2
 * with RC2. Used to tell a user to re-export a PFX before asking for a password.
 *
 * @throws CryptoError `corrupt-file` when PBES2 parameters are malformed.
 */
export function isLegacyEncryption(algorithm: AlgorithmIdentifier): boolean {
  if (LEGACY_SCHEMES.has(algorithm.algorithmId)) return !isReadablePbes1(algorithm);
  if (algorithm.algorithmId !== OID.pbes2) return false;
  return UNREAD_CIPHERS.has(decodePbes2Params(algorithm).encryptionScheme.algorithmId);
}

interface Pbes2Parameters {
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iterations: number;
  readonly prf: Pbes2Prf;
  readonly cipher: Pbes2DecryptCipher;
  readonly iv: Uint8Array<ArrayBuffer>;
}

/**
 * DES, 3DES and AES-192, which WebCrypto (Chromium's, for AES-192) cannot do: PBKDF2 through
 * WebCrypto `deriveBits`, then the cipher in JavaScript. The derived `key` is wiped once used.
 */
function decryptWithDerivedBytes(
  params: Pbes2Parameters,
  ciphertext: Uint8Array,
  key: Uint8Array,
): Uint8Array<ArrayBuffer> {
  try {
    const { cipher } = params;
    if (cipher === 'DES-CBC' || cipher === 'DES-EDE3-CBC')
      return legacyCbcDecrypt({ name: cipher }, key, params.iv, ciphertext);
    try {
      return cbc(key, params.iv).decrypt(ciphertext);
    } catch (cause) {
      // With whole blocks and a 16-byte IV, noble's AES-CBC throws only for bad PKCS#7 padding.
      throw new CryptoError('wrong-password', 'The password is not correct', { cause });
    }
  } finally {
    wipe(key);
  }
}

function decodePbes2Params(algorithm: AlgorithmIdentifier): PBES2Params {
  const node: unknown = algorithm.algorithmParams;
  if (!(node instanceof asn1js.Sequence)) throw corrupt('PBES2 parameters are missing');
  return parsePkijs(() => new PBES2Params({ schema: node }), 'PBES2 parameters are malformed');
}

function readPbes2Params(algorithm: AlgorithmIdentifier): Pbes2Parameters {
  const scheme = algorithm.algorithmId;
  if (LEGACY_SCHEMES.has(scheme)) {
    throw unsupported(`The file uses legacy password-based encryption (${scheme}) that we do not read`);
  }
  if (scheme !== OID.pbes2) throw unsupported(`Unknown encryption algorithm ${scheme}`);
  const params = decodePbes2Params(algorithm);

  const kdf = params.keyDerivationFunc;
  if (kdf.algorithmId === OID.scrypt)
    throw unsupported('The file uses scrypt key derivation, which browsers do not implement');
  if (kdf.algorithmId !== OID.pbkdf2) throw unsupported(`Unknown key derivation function ${kdf.algorithmId}`);
  const kdfNode: unknown = kdf.algorithmParams;
  if (!(kdfNode instanceof asn1js.Sequence)) throw corrupt('PBKDF2 parameters are missing');
  const kdfFields = matchSchema(
    kdfNode,
    PBKDF2Params.schema({
      names: {
        saltPrimitive: 'salt',
        saltConstructed: { names: { blockName: 'saltSource' } },
        iterationCount: 'iterationCount',
        keyLength: 'keyLength',
        prf: { names: { blockName: 'prf', optional: true } },
      },
    }),
    'PBKDF2 parameters',
  );
  if (kdfFields.saltSource !== undefined) throw unsupported('PBKDF2 with a salt "otherSource" is not supported');
  const salt = octetStringBytes(field(kdfFields, 'salt', asn1js.OctetString, 'PBKDF2 parameters'));
  if (salt.length === 0) throw corrupt('The PBKDF2 salt is empty');
  const iterationNode = field(kdfFields, 'iterationCount', asn1js.Integer, 'PBKDF2 parameters');
  const iterations = iterationCount(iterationNode, 'The PBKDF2 iteration count');
  const prf = readPrf(optionalField(kdfFields, 'prf', asn1js.Sequence, 'PBKDF2 parameters'));

  const encryption = params.encryptionScheme;
  const cipher = CIPHER_BY_OID.get(encryption.algorithmId);
  if (cipher === undefined) {
    const name = UNREAD_CIPHERS.has(encryption.algorithmId) ? 'RC2' : encryption.algorithmId;
    throw unsupported(`The file is encrypted with ${name}, which we do not read`);
  }
  const ivNode: unknown = encryption.algorithmParams;
  if (!(ivNode instanceof asn1js.OctetString)) throw corrupt(`The ${cipher} IV is missing`);
  const iv = octetStringBytes(ivNode);
  const ivLength = cipher.startsWith('AES') ? AES_BLOCK : DES_BLOCK;
  if (iv.length !== ivLength) throw corrupt(`The ${cipher} IV is ${iv.length} bytes, not ${ivLength}`);

  const keyLengthNode = optionalField(kdfFields, 'keyLength', asn1js.Integer, 'PBKDF2 parameters');
  if (keyLengthNode !== undefined && keyLengthNode.toBigInt() !== BigInt(CIPHER_KEY_BYTES[cipher])) {
    throw corrupt(`PBKDF2 keyLength ${keyLengthNode.toBigInt()} does not match ${cipher}`);
  }
  return { salt, iterations, prf, cipher, iv };
}

function readPrf(node: asn1js.Sequence | undefined): Pbes2Prf {
  // RFC 8018 Appendix A.2: an absent prf means the DEFAULT, HMAC-SHA-1.
  if (node === undefined) return 'SHA-1';
  const prf = toAlgorithmIdentifier(node, 'The PBKDF2 pseudo-random function');
  const hash = PRF_BY_OID.get(prf.algorithmId);
  if (hash === undefined) throw unsupported(`Unknown PBKDF2 pseudo-random function ${prf.algorithmId}`);
  const parameters: unknown = prf.algorithmParams;
  if (parameters !== undefined && !(parameters instanceof asn1js.Null)) {
    throw corrupt('The PBKDF2 pseudo-random function has unexpected parameters');
  }
  return hash;
}

/** The password's UTF-8 bytes as a PBKDF2 base key; the bytes are wiped. */
async function passwordKey(password: string, usage: 'deriveKey' | 'deriveBits', crypto: Crypto): Promise<CryptoKey> {
  const passwordBytes = new TextEncoder().encode(password);
  try {
    return await crypto.subtle.importKey('raw', passwordBytes, 'PBKDF2', false, [usage]);
  } finally {
    wipe(passwordBytes);
  }
}

/**
 * Hands PBKDF2 to WebCrypto and gives the function that waits for the AES key. The rejection is
 * observed at once, so a derivation whose result is never asked for is not an unhandled rejection.
 */
async function beginAesKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  prf: Pbes2Prf,
  cipher: Pbes2Cipher,
  usage: 'encrypt' | 'decrypt',
  crypto: Crypto,
): Promise<() => Promise<CryptoKey>> {
  const baseKey = await passwordKey(password, 'deriveKey', crypto);
  const key = begun(
    crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: prf, salt, iterations },
      baseKey,
      { name: 'AES-CBC', length: CIPHER_KEY_BYTES[cipher] * 8 },
      false,
      [usage],
    ),
  );
  return async () => {
    try {
      return await key;
    } catch (cause) {
      // Chromium implements AES-128 and AES-256 only ("192-bit AES keys are not supported").
      if (cipher === 'AES-192-CBC' && cause instanceof Error) {
        throw new CryptoError(
          'unsupported-encryption',
          `This browser does not implement AES-192. ${PKCS8_CONVERSION_HINT}`,
          { cause },
        );
      }
      throw cause;
    }
  };
}

/** `promise` with its rejection observed, so that one nobody awaits in the end is not reported. */
function begun<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
