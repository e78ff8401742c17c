import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, RSASSAPSSParams } from 'pkijs';
import { toArrayBuffer } from '../lib/bytes';
import { parsePkijsOrNull } from './asn1';
import { uncompressedPoint } from './ec-curves';
import { ecdsaDerToRaw } from './ecdsa-signature';
import { CryptoError } from './errors';
import { OID } from './oids';
import { readPublicKey, rsaPublicJwk } from './public-key';

/** Hashes we accept in signatures. SHA-1 is refused everywhere (docs/ksef-contract.md §13 #6). */
export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** A signature AlgorithmIdentifier we can verify, mapped to WebCrypto terms. */
export type SignatureAlgorithm =
  | { readonly name: 'ECDSA'; readonly hash: HashName; readonly nullParameters: boolean }
  | { readonly name: 'RSASSA-PKCS1-v1_5'; readonly hash: HashName }
  | { readonly name: 'RSA-PSS'; readonly hash: HashName; readonly saltLength: number };

/** What a signature check says. `unsupported-algorithm` is not a verdict on the signature. */
export type VerifyResult = 'valid' | 'invalid' | 'unsupported-algorithm';

const ECDSA_HASHES: Readonly<Record<string, HashName>> = {
  [OID.ecdsaWithSha256]: 'SHA-256',
  [OID.ecdsaWithSha384]: 'SHA-384',
  [OID.ecdsaWithSha512]: 'SHA-512',
};
const RSA_HASHES: Readonly<Record<string, HashName>> = {
  [OID.sha256WithRsaEncryption]: 'SHA-256',
  [OID.sha384WithRsaEncryption]: 'SHA-384',
  [OID.sha512WithRsaEncryption]: 'SHA-512',
};
const DIGESTS: Readonly<Record<string, HashName>> = {
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};
const HASH_BYTES: Readonly<Record<HashName, number>> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/**
 * Reads a signature AlgorithmIdentifier: ecdsa-with-SHA256/384/512 (RFC 5758; parameters absent, or a
 * NULL as the KSeF CA writes them, docs/ksef-contract.md §7 — `nullParameters` tells which), sha256/384/512WithRSA
 * (RFC 4055; NULL or absent), and RSASSA-PSS with explicit SHA-2 parameters, MGF1 with the same hash
 * and trailerField 1 (RFC 4055 §3.1; WebCrypto cannot express anything else).
 *
 * @returns `null` for anything else (SHA-1, DSA, EdDSA, PSS with default parameters, unknown OIDs).
 */
export function readSignatureAlgorithm(algorithm: AlgorithmIdentifier): SignatureAlgorithm | null {
  const params: unknown = algorithm.algorithmParams;
  const absentOrNull = params === undefined || params instanceof asn1js.Null;
  const ecdsaHash = ECDSA_HASHES[algorithm.algorithmId];
  if (ecdsaHash !== undefined) {
    return absentOrNull ? { name: 'ECDSA', hash: ecdsaHash, nullParameters: params !== undefined } : null;
  }
  const rsaHash = RSA_HASHES[algorithm.algorithmId];
  if (rsaHash !== undefined) return absentOrNull ? { name: 'RSASSA-PKCS1-v1_5', hash: rsaHash } : null;
  if (algorithm.algorithmId === OID.idRsassaPss && params instanceof asn1js.Sequence) return readPssParams(params);
  return null;
}

function readPssParams(schema: asn1js.Sequence): SignatureAlgorithm | null {
  const pss = parsePkijsOrNull(() => new RSASSAPSSParams({ schema }));
  if (pss === null || pss.trailerField !== 1) return null;
  const hash = digestOf(pss.hashAlgorithm);
  if (hash === null || pss.maskGenAlgorithm.algorithmId !== OID.mgf1) return null;
  const mgfParams: unknown = pss.maskGenAlgorithm.algorithmParams;
  if (!(mgfParams instanceof asn1js.Sequence)) return null;
  const mgfHash = parsePkijsOrNull(() => new AlgorithmIdentifier({ schema: mgfParams }));
  if (mgfHash === null || digestOf(mgfHash) !== hash) return null;
  if (!Number.isSafeInteger(pss.saltLength) || pss.saltLength < 0) return null;
  return { name: 'RSA-PSS', hash, saltLength: pss.saltLength };
}

