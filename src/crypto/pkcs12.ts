import * as asn1js from 'asn1js';
import {
  AlgorithmIdentifier,
  Attribute,
  AuthenticatedSafe,
  CertBag,
  ContentInfo,
  DigestInfo,
  EncryptedContentInfo,
  EncryptedData,
  MacData,
  PFX,
  PKCS8ShroudedKeyBag,
  SafeBag,
  SafeContents,
} from 'pkijs';
import { bytesEqual, wipe } from '../lib/bytes';
import {
  children,
  corrupt,
  decodeDer,
  encodeDer,
  encodedBytes,
  field,
  integerInRange,
  isContext,
  matchSchema,
  octetStringBytes,
  optionalField,
  sortForDerSet,
  toAlgorithmIdentifier,
} from './asn1';
import { CryptoError, isCryptoError } from './errors';
import { identifyDer } from './file-kind';
import { decryptPrivateKeyInfo } from './key-file';
import type { LoadedPrivateKey } from './key-type';
import { type PrivateKeyMaterial, decodePrivateKeyInfo, importPrivateKey } from './keys';
import { OID } from './oids';
import { type Pbes2EncryptOptions, isLegacyEncryption, pbes2Decrypt, pbes2Encrypt } from './pbes2';
import { decodeFileBytes } from './pem';
import { type Pkcs12Hash, bmpPassword, hashLength, pkcs12Kdf } from './pkcs12-kdf';

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
 * How `buildPfx` encrypts the key bag and the certificate safe: what OpenSSL 3 writes by default
 * (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC), but with 100 000 iterations instead of 2048, as the `.key`.
 */
export const PFX_ENCRYPTION: Pbes2EncryptOptions = { prf: 'SHA-256', cipher: 'AES-256-CBC', iterations: 100_000, saltLength: 16 };

/**
 * The integrity MAC `buildPfx` writes: HMAC-SHA256 keyed by the PKCS#12 KDF (RFC 7292 §5, B.2), which
 * OpenSSL 1.1 and 3 verify (PBMAC1 needs OpenSSL 3.4). The MAC is also a password check, so it gets
 * the same 100 000 iterations as the key bag: a cheaper MAC would be the cheaper way to guess.
 */
export const PFX_MAC = { hash: 'SHA-256', iterations: 100_000, saltLength: 16 } as const satisfies {
  hash: Pkcs12Hash;
  iterations: number;
  saltLength: number;
};

/** Above this a crafted MAC would keep the tab busy for long (one digest call per iteration). */
export const MAX_PFX_MAC_ITERATIONS = 1_000_000;

/** How to re-export a PFX that uses legacy encryption (OpenSSL 3 writes AES-256 by default). */
export const LEGACY_PFX_CONVERSION_HINT =
  'Re-export it with: openssl pkcs12 -legacy -in old.pfx -nodes | openssl pkcs12 -export -out new.pfx';

const MAC_HASH_BY_OID = new Map<string, Pkcs12Hash>([
  [OID.sha1, 'SHA-1'],
  [OID.sha256, 'SHA-256'],
  [OID.sha384, 'SHA-384'],
  [OID.sha512, 'SHA-512'],
]);

interface Bag {
  readonly bagId: string;
  readonly value: asn1js.AsnType;
  readonly localKeyId: Uint8Array | undefined;
}

/**
 * Reads a PKCS#12/PFX (RFC 7292). Order: structure; legacy encryption (before any password is asked
 * for, since no password would help); the MAC (HMAC-SHA-1/256/384/512 with the PKCS#12 KDF, password as
 * BMPString); then the `data` and PBES2 `encryptedData` safes (PBKDF2 password as UTF-8, as OpenSSL 3).
 * Keys come from pkcs8ShroudedKeyBag (PBES2) or keyBag, certificates from x509Certificate certBags.
 * The first key is used; a PFX with more than one key is not expected.
 *
 * @returns the key (extractable, memory only) and the certificates, the key's own first when a
 *   localKeyId or the public key tells which it is.
 * @throws CryptoError `legacy-pfx-encryption` (PBES1, PKCS#12 PBE, 3DES, RC2, RC4);
 *   `password-required`; `wrong-password` (MAC mismatch, bad padding); `pfx-without-key`;
 *   `unsupported-encryption` (public-key modes, PBMAC1, scrypt, > 1 000 000 MAC iterations);
 *   `corrupt-file`, `unrecognized-file`, `empty-file`; the key errors of `readPrivateKey`.
 */
