import * as asn1js from 'asn1js';
import { PKCS8ShroudedKeyBag } from 'pkijs';
import { wipe } from '../lib/bytes';
import { decodeDer, encodeDer, octetStringBytes, parsePkijs, toAlgorithmIdentifier } from './asn1';
import { CryptoError, isCryptoError } from './errors';
import { requireExtractablePrivateKey } from './keys';
import { beginPasswordBasedDecryption, decryptPasswordBased } from './pbe';
import { type Pbes2EncryptOptions, type Pbes2Encrypted, pbes2Encrypt } from './pbes2';
import { encodePem } from './pem';
import { type PrivateKeyMaterial, decodePrivateKeyInfo } from './private-key-decoding';

/**
 * The `.key` format of the official Taxpayer Application (docs/ksef-contract.md §8): PBES2 with PBKDF2-HMAC-SHA256
 * (PRF without a NULL parameter, no keyLength), 100 000 iterations, a 16-byte salt, AES-256-CBC with a
 * 16-byte IV. Writing the same shape keeps our files readable wherever MCU keys are.
 */
export const KEY_FILE_ENCRYPTION: Pbes2EncryptOptions = {
  prf: 'SHA-256',
  cipher: 'AES-256-CBC',
  iterations: 100_000,
  saltLength: 16,
};

/**
 * Writes a private key as a password-protected `.key` file: PEM `ENCRYPTED PRIVATE KEY` holding a
 * DER PKCS#8 EncryptedPrivateKeyInfo (RFC 5208 §6) encrypted as `KEY_FILE_ENCRYPTION` says. The
 * password rules are enforced by the caller; here only an empty password is refused. The plaintext
 * PKCS#8 is wiped after use.
 *
 * @returns the PEM text, ending with a newline.
 * @throws CryptoError `invalid-argument` for an empty password or a key that is not an extractable
 *   private key.
 */
export async function writeEncryptedKeyFile(
  privateKey: CryptoKey,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<string> {
  if (password.length === 0) throw new CryptoError('invalid-argument', 'The password must not be empty');
  requireExtractablePrivateKey(privateKey);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  try {
    const encryptedPrivateKeyInfo = await encryptPrivateKeyInfo(pkcs8, password, KEY_FILE_ENCRYPTION, crypto);
    return encodePem('ENCRYPTED PRIVATE KEY', encodeDer(encryptedPrivateKeyInfo.toSchema()));
  } finally {
    wipe(pkcs8);
  }
}

/**
 * Encrypts a DER PrivateKeyInfo with PBES2 into an EncryptedPrivateKeyInfo (RFC 5208 §6), which is
 * also the PKCS#12 pkcs8ShroudedKeyBag (RFC 7292 §4.2.2). The caller wipes `pkcs8`.
 */
export async function encryptPrivateKeyInfo(
  pkcs8: Uint8Array,
  password: string,
  options: Pbes2EncryptOptions,
  crypto: Crypto = globalThis.crypto,
): Promise<PKCS8ShroudedKeyBag> {
  return encryptedPrivateKeyInfo(await pbes2Encrypt(pkcs8, password, options, crypto));
}

/** The EncryptedPrivateKeyInfo (pkcs8ShroudedKeyBag) of a `pbes2Encrypt` result. */
export function encryptedPrivateKeyInfo({ algorithmIdentifier, ciphertext }: Pbes2Encrypted): PKCS8ShroudedKeyBag {
  return new PKCS8ShroudedKeyBag({
    encryptionAlgorithm: toAlgorithmIdentifier(algorithmIdentifier, 'The PBES2 AlgorithmIdentifier'),
    encryptedData: new asn1js.OctetString({ valueHex: ciphertext }),
  });
}

/**
 * Decrypts a PKCS#8 EncryptedPrivateKeyInfo (RFC 5208 §6; also the PKCS#12 pkcs8ShroudedKeyBag) with
 * PBES2, PBES1 or PKCS#12 PBE (`decryptPasswordBased`) and decodes the PrivateKeyInfo inside. Plaintext that passes the padding check but is not a
 * PrivateKeyInfo means a wrong password too. The plaintext is wiped.
 *
 * @param encryptedPrivateKeyInfo its DER, or the already parsed node.
 * @returns the decoded key material (secret: hand it to `importPrivateKey`).
 * @throws CryptoError `wrong-password`; `unsupported-encryption`; `corrupt-file`; and the key errors of
 *   `decodePrivateKeyInfo` (`unsupported-key-type`, `unsupported-curve`).
 */
export async function decryptPrivateKeyInfo(
  encryptedPrivateKeyInfo: Uint8Array | asn1js.AsnType,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<PrivateKeyMaterial> {
  const what = 'The EncryptedPrivateKeyInfo';
  const node =
    encryptedPrivateKeyInfo instanceof Uint8Array ? decodeDer(encryptedPrivateKeyInfo, what) : encryptedPrivateKeyInfo;
  const parsed = parsePkijs(() => new PKCS8ShroudedKeyBag({ schema: node }), `${what} is malformed`);
  const plaintext = await decryptPasswordBased(
    parsed.encryptionAlgorithm,
    octetStringBytes(parsed.encryptedData),
    password,
    crypto,
  );
  return privateKeyInfoIn(plaintext);
}

/**
 * `decryptPrivateKeyInfo` of a parsed node in two steps (see `beginPasswordBasedDecryption`): the
 * returned promise settles once the derivation is under way, the function it gives returns the key.
 * Its errors, a malformed node's included, come from that function, except `iterations-too-many`.
 */
export function beginDecryptPrivateKeyInfo(
  node: asn1js.AsnType,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<() => Promise<PrivateKeyMaterial>> {
  const part = () => {
    const parsed = parsePkijs(
      () => new PKCS8ShroudedKeyBag({ schema: node }),
      'The EncryptedPrivateKeyInfo is malformed',
    );
    return { algorithm: parsed.encryptionAlgorithm, ciphertext: octetStringBytes(parsed.encryptedData) };
  };
  return beginPasswordBasedDecryption(part, password, crypto).then(
    (decryption) => async () => privateKeyInfoIn(await decryption()),
  );
}

/** The PrivateKeyInfo in decrypted `plaintext`, which is wiped; not one means a wrong password. */
function privateKeyInfoIn(plaintext: Uint8Array): PrivateKeyMaterial {
  try {
    return decodePrivateKeyInfo(plaintext);
  } catch (cause) {
    if (isCryptoError(cause, 'corrupt-file')) {
      throw new CryptoError('wrong-password', 'The password is not correct (the decrypted data is not a key)', {
        cause,
      });
    }
    throw cause;
  } finally {
    wipe(plaintext);
  }
}