function digestOf(algorithm: AlgorithmIdentifier): HashName | null {
  const params: unknown = algorithm.algorithmParams;
  if (params !== undefined && !(params instanceof asn1js.Null)) return null;
  return DIGESTS[algorithm.algorithmId] ?? null;
}

/**
 * Verifies `signatureValue` over `tbs` with the key in `spki` (DER SubjectPublicKeyInfo).
 *
 * @returns `'valid'`; `'invalid'` when the signature does not verify, does not decode (bad ECDSA DER, an
 *   RSA signature of the wrong length, a PSS salt the key cannot hold) or belongs to another key type;
 *   `'unsupported-algorithm'` when `readSignatureAlgorithm` refuses the algorithm, the key is of a kind
 *   we do not handle, or the WebCrypto engine refuses to import it.
 * @throws CryptoError `corrupt-file` when `spki` is not a well-formed SubjectPublicKeyInfo.
 */
export async function verifySignature(
  spki: Uint8Array,
  signatureAlgorithm: AlgorithmIdentifier,
  tbs: Uint8Array,
  signatureValue: Uint8Array,
  crypto: Crypto = globalThis.crypto,
): Promise<VerifyResult> {
  const key = readPublicKey(spki);
  const algorithm = readSignatureAlgorithm(signatureAlgorithm);
  if (algorithm === null || key.kind === 'other') return 'unsupported-algorithm';

  if (algorithm.name === 'ECDSA') {
    if (key.kind !== 'EC') return 'invalid';
    let raw: Uint8Array;
    try {
      raw = ecdsaDerToRaw(signatureValue, key.x.length);
    } catch (cause) {
      if (cause instanceof CryptoError && cause.code === 'corrupt-file') return 'invalid';
      throw cause;
    }
    const params: EcKeyImportParams = { name: 'ECDSA', namedCurve: key.curve };
    const point = toArrayBuffer(uncompressedPoint(key));
    const publicKey = await importOrNull(() => crypto.subtle.importKey('raw', point, params, false, ['verify']));
    if (publicKey === null) return 'unsupported-algorithm';
    const ok = await crypto.subtle.verify(
      { name: 'ECDSA', hash: algorithm.hash },
      publicKey,
      toArrayBuffer(raw),
      toArrayBuffer(tbs),
    );
    return ok ? 'valid' : 'invalid';
  }

  if (key.kind !== 'RSA') return 'invalid';
  // RFC 8017 §8.2.2 step 1 and §9.1.2: reject wrong lengths here; engines differ in how they fail on them.
  if (signatureValue.length !== Math.ceil(key.modulusBits / 8)) return 'invalid';
  const verifyParams: Algorithm | RsaPssParams =
    algorithm.name === 'RSA-PSS' ? { name: 'RSA-PSS', saltLength: algorithm.saltLength } : { name: algorithm.name };
  if (algorithm.name === 'RSA-PSS') {
    const emLength = Math.ceil((key.modulusBits - 1) / 8);
    if (emLength < HASH_BYTES[algorithm.hash] + algorithm.saltLength + 2) return 'invalid';
  }
  const jwk = rsaPublicJwk(key.modulus, key.publicExponent);
  const importParams: RsaHashedImportParams = { name: algorithm.name, hash: algorithm.hash };
  const publicKey = await importOrNull(() => crypto.subtle.importKey('jwk', jwk, importParams, false, ['verify']));
  if (publicKey === null) return 'unsupported-algorithm';
  const ok = await crypto.subtle.verify(verifyParams, publicKey, toArrayBuffer(signatureValue), toArrayBuffer(tbs));
  return ok ? 'valid' : 'invalid';
}

/** Runs an import for verification; an engine that refuses the key (size, exponent) gives `null`. */
async function importOrNull(importKey: () => Promise<CryptoKey>): Promise<CryptoKey | null> {
  try {
    return await importKey();
  } catch (cause) {
    // DOMException from browsers and Node, plain Error subclasses from @peculiar/webcrypto.
    if (cause instanceof Error || cause instanceof DOMException) return null;
    throw cause;
  }
}
