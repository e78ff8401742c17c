import * as asn1js from 'asn1js';
import { CertBag } from 'pkijs';
import type { EncryptedContentInfo } from 'pkijs';
import { bytesEqual, wipe } from '../lib/bytes';
import { corrupt, decodeDer, encodedBytes, field, matchSchema, octetStringBytes } from './asn1';
import { certificateSpki } from './certificate-reader';
import { CryptoError } from './errors';
import { identifyDer } from './file-kind';
import { beginDecryptPrivateKeyInfo, decryptPrivateKeyInfo } from './key-file';
import type { LoadedPrivateKey } from './key-type';
import { requireExtractablePrivateKey } from './keys';
import { OID } from './oids';
import { beginPasswordBasedDecryption } from './pbe';
import { assemblePfx } from './pkcs12-build';
import { readPfxMac, verifyPfxMac } from './pkcs12-mac';
import {
  type DecodedSafeBag,
  decodeDecryptedSafe,
  decodePfxStructure,
  isShroudedKeyBag,
  rejectLegacyKeyBag,
} from './pkcs12-structures';
import { type PrivateKeyMaterial, decodePrivateKeyInfo } from './private-key-decoding';
import { importPrivateKey } from './private-key-import';

/** What a PFX holds: its private key and its certificates (DER, the key's own certificate first). */
export interface PfxContents {
  readonly key: LoadedPrivateKey;
  readonly certificates: Uint8Array[];
}

/** Input of `buildPfx`. `certificate` (DER) must belong to `privateKey`; `chain` (DER) follows it. */
export interface BuildPfxOptions {
  readonly privateKey: CryptoKey;
  readonly certificate: Uint8Array;
  readonly chain?: readonly Uint8Array[];
  readonly friendlyName: string;
  readonly password: string;
}

/**
 * Reads a PKCS#12/PFX (RFC 7292). Order: structure; encryption we do not read (RC4, MD2: before any
 * password is asked for, since no password would help); the MAC (HMAC-SHA-1/256/384/512 with the
 * PKCS#12 KDF, password as BMPString); then the `data` and `encryptedData` safes: PBES2 (PBKDF2 password
 * as UTF-8, as OpenSSL 3) or PKCS#12 PBE with 3DES or RC2 (as .NET, Windows and `openssl -legacy`).
 * An empty password is tried as BMPString "" and as no bytes, as OpenSSL does.
 * Keys come from pkcs8ShroudedKeyBag or keyBag, certificates from x509Certificate certBags.
 * The first key is used; a PFX with more than one key is not expected.
 *
 * @returns the key (extractable, memory only) and the certificates, the key's own first when a
 *   localKeyId or the public key tells which it is.
 * @throws CryptoError `legacy-pfx-encryption` (RC4, MD2, RC2 in PBES2);
 *   `password-required`; `wrong-password` (MAC mismatch, bad padding); `pfx-without-key`;
 *   `unsupported-encryption` (public-key modes, PBMAC1, scrypt); `iterations-too-many` (more than
 *   `MAX_ITERATIONS` for the MAC or any part, refused before any derivation starts);
 *   `corrupt-file`, `unrecognized-file`, `empty-file`; the key errors of `readPrivateKey`.
 */
export async function readPfx(
  bytes: Uint8Array,
  password: string | undefined,
  crypto: Crypto = globalThis.crypto,
): Promise<PfxContents> {
  const { authSafe, macData, plainBags, encryptedSafes } = decodePfxStructure(bytes);
  const needsPassword = macData !== undefined || encryptedSafes.length > 0 || plainBags.some(isShroudedKeyBag);
  if (needsPassword && password === undefined)
    throw new CryptoError('password-required', 'The PFX is protected; enter its password');
  const pass = password ?? '';
  const mac = macData === undefined ? undefined : readPfxMac(macData);
  // The PBKDF2 derivations are handed to WebCrypto (Chromium runs them off this thread) before the MAC's
  // synchronous KDF, so that they run meanwhile. Their errors still come after the MAC's, as when the
  // parts were decrypted in turn: a MAC that fails is a wrong password, whatever the parts hold.
  const safeDecryptions = await Promise.all(
    encryptedSafes.map((safe) =>
      beginPasswordBasedDecryption(
        () => ({ algorithm: safe.contentEncryptionAlgorithm, ciphertext: encryptedContent(safe) }),
        pass,
        crypto,
      ),
    ),
  );
  const plainKeyBag = plainBags.find(isKeyBag);
  const plainKeyDecryption =
    plainKeyBag !== undefined && isShroudedKeyBag(plainKeyBag)
      ? await beginDecryptPrivateKeyInfo(plainKeyBag.value, pass, crypto)
      : undefined;
  if (mac !== undefined) await verifyPfxMac(mac, authSafe, pass, crypto);

  const plaintexts: Uint8Array[] = [];
  try {
    const bags = [...plainBags];
    for (const decryption of safeDecryptions) {
      const plaintext = await decryption();
      plaintexts.push(plaintext);
      bags.push(...decodeDecryptedSafe(plaintext, macData !== undefined));
    }
    bags.forEach(rejectLegacyKeyBag);
    const keyBag = bags.find(isKeyBag);
    if (keyBag === undefined) throw new CryptoError('pfx-without-key', 'The PFX holds no private key');
    const material =
      keyBag.bagId === OID.keyBag
        ? decodeKeyBag(keyBag.value)
        : await (keyBag === plainKeyBag && plainKeyDecryption !== undefined
            ? plainKeyDecryption()
            : decryptPrivateKeyInfo(keyBag.value, pass, crypto));
    const key = await importPrivateKey(material, 'pkcs12', crypto);
    return { key, certificates: orderCertificates(bags, keyBag, key.spki) };
  } finally {
    plaintexts.forEach(wipe);
  }
}

