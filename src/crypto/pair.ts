import * as asn1js from 'asn1js';
import { AlgorithmIdentifier } from 'pkijs';
import { bytesEqual } from '../lib/bytes';
import { signingParams } from './algorithms';
import { parseCertificate } from './certificate-reader';
import { CryptoError } from './errors';
import type { LoadedPrivateKey } from './key-type';
import { OID } from './oids';
import { ecdsaRawToDer } from './ecdsa-signature';
import { readPublicKey } from './public-key';
import type { PublicKeyMaterial } from './public-key';
import { verifySignature } from './signature';

/** Whether a private key belongs to a certificate; a mismatch is an answer, not an error. */
export type PairResult =
  | { readonly match: true }
  | { readonly match: false; readonly reason: 'different-algorithm' | 'different-key' | 'signature-mismatch' };

/**
 * Checks that `key` is the private half of the public key in `certificate` (DER), in three steps:
 * 1. the key types agree (EC with EC on the same curve, RSA with RSA), else `different-algorithm`;
 * 2. the public key material is equal by value — EC curve and point (a compressed point in the
 *    certificate is decompressed), RSA modulus and exponent — not by SPKI bytes, whose encodings of one
 *    key can differ; else `different-key`;
 * 3. a fresh random challenge signed with `key.privateKey` verifies with the certificate's key, which
 *    proves possession rather than trusting `key.spki`; else `signature-mismatch`.
 *
 * @throws CryptoError `corrupt-file` when `certificate` (or `key.spki`) does not parse;
 *   `unsupported-key-type` when the certificate's key cannot be used by this WebCrypto engine.
 */
export async function checkPair(
  key: LoadedPrivateKey,
  certificate: Uint8Array,
  crypto: Crypto = globalThis.crypto,
): Promise<PairResult> {
  const { spki } = parseCertificate(certificate);
  const theirs = readPublicKey(spki);
  const ours = readPublicKey(key.spki);
  if (!sameAlgorithm(ours, theirs)) return { match: false, reason: 'different-algorithm' };
  if (!sameKey(ours, theirs)) return { match: false, reason: 'different-key' };

  const challenge = crypto.getRandomValues(new Uint8Array(32));
  const signature = new Uint8Array(await crypto.subtle.sign(signingParams(key.privateKey), key.privateKey, challenge));
  const result = await verifySignature(
    spki,
    signatureAlgorithmOf(key.privateKey),
    challenge,
    derSignature(key, signature),
    crypto,
  );
  if (result === 'unsupported-algorithm') {
    throw new CryptoError('unsupported-key-type', 'The certificate key cannot be used for verification here');
  }
  return result === 'valid' ? { match: true } : { match: false, reason: 'signature-mismatch' };
}

function sameAlgorithm(a: PublicKeyMaterial, b: PublicKeyMaterial): boolean {
  if (a.kind === 'EC' && b.kind === 'EC') return a.curve === b.curve;
  return a.kind === 'RSA' && b.kind === 'RSA';
}

function sameKey(a: PublicKeyMaterial, b: PublicKeyMaterial): boolean {
  if (a.kind === 'EC' && b.kind === 'EC') return a.curve === b.curve && bytesEqual(a.x, b.x) && bytesEqual(a.y, b.y);
  if (a.kind === 'RSA' && b.kind === 'RSA') {
    return bytesEqual(a.modulus, b.modulus) && bytesEqual(a.publicExponent, b.publicExponent);
  }
  return false;
}

const RSA_SIGNATURES: ReadonlyMap<string, string> = new Map([
  ['SHA-256', OID.sha256WithRsaEncryption],
  ['SHA-384', OID.sha384WithRsaEncryption],
  ['SHA-512', OID.sha512WithRsaEncryption],
]);

/** The AlgorithmIdentifier describing what `signingParams` makes the private key do. */
function signatureAlgorithmOf(privateKey: CryptoKey): AlgorithmIdentifier {
  if (privateKey.algorithm.name === 'ECDSA') return new AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  const hashed: KeyAlgorithm & Partial<RsaHashedKeyAlgorithm> = privateKey.algorithm;
  const oid = hashed.name === 'RSASSA-PKCS1-v1_5' ? RSA_SIGNATURES.get(hashed.hash?.name ?? '') : undefined;
  if (oid === undefined) {
    throw new CryptoError('invalid-argument', 'The private key is neither ECDSA nor RSASSA-PKCS1-v1_5 with SHA-2');
  }
  return new AlgorithmIdentifier({ algorithmId: oid, algorithmParams: new asn1js.Null() });
}

function derSignature(key: LoadedPrivateKey, signature: Uint8Array): Uint8Array {
  return key.privateKey.algorithm.name === 'ECDSA' ? ecdsaRawToDer(signature) : signature;
}
