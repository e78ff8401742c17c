import * as asn1js from 'asn1js';
import { AlgorithmIdentifier } from 'pkijs';
import { bigintFromBytes, bytesEqual, bytesFromBigint, wipe } from '../lib/bytes';
import { signingParams } from './algorithms';
import { corrupt, encodeDer } from './asn1';
import {
  type EcCurve,
  type EcPoint,
  EC_CURVES,
  compressedPoint,
  generatorPoint,
  uncompressedPoint,
  yFromX,
} from './ec-curves';
import { CryptoError } from './errors';
import type { LoadedPrivateKey, PrivateKeySource } from './key-type';
import { OID } from './oids';
import type { PrivateKeyMaterial } from './private-key-decoding';
import { rsaModulusBits, rsaPublicJwk } from './public-key';

const SELF_CHECK_MESSAGE = new TextEncoder().encode('ksef-cert key pair self-check');

/**
 * Imports decoded key material into WebCrypto and derives its public key from the private key itself
 * (EC: ECDH of the private scalar with the generator; RSA: the modulus and exponent the private key
 * signs with), confirmed by a signature. A public key stored in the file is only compared, never used.
 * Wipes the secret bytes of `material`.
 *
 * @returns an extractable private key (ECDSA, or RSASSA-PKCS1-v1_5 with SHA-256; memory only), its
 *   public key, the DER SubjectPublicKeyInfo, the key type and `source`.
 * @throws CryptoError `corrupt-file` when WebCrypto rejects the key material or the stored public key
 *   does not belong to the private key; `unsupported-curve` when a key that named no curve turns out
 *   not to be on the curve its size suggested.
 */
export async function importPrivateKey(
  material: PrivateKeyMaterial,
  source: PrivateKeySource,
  crypto: Crypto = globalThis.crypto,
): Promise<LoadedPrivateKey> {
  try {
    return material.kind === 'EC'
      ? await importEcKey(material, source, crypto)
      : await importRsaKey(material, source, crypto);
  } catch (cause) {
    // The PKCS#8 and JWK we hand over are well formed, so WebCrypto refusing to import or use them
    // means the key material is invalid (a scalar out of range, RSA components that do not fit).
    if (isEngineRejection(cause)) throw corrupt('The key material is invalid', cause);
    throw cause;
  } finally {
    wipe(material.kind === 'EC' ? material.d : material.rsaPrivateKey);
  }
}

/** A WebCrypto failure: DOMException in browsers and Node, plain Errors from @peculiar/webcrypto. */
function isEngineRejection(cause: unknown): boolean {
  if (cause instanceof DOMException) return true;
  return (
    cause instanceof Error &&
    !(cause instanceof CryptoError || cause instanceof TypeError || cause instanceof ReferenceError)
  );
}