/**
 * Builds a PKCS#12/PFX (RFC 7292, version 3, strict DER) that OpenSSL 3 reads with and without
 * `-legacy`: the key in a pkcs8ShroudedKeyBag and the certificates in a PBES2 `encryptedData` safe,
 * both encrypted as `PFX_ENCRYPTION` says; friendlyName (BMPString) and localKeyId (SHA-256 of the
 * certificate) on the key bag and the leaf certificate bag; the MAC as `PFX_MAC` says. The PKCS#8
 * that passes through memory is wiped.
 *
 * @returns the DER of the PFX.
 * @throws CryptoError `invalid-argument` for an empty password, an empty friendly name or one with
 *   characters outside the BMP, a key that is not an extractable private key, a certificate that is not
 *   DER of a certificate, or a certificate that does not belong to the key.
 */
export async function buildPfx(options: BuildPfxOptions, crypto: Crypto = globalThis.crypto): Promise<Uint8Array> {
  const { privateKey, certificate, chain = [], friendlyName, password } = options;
  if (password.length === 0) throw new CryptoError('invalid-argument', 'The password must not be empty');
  if (friendlyName.length === 0 || /[\uD800-\uDFFF]/.test(friendlyName)) {
    throw new CryptoError(
      'invalid-argument',
      'The friendly name must be non-empty text without characters outside the BMP',
    );
  }
  requireExtractablePrivateKey(privateKey);
  for (const der of [certificate, ...chain]) requireCertificate(der);

  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  try {
    const { spki } = await importPrivateKey(decodePrivateKeyInfo(pkcs8), 'pkcs8', crypto);
    if (!bytesEqual(certificateSpki(decodeDer(certificate, 'The certificate')), spki)) {
      throw new CryptoError('invalid-argument', 'The certificate does not belong to the key');
    }
    return await assemblePfx({ pkcs8, certificate, chain, friendlyName, password }, crypto);
  } finally {
    wipe(pkcs8);
  }
}

function requireCertificate(der: Uint8Array): void {
  try {
    if (identifyDer(der) === 'certificate') return;
  } catch (cause) {
    if (!(cause instanceof CryptoError)) throw cause;
  }
  throw new CryptoError('invalid-argument', 'Expected the DER of an X.509 certificate');
}

/** A keyBag or a pkcs8ShroudedKeyBag (RFC 7292 §4.2.1, §4.2.2). */
function isKeyBag(bag: DecodedSafeBag): boolean {
  return bag.bagId === OID.keyBag || isShroudedKeyBag(bag);
}

function encryptedContent(safe: EncryptedContentInfo): Uint8Array {
  if (safe.encryptedContent === undefined) throw corrupt('A PFX EncryptedData holds no content');
  return new Uint8Array(safe.getEncryptedContent());
}

/** A plain keyBag is a PrivateKeyInfo (RFC 7292 §4.2.1); its copy is wiped once decoded. */
function decodeKeyBag(value: asn1js.AsnType): PrivateKeyMaterial {
  const der = encodedBytes(value);
  try {
    return decodePrivateKeyInfo(der);
  } finally {
    wipe(der);
  }
}

function orderCertificates(bags: readonly DecodedSafeBag[], keyBag: DecodedSafeBag, spki: Uint8Array): Uint8Array[] {
  const certificates = bags
    .filter((bag) => bag.bagId === OID.certBag)
    .flatMap((bag) => {
      const fields = matchSchema(
        bag.value,
        CertBag.schema({ names: { id: 'certId', value: 'certValue' } }),
        'A PFX CertBag',
      );
      if (
        field(fields, 'certId', asn1js.ObjectIdentifier, 'A PFX CertBag').valueBlock.toString() !== OID.x509Certificate
      )
        return [];
      const der = octetStringBytes(field(fields, 'certValue', asn1js.OctetString, 'A PFX CertBag'));
      if (identifyDer(der) !== 'certificate') throw corrupt('A PFX certificate bag does not hold a certificate');
      return [{ der, localKeyId: bag.localKeyId }];
    });
  const id = keyBag.localKeyId;
  let leaf =
    id === undefined
      ? -1
      : certificates.findIndex((cert) => cert.localKeyId !== undefined && bytesEqual(cert.localKeyId, id));
  if (leaf < 0)
    leaf = certificates.findIndex((cert) => bytesEqual(certificateSpki(decodeDer(cert.der, 'The certificate')), spki));
  const ordered = leaf < 0 ? certificates : [certificates[leaf], ...certificates.filter((_, index) => index !== leaf)];
  return ordered.flatMap((cert) => (cert === undefined ? [] : [cert.der]));
}
