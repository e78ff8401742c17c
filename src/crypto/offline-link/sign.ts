import { readCertificate } from '../certificate-reader';
import type { CertificateSummary } from '../certificate-summary';
import { ecdsaRawToDer } from '../ecdsa-signature';
import type { LoadedPrivateKey } from '../key-type';
import { type CertificateEnvironment, classifyCertificate } from '../ksef-profile';
import { checkPair } from '../pair';
import { OfflineLinkError } from './errors';
import {
  type CertificateLinkFields,
  type LinkEnvironment,
  buildCertificateLink,
  certificateSignedString,
  checkFields,
} from './link';

/** RSASSA-PSS as KSeF verifies KOD II: SHA-256, MGF1-SHA-256, a 32-byte salt (docs/ksef-contract.md §9). */
export const KOD_II_RSA_PSS: RsaPssParams = { name: 'RSA-PSS', saltLength: 32 };
/** ECDSA P-256 with SHA-256; WebCrypto writes r||s (IEEE P1363), the form KSeF recommends. */
export const KOD_II_ECDSA: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** The smallest RSA modulus KSeF accepts for KOD II. */
const MIN_RSA_BITS = 2048;

/** What the caller gives for a KOD II link; the serial comes from the certificate. */
export type CertificateLinkRequest = Omit<CertificateLinkFields, 'certificateSerial'>;

export interface SignedCertificateLink {
  readonly url: string;
  /** The exact text that was signed (UTF-8, hashed once with SHA-256 by the signature algorithm). */
  readonly signedString: string;
  readonly certificateSerial: string;
  readonly signature: Uint8Array;
}

/**
 * Makes a KOD II link (docs/ksef-contract.md §9): checks the certificate and the key, builds the signed string
 * and signs its bytes once — RSASSA-PSS (salt 32) for RSA, ECDSA P-256 for EC, as r||s unless `ecdsaEncoding`
 * asks for DER (which KSeF also accepts). WebCrypto hashes what it signs: the string's bytes go in, never
 * their digest (signing a digest is the double-hash mistake of §13 #18).
 *
 * The private key stays in memory; an RSA key held for PKCS#1 v1.5 is re-imported for PSS, in memory and
 * non-extractable.
 *
 * @throws OfflineLinkError with a `SigningRefusal` (an Authentication or non-KSeF certificate, another
 *   environment's, expired or not yet valid at `now`, a serial that is not 8 bytes, RSA under 2048 bits,
 *   another key type, a key that does not pair) or the `LinkFault` of a field KSeF would not accept.
 * @throws CryptoError when `certificate` is not a readable certificate.
 */
export async function signCertificateLink(
  request: CertificateLinkRequest,
  key: LoadedPrivateKey,
  certificate: Uint8Array,
  options: { readonly now?: Date; readonly crypto?: Crypto; readonly ecdsaEncoding?: 'p1363' | 'der' } = {},
): Promise<SignedCertificateLink> {
  const crypto = options.crypto ?? globalThis.crypto;
  const summary = await readCertificate(certificate, options.now ?? new Date(), crypto);
  checkCertificate(summary, request.environment);
  const fields: CertificateLinkFields = { ...request, certificateSerial: summary.serialHex };
  const fault = checkFields(fields);
  if (fault !== null) throw new OfflineLinkError(fault, `The link field is not valid: ${fault}`);
  checkKey(key);
  const pair = await checkPair(key, summary.der, crypto);
  if (!pair.match) throw new OfflineLinkError('key-certificate-mismatch', 'The private key is not the certificate key');

  const signedString = certificateSignedString(fields);
  const data = new TextEncoder().encode(signedString);
  let signature: Uint8Array;
  if (key.keyType.kind === 'EC') {
    const raw = new Uint8Array(await crypto.subtle.sign(KOD_II_ECDSA, key.privateKey, data));
    signature = options.ecdsaEncoding === 'der' ? ecdsaRawToDer(raw) : raw;
  } else {
    signature = new Uint8Array(await crypto.subtle.sign(KOD_II_RSA_PSS, await pssKey(key.privateKey, crypto), data));
  }
  return {
    url: buildCertificateLink(fields, signature),
    signedString,
    certificateSerial: fields.certificateSerial,
    signature,
  };
}

function checkCertificate(summary: CertificateSummary, environment: LinkEnvironment): void {
  const kind = classifyCertificate(summary);
  if (kind.kind === 'not-ksef') throw new OfflineLinkError('certificate-not-ksef', 'Not a KSeF certificate');
  if (kind.purpose === 'Authentication') {
    throw new OfflineLinkError('certificate-authentication', 'An Authentication certificate cannot sign KOD II');
  }
  if (!environmentFits(kind.environment, environment)) {
    throw new OfflineLinkError('certificate-other-environment', 'The certificate belongs to another environment');
  }
  if (summary.validity === 'expired') throw new OfflineLinkError('certificate-expired', 'The certificate has expired');
  if (summary.validity === 'not-yet-valid') {
    throw new OfflineLinkError('certificate-not-yet-valid', 'The certificate is not valid yet');
  }
  if (!/^[0-9A-F]{16}$/.test(summary.serialHex)) {
    throw new OfflineLinkError('certificate-serial-not-ksef', 'The certificate serial is not 8 bytes');
  }
}

/** Whether a certificate of `issued` may sign a link to `link`'s host; an unknown environment is not refused. */
export function environmentFits(issued: CertificateEnvironment, link: LinkEnvironment): boolean {
  switch (issued) {
    case 'unknown':
      return true;
    case 'test-or-demo':
      return link === 'test' || link === 'demo';
    default:
      return issued === link;
  }
}

function checkKey(key: LoadedPrivateKey): void {
  if (key.keyType.kind === 'RSA') {
    if (key.keyType.modulusBits < MIN_RSA_BITS) {
      throw new OfflineLinkError('rsa-key-too-small', `RSA keys must have at least ${MIN_RSA_BITS} bits`);
    }
    return;
  }
  if (key.keyType.curve !== 'P-256') throw new OfflineLinkError('key-type-unsupported', 'Only EC P-256 or RSA');
}

/** The RSA private key as an RSA-PSS/SHA-256 signing key (WebCrypto binds a key to one scheme). */
async function pssKey(privateKey: CryptoKey, crypto: Crypto): Promise<CryptoKey> {
  if (privateKey.algorithm.name === 'RSA-PSS') return privateKey;
  if (!privateKey.extractable) {
    throw new OfflineLinkError('key-not-exportable', 'The RSA key cannot be used for RSASSA-PSS');
  }
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', privateKey);
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
}