export async function readPfx(
  bytes: Uint8Array,
  password: string | undefined,
  crypto: Crypto = globalThis.crypto,
): Promise<PfxContents> {
  const { authSafe, macData } = decodePfx(pfxDer(bytes));
  const plainBags: Bag[] = [];
  const encryptedSafes: EncryptedContentInfo[] = [];
  for (const info of decodeAuthenticatedSafe(authSafe)) {
    if (info.contentType === OID.data) plainBags.push(...decodeSafeContents(contentOctets(info)));
    else if (info.contentType === OID.encryptedData) encryptedSafes.push(decodeEncryptedData(info));
    else if (info.contentType === OID.envelopedData) throw new CryptoError('unsupported-encryption', 'PFX public-key privacy mode is not supported');
    else throw corrupt(`The PFX holds an unexpected content type ${info.contentType}`);
  }
  if (encryptedSafes.some((safe) => isLegacyEncryption(safe.contentEncryptionAlgorithm))) throw legacyPfx();
  plainBags.forEach(rejectLegacyKeyBag);

  const needsPassword = macData !== undefined || encryptedSafes.length > 0 || plainBags.some(isShroudedKeyBag);
  if (needsPassword && password === undefined) throw new CryptoError('password-required', 'The PFX is protected; enter its password');
  const pass = password ?? '';
  if (macData !== undefined) await verifyMac(macData, authSafe, pass, crypto);

  const plaintexts: Uint8Array[] = [];
  try {
    const bags = [...plainBags];
    for (const safe of encryptedSafes) {
      const plaintext = await pbes2Decrypt(safe.contentEncryptionAlgorithm, encryptedContent(safe), pass, crypto);
      plaintexts.push(plaintext);
      bags.push(...decodeDecryptedSafe(plaintext, macData !== undefined));
    }
    bags.forEach(rejectLegacyKeyBag);
    const keyBag = bags.find((bag) => bag.bagId === OID.keyBag || isShroudedKeyBag(bag));
    if (keyBag === undefined) throw new CryptoError('pfx-without-key', 'The PFX holds no private key');
    const material = keyBag.bagId === OID.keyBag ? decodeKeyBag(keyBag.value) : await decryptPrivateKeyInfo(keyBag.value, pass, crypto);
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
    throw new CryptoError('invalid-argument', 'The friendly name must be non-empty text without characters outside the BMP');
  }
  if (privateKey.type !== 'private' || !privateKey.extractable) throw new CryptoError('invalid-argument', 'Expected an extractable private key');
  for (const der of [certificate, ...chain]) requireCertificate(der);

  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  let shroudedKey: PKCS8ShroudedKeyBag;
  try {
    const { spki } = await importPrivateKey(decodePrivateKeyInfo(pkcs8), 'pkcs8', crypto);
    if (!bytesEqual(certificateSpki(certificate), spki)) throw new CryptoError('invalid-argument', 'The certificate does not belong to the key');
    shroudedKey = await encryptedKeyBag(pkcs8, password, crypto);
  } finally {
    wipe(pkcs8);
  }

  const localKeyId = new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(certificate)));
  const attributes = sortForDerSet(
    [
      new Attribute({ type: OID.friendlyName, values: [new asn1js.BmpString({ value: friendlyName })] }),
      new Attribute({ type: OID.localKeyId, values: [new asn1js.OctetString({ valueHex: localKeyId })] }),
    ],
    (attribute) => encodeDer(attribute.toSchema()),
  );
  const keySafe = new SafeContents({ safeBags: [new SafeBag({ bagId: OID.pkcs8ShroudedKeyBag, bagValue: shroudedKey, bagAttributes: attributes })] });
  const certBags = [certificate, ...chain].map(
    (der, index) =>
      new SafeBag({
        bagId: OID.certBag,
        bagValue: new CertBag({ certId: OID.x509Certificate, certValue: new asn1js.OctetString({ valueHex: der }) }),
        ...(index === 0 && { bagAttributes: attributes }),
      }),
  );
  const certSafe = await encryptedSafe(new SafeContents({ safeBags: certBags }), password, crypto);
  // OpenSSL's order: certificates first, then the key.
  const authSafe = encodeDer(new AuthenticatedSafe({ safeContents: [certSafe, dataContentInfo(encodeDer(keySafe.toSchema()))] }).toSchema());
  const pfx = new PFX({ version: 3, authSafe: dataContentInfo(authSafe), macData: await computeMac(authSafe, password, crypto) });
  return encodeDer(pfx.toSchema());
}

