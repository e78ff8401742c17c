import * as asn1js from 'asn1js';
import {
  Attribute,
  AuthenticatedSafe,
  CertBag,
  ContentInfo,
  EncryptedContentInfo,
  EncryptedData,
  PFX,
  SafeBag,
  SafeContents,
} from 'pkijs';
import { encodeDer, sortForDerSet, toAlgorithmIdentifier } from './asn1';
import { OID } from './oids';
import { encryptedPrivateKeyInfo } from './key-file';
import { type Pbes2EncryptOptions, type Pbes2Encrypted, beginPbes2Encrypt } from './pbes2';
import { beginPfxMac } from './pkcs12-mac';

/**
 * How `buildPfx` encrypts the key bag and the certificate safe: what OpenSSL 3 writes by default
 * (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC), but with 100 000 iterations instead of 2048, as the `.key`.
 */
export const PFX_ENCRYPTION: Pbes2EncryptOptions = {
  prf: 'SHA-256',
  cipher: 'AES-256-CBC',
  iterations: 100_000,
  saltLength: 16,
};

/** What `assemblePfx` packs: the key's PrivateKeyInfo (DER), its certificate and chain (DER), the bag attributes. */
export interface PfxParts {
  readonly pkcs8: Uint8Array;
  readonly certificate: Uint8Array;
  readonly chain: readonly Uint8Array[];
  readonly friendlyName: string;
  readonly password: string;
}

/**
 * Lays out a PFX (RFC 7292, version 3, strict DER) as OpenSSL 3 does: a PBES2 `encryptedData` safe of
 * certBags, then a `data` safe with the pkcs8ShroudedKeyBag; friendlyName (BMPString) and localKeyId
 * (SHA-256 of `certificate`) on the key bag and the bag of `certificate`; the MAC as `PFX_MAC` says.
 * The caller wipes `pkcs8` once this settles.
 *
 * @returns the DER of the PFX.
 */
export async function assemblePfx(parts: PfxParts, crypto: Crypto = globalThis.crypto): Promise<Uint8Array> {
  const { pkcs8, certificate, chain, friendlyName, password } = parts;
  const localKeyId = new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(certificate)));
  const attributes = sortForDerSet(
    [
      new Attribute({ type: OID.friendlyName, values: [new asn1js.BmpString({ value: friendlyName })] }),
      new Attribute({ type: OID.localKeyId, values: [new asn1js.OctetString({ valueHex: localKeyId })] }),
    ],
    (attribute) => encodeDer(attribute.toSchema()),
  );
  const certBags = [certificate, ...chain].map(
    (der, index) =>
      new SafeBag({
        bagId: OID.certBag,
        bagValue: new CertBag({ certId: OID.x509Certificate, certValue: new asn1js.OctetString({ valueHex: der }) }),
        ...(index === 0 && { bagAttributes: attributes }),
      }),
  );
  const certSafe = encodeDer(new SafeContents({ safeBags: certBags }).toSchema());
  // Three 100 000-iteration derivations. Both PBKDF2 ones are handed to WebCrypto first (Chromium runs
  // them off this thread), then the MAC key's PKCS#12 KDF, synchronous JavaScript, runs meanwhile: the
  // time of the longest of them rather than of all three.
  const [keyEncryption, certEncryption] = await Promise.all([
    beginPbes2Encrypt(pkcs8, password, PFX_ENCRYPTION, crypto),
    beginPbes2Encrypt(certSafe, password, PFX_ENCRYPTION, crypto),
  ]);
  const signMac = await beginPfxMac(password, crypto);
  const keySafe = new SafeContents({
    safeBags: [
      new SafeBag({
        bagId: OID.pkcs8ShroudedKeyBag,
        bagValue: encryptedPrivateKeyInfo(await keyEncryption()),
        bagAttributes: attributes,
      }),
    ],
  });
  // OpenSSL's order: certificates first, then the key.
  const authSafe = encodeDer(
    new AuthenticatedSafe({
      safeContents: [encryptedDataInfo(await certEncryption()), dataContentInfo(encodeDer(keySafe.toSchema()))],
    }).toSchema(),
  );
  const pfx = new PFX({ version: 3, authSafe: dataContentInfo(authSafe), macData: await signMac(authSafe) });
  return encodeDer(pfx.toSchema());
}

function encryptedDataInfo({ algorithmIdentifier, ciphertext }: Pbes2Encrypted): ContentInfo {
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
