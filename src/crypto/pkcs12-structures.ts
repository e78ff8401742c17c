import * as asn1js from 'asn1js';
import { Attribute, AuthenticatedSafe, ContentInfo, EncryptedData, PFX, SafeBag } from 'pkijs';
import type { EncryptedContentInfo } from 'pkijs';
import {
  children,
  corrupt,
  decodeDer,
  field,
  matchSchema,
  octetStringBytes,
  optionalField,
  parsePkijs,
  toAlgorithmIdentifier,
} from './asn1';
import { CryptoError, isCryptoError } from './errors';
import { identifyDer } from './file-kind';
import { OID } from './oids';
import { isLegacyEncryption } from './pbes2';
import { decodeFileBytes } from './pem';

/**
 * How to re-export a PFX we do not read (RC4, PBMAC1) into one we do (OpenSSL 3 writes AES-256 by
 * default). Through a temporary file: `openssl pkcs12 -export` reading a pipe fails on OpenSSL 3.0 ("Could
 * not read any certificates from -in file from <stdin>"), even with both passwords given.
 */
export const LEGACY_PFX_CONVERSION_HINT =
  'Re-export it (and then delete old.pem, which holds the key unencrypted) with: ' +
  'openssl pkcs12 -legacy -in old.pfx -nodes -out old.pem && openssl pkcs12 -export -in old.pem -out new.pfx';

/** One SafeBag (RFC 7292 §4.2): its type, its value node, and its localKeyId attribute if any. */
export interface DecodedSafeBag {
  readonly bagId: string;
  readonly value: asn1js.AsnType;
  readonly localKeyId: Uint8Array | undefined;
}

/**
 * The outer layers of a PFX (RFC 7292 §4, §4.1): the authSafe content the MAC covers, the MacData if
 * any, the SafeBags of the unencrypted `data` safes, and the `encryptedData` safes still to decrypt.
 */
export interface DecodedPfx {
  readonly authSafe: Uint8Array;
  readonly macData: asn1js.Sequence | undefined;
  readonly plainBags: readonly DecodedSafeBag[];
  readonly encryptedSafes: readonly EncryptedContentInfo[];
}

/**
 * Decodes a PFX (DER, or a PEM `PKCS12` block) down to its SafeContents and refuses the legacy
 * encryption we do not read (RC4, MD2, RC2 in PBES2) of a safe or a key bag, before any password is
 * asked for, since no password would help. PBES1 3DES/RC2 and PKCS#12 PBE pass: `readPfx` decrypts them.
 *
 * @throws CryptoError `unrecognized-file` when the file is not a PFX; `corrupt-file`;
 *   `unsupported-encryption` for the public-key integrity and privacy modes; `legacy-pfx-encryption`.
 */
export function decodePfxStructure(bytes: Uint8Array): DecodedPfx {
  const { authSafe, macData } = decodePfx(pfxDer(bytes));
  const plainBags: DecodedSafeBag[] = [];
  const encryptedSafes: EncryptedContentInfo[] = [];
  for (const info of decodeAuthenticatedSafe(authSafe)) {
    if (info.contentType === OID.data) plainBags.push(...decodeSafeContents(contentOctets(info)));
    else if (info.contentType === OID.encryptedData) encryptedSafes.push(decodeEncryptedData(info));
    else if (info.contentType === OID.envelopedData)
      throw new CryptoError('unsupported-encryption', 'PFX public-key privacy mode is not supported');
    else throw corrupt(`The PFX holds an unexpected content type ${info.contentType}`);
  }
  if (encryptedSafes.some((safe) => isLegacyEncryption(safe.contentEncryptionAlgorithm))) throw legacyPfx();
  plainBags.forEach(rejectLegacyKeyBag);
  return { authSafe, macData, plainBags, encryptedSafes };
}

/**
 * Decodes the SafeContents of a decrypted `encryptedData` safe.
 *
 * @param macVerified whether a MAC already confirmed the password.
 * @throws CryptoError `wrong-password` when, without a MAC, the plaintext is not SafeContents;
 *   `corrupt-file` when it is not and a MAC was verified.
 */