// --- reading -----------------------------------------------------------------------------------------

function pfxDer(bytes: Uint8Array): Uint8Array {
  const encoding = decodeFileBytes(bytes);
  const der = encoding.kind === 'der' ? encoding.der : encoding.blocks.find((block) => block.label === 'PKCS12')?.der;
  if (der === undefined) throw new CryptoError('unrecognized-file', 'The file is not a PKCS#12/PFX');
  const structure = identifyDer(der);
  if (structure !== 'pfx') throw new CryptoError('unrecognized-file', `The file is not a PKCS#12/PFX (it holds a ${structure})`);
  return der;
}

function decodePfx(der: Uint8Array): { authSafe: Uint8Array; macData: asn1js.Sequence | undefined } {
  const what = 'The PFX';
  const names = { version: 'version', authSafe: { names: { blockName: 'authSafe' } }, macData: { names: { blockName: 'macData', optional: true } } };
  const fields = matchSchema(decodeDer(der, what), PFX.schema({ names }), what);
  if (field(fields, 'version', asn1js.Integer, what).toBigInt() !== 3n) throw corrupt(`${what} is not version 3`);
  const authSafe = contentInfo(field(fields, 'authSafe', asn1js.Sequence, what));
  if (authSafe.contentType === OID.signedData) throw new CryptoError('unsupported-encryption', 'PFX public-key integrity mode is not supported');
  if (authSafe.contentType !== OID.data) throw corrupt(`${what} authSafe is not data`);
  return { authSafe: contentOctets(authSafe), macData: optionalField(fields, 'macData', asn1js.Sequence, what) };
}

function contentInfo(node: asn1js.AsnType): ContentInfo {
  try {
    return new ContentInfo({ schema: node });
  } catch (cause) {
    if (cause instanceof Error) throw corrupt('A PFX ContentInfo is malformed', cause);
    throw cause;
  }
}

function contentOctets(info: ContentInfo): Uint8Array {
  const content: unknown = info.content;
  if (!(content instanceof asn1js.OctetString)) throw corrupt('A PFX data ContentInfo does not hold an OCTET STRING');
  return octetStringBytes(content);
}

function decodeAuthenticatedSafe(der: Uint8Array): ContentInfo[] {
  const node = decodeDer(der, 'The PFX AuthenticatedSafe');
  try {
    return new AuthenticatedSafe({ schema: node }).safeContents;
  } catch (cause) {
    if (cause instanceof Error) throw corrupt('The PFX AuthenticatedSafe is malformed', cause);
    throw cause;
  }
}

function decodeEncryptedData(info: ContentInfo): EncryptedContentInfo {
  try {
    return new EncryptedData({ schema: info.content }).encryptedContentInfo;
  } catch (cause) {
    if (cause instanceof Error) throw corrupt('A PFX EncryptedData is malformed', cause);
    throw cause;
  }
}

function encryptedContent(safe: EncryptedContentInfo): Uint8Array {
  if (safe.encryptedContent === undefined) throw corrupt('A PFX EncryptedData holds no content');
  return new Uint8Array(safe.getEncryptedContent());
}

function decodeSafeContents(der: Uint8Array): Bag[] {
  const what = 'A PFX SafeBag';
  const root = decodeDer(der, 'The PFX SafeContents');
  if (!(root instanceof asn1js.Sequence)) throw corrupt('The PFX SafeContents is not a SEQUENCE');
  return children(root).map((node) => {
    const fields = matchSchema(node, SafeBag.schema({ names: { bagId: 'bagId', bagValue: 'bagValue', bagAttributes: 'bagAttributes' } }), what);
    const value = fields.bagValue;
    if (!(value instanceof asn1js.BaseBlock)) throw corrupt(`${what} has no value`);
    const attributes: unknown[] = Array.isArray(fields.bagAttributes) ? fields.bagAttributes : [];
    const localKeyId: unknown = attributes
      .map((attribute: unknown) => (attribute instanceof asn1js.Sequence ? new Attribute({ schema: attribute }) : undefined))
      .find((attribute) => attribute?.type === OID.localKeyId)?.values[0];
    return {
      bagId: field(fields, 'bagId', asn1js.ObjectIdentifier, what).valueBlock.toString(),
      value,
      localKeyId: localKeyId instanceof asn1js.OctetString ? octetStringBytes(localKeyId) : undefined,
    };
  });
}

