import des from 'node-forge/lib/des.js';
import rc2 from 'node-forge/lib/rc2.js';
import forgeUtil from 'node-forge/lib/util.js';
import { corrupt } from './asn1';
import { CryptoError } from './errors';

/**
 * The 64-bit block ciphers of PBES1, PKCS#12 PBE and old PBES2 files (DES, 3DES, RC2), which WebCrypto
 * lacks. node-forge does the block cipher work; PKCS#7 padding is checked here, strictly.
 * node-forge works on binary strings, which cannot be wiped: the key bytes live in them briefly.
 */

/** A legacy CBC cipher: DES (8-byte key), 3DES EDE (24-byte key; 2-key 3DES is given as K1 K2 K1), RC2. */
export type LegacyCbcCipher =
  | { readonly name: 'DES-CBC' }
  | { readonly name: 'DES-EDE3-CBC' }
  | { readonly name: 'RC2-CBC'; readonly effectiveBits: number };

const BLOCK = 8;

const KEY_LENGTHS: Record<Exclude<LegacyCbcCipher['name'], 'RC2-CBC'>, number> = { 'DES-CBC': 8, 'DES-EDE3-CBC': 24 };

/**
 * Decrypts CBC ciphertext and removes its PKCS#7 padding (RFC 5652 §6.3).
 *
 * @throws CryptoError `corrupt-file` when the ciphertext is not whole 8-byte blocks or the IV is not 8
 *   bytes; `wrong-password` when the padding does not check out; `invalid-argument` for a key of the
 *   wrong length.
 */
export function legacyCbcDecrypt(
  cipher: LegacyCbcCipher,
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array<ArrayBuffer> {
  if (ciphertext.length === 0 || ciphertext.length % BLOCK !== 0) {
    throw corrupt(`The encrypted data is ${ciphertext.length} bytes, not a whole number of ${BLOCK}-byte blocks`);
  }
  if (iv.length !== BLOCK) throw corrupt(`The ${cipher.name} IV is ${iv.length} bytes, not ${BLOCK}`);
  if (cipher.name !== 'RC2-CBC' && key.length !== KEY_LENGTHS[cipher.name]) {
    throw new CryptoError('invalid-argument', `A ${cipher.name} key is ${KEY_LENGTHS[cipher.name]} bytes`);
  }
  const keyBuffer = forgeUtil.createBuffer(forgeUtil.binary.raw.encode(key));
  const decipher =
    cipher.name === 'RC2-CBC'
      ? rc2.createDecryptionCipher(keyBuffer, cipher.effectiveBits)
      : des.createDecryptionCipher(keyBuffer, 'CBC');
  decipher.start(forgeUtil.createBuffer(forgeUtil.binary.raw.encode(iv)));
  decipher.update(forgeUtil.createBuffer(forgeUtil.binary.raw.encode(ciphertext)));
  decipher.finish(() => true);
  const padded = forgeUtil.binary.raw.decode(decipher.output.getBytes());
  return unpad(padded);
}

function unpad(padded: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const count = padded[padded.length - 1] ?? 0;
  const valid = count >= 1 && count <= BLOCK && padded.subarray(padded.length - count).every((byte) => byte === count);
  if (!valid) {
    padded.fill(0);
    throw new CryptoError('wrong-password', 'The password is not correct (the padding does not check out)');
  }
  const plaintext = padded.slice(0, padded.length - count);
  padded.fill(0);
  return plaintext;
}