export function decodeDecryptedSafe(plaintext: Uint8Array, macVerified: boolean): DecodedSafeBag[] {
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

/** True for a pkcs8ShroudedKeyBag (RFC 7292 §4.2.2). */
export function isShroudedKeyBag(bag: DecodedSafeBag): boolean {
  return bag.bagId === OID.pkcs8ShroudedKeyBag;
}

/**
 * Refuses a pkcs8ShroudedKeyBag encrypted with legacy encryption we do not read (`isLegacyEncryption`);
 * other bags pass.
 *
 * @throws CryptoError `legacy-pfx-encryption`; `corrupt-file` for a malformed key bag.
 */
export function rejectLegacyKeyBag(bag: DecodedSafeBag): void {
  if (!isShroudedKeyBag(bag)) return;
  const [algorithm] = children(bag.value);
  if (algorithm === undefined) throw corrupt('A PFX key bag is malformed');
  if (isLegacyEncryption(toAlgorithmIdentifier(algorithm, 'A PFX key bag algorithm'))) throw legacyPfx();
}

function legacyPfx(): CryptoError {
  return new CryptoError(
    'legacy-pfx-encryption',
    `The PFX uses legacy encryption (RC4, MD2 or RC2 in PBES2) that we do not read. ${LEGACY_PFX_CONVERSION_HINT}`,
  );
}

function pfxDer(bytes: Uint8Array): Uint8Array {
  const encoding = decodeFileBytes(bytes);
  const der = encoding.kind === 'der' ? encoding.der : encoding.blocks.find((block) => block.label === 'PKCS12')?.der;
  if (der === undefined) throw new CryptoError('unrecognized-file', 'The file is not a PKCS#12/PFX');
  const structure = identifyDer(der);
  if (structure !== 'pfx')
    throw new CryptoError('unrecognized-file', `The file is not a PKCS#12/PFX (it holds a ${structure})`);
  return der;
}

function decodePfx(der: Uint8Array): { authSafe: Uint8Array; macData: asn1js.Sequence | undefined } {
  const what = 'The PFX';
  const names = {
    version: 'version',
    authSafe: { names: { blockName: 'authSafe' } },
    macData: { names: { blockName: 'macData', optional: true } },
  };
  const fields = matchSchema(decodeDer(der, what), PFX.schema({ names }), what);
  if (field(fields, 'version', asn1js.Integer, what).toBigInt() !== 3n) throw corrupt(`${what} is not version 3`);
  const authSafeNode = field(fields, 'authSafe', asn1js.Sequence, what);
  const authSafe = parsePkijs(() => new ContentInfo({ schema: authSafeNode }), 'A PFX ContentInfo is malformed');
  if (authSafe.contentType === OID.signedData)
    throw new CryptoError('unsupported-encryption', 'PFX public-key integrity mode is not supported');
  if (authSafe.contentType !== OID.data) throw corrupt(`${what} authSafe is not data`);
  return { authSafe: contentOctets(authSafe), macData: optionalField(fields, 'macData', asn1js.Sequence, what) };
}

function contentOctets(info: ContentInfo): Uint8Array {
  const content: unknown = info.content;
  if (!(content instanceof asn1js.OctetString)) throw corrupt('A PFX data ContentInfo does not hold an OCTET STRING');
  return octetStringBytes(content);
}

function decodeAuthenticatedSafe(der: Uint8Array): ContentInfo[] {
  const node = decodeDer(der, 'The PFX AuthenticatedSafe');
  return parsePkijs(
    () => new AuthenticatedSafe({ schema: node }).safeContents,
    'The PFX AuthenticatedSafe is malformed',
  );
}

function decodeEncryptedData(info: ContentInfo): EncryptedContentInfo {
  return parsePkijs(
    () => new EncryptedData({ schema: info.content }).encryptedContentInfo,
    'A PFX EncryptedData is malformed',
  );
}

function decodeSafeContents(der: Uint8Array): DecodedSafeBag[] {
  const what = 'A PFX SafeBag';
  const root = decodeDer(der, 'The PFX SafeContents');
  if (!(root instanceof asn1js.Sequence)) throw corrupt('The PFX SafeContents is not a SEQUENCE');
  return children(root).map((node) => {
    const fields = matchSchema(
      node,
      SafeBag.schema({ names: { bagId: 'bagId', bagValue: 'bagValue', bagAttributes: 'bagAttributes' } }),
      what,
    );
    const value = fields.bagValue;
    if (!(value instanceof asn1js.BaseBlock)) throw corrupt(`${what} has no value`);
    const attributes: unknown[] = Array.isArray(fields.bagAttributes) ? fields.bagAttributes : [];
    return {
      bagId: field(fields, 'bagId', asn1js.ObjectIdentifier, what).valueBlock.toString(),
      value,
      localKeyId: localKeyIdOf(attributes),
    };
  });
}

/**
 * The localKeyId of a bag's attributes (PKCS#9 §5.5.3, RFC 7292 §4.2): SINGLE VALUE, an OCTET STRING.
 * Other attributes (friendlyName, Microsoft's CSP name) are not read.
 *
 * @throws CryptoError `corrupt-file` for a malformed attribute, or a localKeyId with no value, more than
 *   one, or one that is not an OCTET STRING.
 */
function localKeyIdOf(attributes: readonly unknown[]): Uint8Array | undefined {
  for (const node of attributes) {
    if (!(node instanceof asn1js.Sequence)) throw corrupt('A PFX bag attribute is not a SEQUENCE');
    const attribute = parsePkijs(() => new Attribute({ schema: node }), 'A PFX bag attribute is malformed');
    if (attribute.type !== OID.localKeyId) continue;
    const values: unknown = attribute.values;
    const [value, ...more] = Array.isArray(values) ? (values as unknown[]) : [];
    if (!(value instanceof asn1js.OctetString) || more.length > 0)
      throw corrupt('A PFX bag localKeyId attribute does not hold exactly one OCTET STRING');
    return octetStringBytes(value);
  }
  return undefined;
}