async function importEcKey(
  material: Extract<PrivateKeyMaterial, { kind: 'EC' }>,
  source: PrivateKeySource,
  crypto: Crypto,
): Promise<LoadedPrivateKey> {
  const { curve, d } = material;
  const parameters = EC_CURVES[curve];
  const { size, p } = parameters;
  const ecdsa = { name: 'ECDSA', namedCurve: curve };
  const scalarOnly = ecPkcs8(curve, d);
  let x: bigint;
  let signature: ArrayBuffer;
  try {
    const signer = await crypto.subtle.importKey('pkcs8', scalarOnly, ecdsa, false, ['sign']);
    signature = await crypto.subtle.sign(signingParams(signer), signer, SELF_CHECK_MESSAGE);
    const ecdh = await crypto.subtle.importKey('pkcs8', scalarOnly, { name: 'ECDH', namedCurve: curve }, false, [
      'deriveBits',
    ]);
    const generator = await crypto.subtle.importKey(
      'raw',
      generatorPoint(parameters),
      { name: 'ECDH', namedCurve: curve },
      false,
      [],
    );
    // The x-coordinate of d·G: ECDH with the generator as the peer computes exactly the public point.
    x = bigintFromBytes(
      new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: generator }, ecdh, size * 8)),
    );
  } finally {
    wipe(scalarOnly);
  }
  const y = yFromX(parameters, x);
  if (y === null) throw corrupt('The EC private key does not give a point on its curve');
  let publicKey: CryptoKey | undefined;
  let point: EcPoint | undefined;
  for (const candidate of [y, p - y]) {
    point = { x: bytesFromBigint(x, size), y: bytesFromBigint(candidate, size) };
    const key = await crypto.subtle.importKey('raw', uncompressedPoint(point), ecdsa, true, ['verify']);
    if (await crypto.subtle.verify(signingParams(key), key, signature, SELF_CHECK_MESSAGE)) {
      publicKey = key;
      break;
    }
  }
  if (publicKey === undefined || point === undefined) throw corrupt('The EC private key fails its own signature check');
  const stored = material.storedPublicPoint;
  if (
    stored !== undefined &&
    !bytesEqual(stored, stored[0] === 4 ? uncompressedPoint(point) : compressedPoint(point))
  ) {
    if (material.curveInferred)
      throw new CryptoError('unsupported-curve', `The EC key names no curve and is not a ${curve} key`);
    throw corrupt('The public key stored in the file does not belong to its private key');
  }
  const pkcs8 = ecPkcs8(curve, d, uncompressedPoint(point));
  try {
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ecdsa, true, ['sign']);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
    return { keyType: { kind: 'EC', curve }, source, privateKey, publicKey, spki };
  } finally {
    wipe(pkcs8);
  }
}

async function importRsaKey(
  material: Extract<PrivateKeyMaterial, { kind: 'RSA' }>,
  source: PrivateKeySource,
  crypto: Crypto,
): Promise<LoadedPrivateKey> {
  const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const pkcs8 = privateKeyInfo(
    new AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    material.rsaPrivateKey,
  );
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, rsa, true, ['sign']);
  } finally {
    wipe(pkcs8);
  }
  const publicKey = await crypto.subtle.importKey(
    'jwk',
    rsaPublicJwk(material.modulus, material.publicExponent),
    rsa,
    true,
    ['verify'],
  );
  const signature = await crypto.subtle.sign(signingParams(privateKey), privateKey, SELF_CHECK_MESSAGE);
  if (!(await crypto.subtle.verify(signingParams(publicKey), publicKey, signature, SELF_CHECK_MESSAGE))) {
    throw corrupt('The RSA private key fails its own signature check (inconsistent key components)');
  }
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  return {
    keyType: { kind: 'RSA', modulusBits: rsaModulusBits(material.modulus) },
    source,
    privateKey,
    publicKey,
    spki,
  };
}

/** PKCS#8 exactly as WebCrypto exports EC keys: named curve outside, no [0] inside, [1] when given. */
function ecPkcs8(curve: EcCurve, d: Uint8Array, publicPoint?: Uint8Array): Uint8Array<ArrayBuffer> {
  const inner: asn1js.AsnType[] = [new asn1js.Integer({ value: 1 }), new asn1js.OctetString({ valueHex: d })];
  if (publicPoint !== undefined) {
    inner.push(
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 1 },
        value: [new asn1js.BitString({ valueHex: publicPoint })],
      }),
    );
  }
  const ecPrivateKey = encodeDer(new asn1js.Sequence({ value: inner }));
  const algorithm = new AlgorithmIdentifier({
    algorithmId: OID.idEcPublicKey,
    algorithmParams: new asn1js.ObjectIdentifier({ value: EC_CURVES[curve].oid }),
  });
  try {
    return privateKeyInfo(algorithm, ecPrivateKey);
  } finally {
    wipe(ecPrivateKey);
  }
}

function privateKeyInfo(algorithm: AlgorithmIdentifier, privateKey: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeDer(
    new asn1js.Sequence({
      value: [new asn1js.Integer({ value: 0 }), algorithm.toSchema(), new asn1js.OctetString({ valueHex: privateKey })],
    }),
  );
}
