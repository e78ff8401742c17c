import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, DigestInfo, MacData } from 'pkijs';
import { wipe } from '../lib/bytes';
import { corrupt, field, matchSchema, octetStringBytes, optionalField, toAlgorithmIdentifier } from './asn1';
import { CryptoError } from './errors';
import { OID } from './oids';
import { type Pkcs12Hash, bmpPassword, hashLength, pkcs12Kdf } from './pkcs12-kdf';
import { LEGACY_PFX_CONVERSION_HINT } from './pkcs12-structures';
import { iterationCount } from './iteration-count';

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

const MAC_HASH_BY_OID = new Map<string, Pkcs12Hash>([
  [OID.sha1, 'SHA-1'],
  [OID.sha256, 'SHA-256'],
  [OID.sha384, 'SHA-384'],
  [OID.sha512, 'SHA-512'],
]);

/** What a PFX MacData asks for, read and checked before any derivation. */
export interface PfxMacParameters {
  readonly hash: Pkcs12Hash;
  readonly digest: Uint8Array<ArrayBuffer>;
  readonly salt: Uint8Array;
  readonly iterations: number;
}

/**
 * Reads a PFX MacData (RFC 7292 §4): HMAC-SHA-1/256/384/512 keyed by the PKCS#12 KDF.
 *
 * @throws CryptoError `unsupported-encryption` for other MAC algorithms (PBMAC1); `iterations-too-many`
 *   above `MAX_ITERATIONS`; `corrupt-file`.
 */
export function readPfxMac(macData: asn1js.Sequence): PfxMacParameters {
  const what = 'The PFX MacData';
  const names = {
    mac: {
      names: { blockName: 'mac', digestAlgorithm: { names: { blockName: 'digestAlgorithm' } }, digest: 'digest' },
    },
    macSalt: 'macSalt',
    iterations: 'iterations',
  };
  const fields = matchSchema(macData, MacData.schema({ names }), what);
  const algorithm = toAlgorithmIdentifier(field(fields, 'digestAlgorithm', asn1js.Sequence, what), what);
  const hash = MAC_HASH_BY_OID.get(algorithm.algorithmId);
  if (hash === undefined) {
    throw new CryptoError(
      'unsupported-encryption',
      `The PFX MAC algorithm ${algorithm.algorithmId} is not supported. ${LEGACY_PFX_CONVERSION_HINT}`,
    );
  }
  const digest = octetStringBytes(field(fields, 'digest', asn1js.OctetString, what));
  if (digest.length !== hashLength(hash)) throw corrupt(`${what} digest has the wrong length`);
  const iterationNode = optionalField(fields, 'iterations', asn1js.Integer, what);
  // RFC 7292 §4: iterations DEFAULT 1.
  const iterations = iterationNode === undefined ? 1 : iterationCount(iterationNode, 'The PFX MAC iteration count');
  const salt = octetStringBytes(field(fields, 'macSalt', asn1js.OctetString, what));
  return { hash, digest, salt, iterations };
}

/**
 * Checks the MAC of `readPfxMac` over `authSafe` with the password as BMPString. The KDF runs
 * synchronously as soon as this is called.
 *
 * @throws CryptoError `wrong-password` when the MAC does not match.
 */
export async function verifyPfxMac(
  mac: PfxMacParameters,
  authSafe: Uint8Array,
  password: string,
  crypto: Crypto,
): Promise<void> {
  // OpenSSL tries an empty password both as BMPString "" (two zero bytes) and as no bytes at all.
  const candidates = password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
  for (const candidate of candidates) {
    const key = await macKey(mac.hash, candidate, mac.salt, mac.iterations, 'verify', crypto);
    if (await crypto.subtle.verify('HMAC', key, mac.digest, Uint8Array.from(authSafe))) return;
  }
  throw new CryptoError('wrong-password', 'The password is not correct (the PFX integrity check failed)');
}

/**
 * Derives the key of the MAC `PFX_MAC` says, with a fresh random salt (the KDF runs synchronously as
 * soon as this is called), and gives the function that makes the MacData over an authSafe.
 */
export async function beginPfxMac(
  password: string,
  crypto: Crypto,
): Promise<(authSafe: Uint8Array) => Promise<MacData>> {
  const salt = crypto.getRandomValues(new Uint8Array(PFX_MAC.saltLength));
  const key = await macKey(PFX_MAC.hash, bmpPassword(password), salt, PFX_MAC.iterations, 'sign', crypto);
  return async (authSafe) => {
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
  };
}

/** The HMAC key from the PKCS#12 KDF (ID 3, RFC 7292 B.3); wipes the derived bytes and `password`. */
async function macKey(
  hash: Pkcs12Hash,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  usage: 'sign' | 'verify',
  crypto: Crypto,
): Promise<CryptoKey> {
  const keyBytes = await pkcs12Kdf(hash, password, salt, 3, iterations, hashLength(hash), crypto);
  try {
    return await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash }, false, [usage]);
  } finally {
    wipe(keyBytes);
    wipe(password);
  }
}