function decodeDecryptedSafe(plaintext: Uint8Array, macVerified: boolean): Bag[] {
  try {
    return decodeSafeContents(plaintext);
  } catch (cause) {
    // Without a MAC, garbage that passed the padding check is the sign of a wrong password.
    if (!macVerified && isCryptoError(cause, 'corrupt-file')) {
      throw new CryptoError('wrong-password', 'The password is not correct', { cause });
    }
    throw cause;
  }
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

function isShroudedKeyBag(bag: Bag): boolean {
  return bag.bagId === OID.pkcs8ShroudedKeyBag;
}

function rejectLegacyKeyBag(bag: Bag): void {
  if (!isShroudedKeyBag(bag)) return;
  const [algorithm] = children(bag.value);
  if (algorithm === undefined) throw corrupt('A PFX key bag is malformed');
  if (isLegacyEncryption(toAlgorithmIdentifier(algorithm, 'A PFX key bag algorithm'))) throw legacyPfx();
}

function legacyPfx(): CryptoError {
  return new CryptoError(
    'legacy-pfx-encryption',
    `The PFX uses legacy encryption (3DES, RC2 or RC4) that browsers do not implement. ${LEGACY_PFX_CONVERSION_HINT}`,
  );
}

async function verifyMac(macData: asn1js.Sequence, authSafe: Uint8Array, password: string, crypto: Crypto): Promise<void> {
  const what = 'The PFX MacData';
  const names = {
    mac: { names: { blockName: 'mac', digestAlgorithm: { names: { blockName: 'digestAlgorithm' } }, digest: 'digest' } },
    macSalt: 'macSalt',
    iterations: 'iterations',
  };
  const fields = matchSchema(macData, MacData.schema({ names }), what);
  const algorithm = toAlgorithmIdentifier(field(fields, 'digestAlgorithm', asn1js.Sequence, what), what);
  const hash = MAC_HASH_BY_OID.get(algorithm.algorithmId);
  if (hash === undefined) {
    throw new CryptoError('unsupported-encryption', `The PFX MAC algorithm ${algorithm.algorithmId} is not supported. ${LEGACY_PFX_CONVERSION_HINT}`);
  }
  const digest = octetStringBytes(field(fields, 'digest', asn1js.OctetString, what));
  if (digest.length !== hashLength(hash)) throw corrupt(`${what} digest has the wrong length`);
  const iterationNode = optionalField(fields, 'iterations', asn1js.Integer, what);
  if (iterationNode !== undefined && iterationNode.toBigInt() > BigInt(MAX_PFX_MAC_ITERATIONS)) {
    throw new CryptoError('unsupported-encryption', `The PFX MAC iteration count is above the ${MAX_PFX_MAC_ITERATIONS} we accept`);
  }
  // RFC 7292 §4: iterations DEFAULT 1.
  const iterations = iterationNode === undefined ? 1 : integerInRange(iterationNode, 1, MAX_PFX_MAC_ITERATIONS, 'PFX MAC iteration count');
  const salt = octetStringBytes(field(fields, 'macSalt', asn1js.OctetString, what));
  // OpenSSL tries an empty password both as BMPString "" (two zero bytes) and as no bytes at all.
  const candidates = password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
  for (const candidate of candidates) {
    const key = await macKey(hash, candidate, salt, iterations, 'verify', crypto);
    if (await crypto.subtle.verify('HMAC', key, digest, Uint8Array.from(authSafe))) return;
  }
  throw new CryptoError('wrong-password', 'The password is not correct (the PFX integrity check failed)');
}

async function macKey(hash: Pkcs12Hash, password: Uint8Array, salt: Uint8Array, iterations: number, usage: 'sign' | 'verify', crypto: Crypto): Promise<CryptoKey> {
  const keyBytes = await pkcs12Kdf(hash, password, salt, 3, iterations, hashLength(hash), crypto);
  try {
    return await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash }, false, [usage]);
  } finally {
    wipe(keyBytes);
    wipe(password);
  }
}

