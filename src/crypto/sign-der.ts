import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../lib/bytes';
import { signingParams } from './algorithms';
import { tlv } from './der-writer';
import { CryptoError } from './errors';
import { OID } from './oids';
import { ecdsaRawToDer } from './ecdsa-signature';

/** How a structure we build (CSR, certificate) gets signed with a given key. */
export interface DerSigner {
  /** DER AlgorithmIdentifier to place in the structure (and in its TBS part, for certificates). */
  readonly algorithmIdentifier: Uint8Array<ArrayBuffer>;
  /** Signs the DER bytes and returns the DER BIT STRING of the signature. */
  readonly sign: (tbs: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * The signer for a KSeF-acceptable key (docs/ksef-contract.md §6.1): EC P-256 signs with ECDSA/SHA-256, the raw
 * `r || s` re-encoded as DER (RFC 3279 §2.2.3) under ecdsa-with-SHA256 with ABSENT parameters
 * (RFC 5758 §3.2); RSA 2048 with PKCS#1 v1.5/SHA-256 under sha256WithRSAEncryption with a NULL
 * parameter (RFC 4055 §5). Never a library default, never SHA-1.
 *
 * @throws CryptoError `invalid-argument` for any other key, or one that cannot sign.
 */
export function signDer(privateKey: CryptoKey, crypto: Crypto = globalThis.crypto): DerSigner {
  if (privateKey.type !== 'private' || !privateKey.usages.includes('sign')) {
    throw new CryptoError('invalid-argument', 'The private key cannot sign');
  }
  const algorithm: KeyAlgorithm & Partial<EcKeyAlgorithm & RsaHashedKeyAlgorithm> = privateKey.algorithm;
  const isEc = algorithm.name === 'ECDSA' && algorithm.namedCurve === 'P-256';
  const isRsa =
    algorithm.name === 'RSASSA-PKCS1-v1_5' && algorithm.modulusLength === 2048 && algorithm.hash?.name === 'SHA-256';
  if (!isEc && !isRsa) {
    throw new CryptoError(
      'invalid-argument',
      'KSeF accepts EC P-256 or RSA 2048 keys only (docs/ksef-contract.md §6.1)',
    );
  }
  const identifier = isEc
    ? new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.ecdsaWithSha256 })] })
    : new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: OID.sha256WithRsaEncryption }), new asn1js.Null()],
      });
  return {
    algorithmIdentifier: new Uint8Array(identifier.toBER()),
    sign: async (tbs) => {
      const raw = new Uint8Array(await crypto.subtle.sign(signingParams(privateKey), privateKey, tbs));
      const value = isEc ? ecdsaRawToDer(raw) : raw;
      return tlv(0x03, Uint8Array.of(0), new Uint8Array(toArrayBuffer(value)));
    },
  };
}