function orderCertificates(bags: readonly Bag[], keyBag: Bag, spki: Uint8Array): Uint8Array[] {
  const certificates = bags.filter((bag) => bag.bagId === OID.certBag).flatMap((bag) => {
    const fields = matchSchema(bag.value, CertBag.schema({ names: { id: 'certId', value: 'certValue' } }), 'A PFX CertBag');
    if (field(fields, 'certId', asn1js.ObjectIdentifier, 'A PFX CertBag').valueBlock.toString() !== OID.x509Certificate) return [];
    const der = octetStringBytes(field(fields, 'certValue', asn1js.OctetString, 'A PFX CertBag'));
    if (identifyDer(der) !== 'certificate') throw corrupt('A PFX certificate bag does not hold a certificate');
    return [{ der, localKeyId: bag.localKeyId }];
  });
  const id = keyBag.localKeyId;
  let leaf = id === undefined ? -1 : certificates.findIndex((cert) => cert.localKeyId !== undefined && bytesEqual(cert.localKeyId, id));
  if (leaf < 0) leaf = certificates.findIndex((cert) => bytesEqual(certificateSpki(cert.der), spki));
  const ordered = leaf < 0 ? certificates : [certificates[leaf], ...certificates.filter((_, index) => index !== leaf)];
  return ordered.flatMap((cert) => (cert === undefined ? [] : [cert.der]));
}

/** The DER subjectPublicKeyInfo of a certificate already identified as one (RFC 5280 §4.1). */
function certificateSpki(certificate: Uint8Array): Uint8Array {
  const [tbs] = children(decodeDer(certificate, 'The certificate'));
  const fields = tbs === undefined ? [] : children(tbs);
  const spki = fields[isContext(fields[0], 0) ? 6 : 5];
  if (spki === undefined) throw corrupt('The certificate has no subjectPublicKeyInfo');
  return encodedBytes(spki);
}

function requireCertificate(der: Uint8Array): void {
  try {
    if (identifyDer(der) === 'certificate') return;
  } catch (cause) {
    if (!(cause instanceof CryptoError)) throw cause;
  }
  throw new CryptoError('invalid-argument', 'Expected the DER of an X.509 certificate');
}

// --- building ----------------------------------------------------------------------------------------

async function encryptedKeyBag(pkcs8: Uint8Array, password: string, crypto: Crypto): Promise<PKCS8ShroudedKeyBag> {
  const { algorithmIdentifier, ciphertext } = await pbes2Encrypt(pkcs8, password, PFX_ENCRYPTION, crypto);
  return new PKCS8ShroudedKeyBag({
    encryptionAlgorithm: toAlgorithmIdentifier(algorithmIdentifier, 'The PBES2 AlgorithmIdentifier'),
    encryptedData: new asn1js.OctetString({ valueHex: ciphertext }),
  });
}

async function encryptedSafe(safe: SafeContents, password: string, crypto: Crypto): Promise<ContentInfo> {
  const { algorithmIdentifier, ciphertext } = await pbes2Encrypt(encodeDer(safe.toSchema()), password, PFX_ENCRYPTION, crypto);
  const encryptedData = new EncryptedData({
    version: 0,
    encryptedContentInfo: new EncryptedContentInfo({
      contentType: OID.data,
      contentEncryptionAlgorithm: toAlgorithmIdentifier(algorithmIdentifier, 'The PBES2 AlgorithmIdentifier'),
      // DER: one primitive [0] IMPLICIT OCTET STRING, not pkijs's default 1024-byte constructed pieces.
      encryptedContent: new asn1js.OctetString({ valueHex: ciphertext }),
      disableSplit: true,
    }),
  });
  return new ContentInfo({ contentType: OID.encryptedData, content: encryptedData.toSchema() });
}

function dataContentInfo(der: Uint8Array): ContentInfo {
  return new ContentInfo({ contentType: OID.data, content: new asn1js.OctetString({ valueHex: der }) });
}

async function computeMac(authSafe: Uint8Array, password: string, crypto: Crypto): Promise<MacData> {
  const salt = crypto.getRandomValues(new Uint8Array(PFX_MAC.saltLength));
  const key = await macKey(PFX_MAC.hash, bmpPassword(password), salt, PFX_MAC.iterations, 'sign', crypto);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, Uint8Array.from(authSafe)));
  return new MacData({
    // The NULL parameter is what OpenSSL writes in DigestInfo; RFC 5754 §2 lets readers accept both.
    mac: new DigestInfo({
      digestAlgorithm: new AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      digest: new asn1js.OctetString({ valueHex: mac }),
    }),
    macSalt: new asn1js.OctetString({ valueHex: salt }),
    iterations: PFX_MAC.iterations,
  });
}
