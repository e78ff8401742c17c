import { concatBytes } from '../../lib/bytes';
import { readCertificate } from '../certificate-reader';
import { uncompressedPoint } from '../ec-curves';
import { ecdsaDerToRaw } from '../ecdsa-signature';
import { CryptoError } from '../errors';
import { classifyCertificate } from '../ksef-profile';
import { readPublicKey, rsaPublicJwk } from '../public-key';
import type { SigningRefusal } from './errors';
import { type LinkEnvironment, type LinkFault, type ParsedCertificateLink, parseCertificateLink } from './link';
import { KOD_II_ECDSA, KOD_II_RSA_PSS, environmentFits } from './sign';

/** Why a KOD II link does not verify; one code per mistake, in the order they are looked for. */
export type LinkCheckFault =
  | LinkFault
  /** The host is another environment's than the one asked about. */
  | 'wrong-environment'
  /** The serial in the link is not this certificate's. */
  | 'serial-mismatch'
  | Extract<SigningRefusal, 'rsa-key-too-small' | 'key-type-unsupported'>
  /** Bytes that are no signature of this key type: EC neither 64 bytes r||s nor DER, RSA not the modulus length. */
  | 'signature-malformed'
  /** Signed over SHA-256 of the string with an API that hashed again (docs/ksef-contract.md §13 #18). */
  | 'signature-double-hashed'
  /** Signed over the link with its `https://`. */
  | 'signature-includes-scheme'
  /** RSA signed with PKCS#1 v1.5 instead of RSASSA-PSS. */
  | 'signature-rsa-pkcs1'
  /** RSASSA-PSS with another salt length than 32. */
  | 'signature-rsa-pss-salt'
  /** The signature is not this key's over this link, and no known mistake explains it. */
  | 'signature-mismatch'
  | Extract<
      SigningRefusal,
      | 'certificate-not-ksef'
      | 'certificate-authentication'
      | 'certificate-other-environment'
      | 'certificate-expired'
      | 'certificate-not-yet-valid'
    >;

export type SignatureEncoding = 'rsa-pss' | 'ecdsa-p1363' | 'ecdsa-der';

/** The verifier's answer: a link that fails is a result, not an exception. */
export type LinkVerification =
  | { readonly valid: true; readonly link: ParsedCertificateLink; readonly encoding: SignatureEncoding }
  | { readonly valid: false; readonly fault: LinkCheckFault; readonly link: ParsedCertificateLink | null };

/**
 * Checks a KOD II link against a certificate, offline (nothing is sent): the link's format part by part,
 * the environment (when `environment` is given), the serial, then the signature over the rebuilt signed
 * string — RSASSA-PSS salt 32, or ECDSA P-256 as r||s or DER — and, when it fails, the known mistakes
 * (a hash signed again, `https://` signed along, PKCS#1 v1.5, another PSS salt); last, whether KSeF would
 * take this certificate for KOD II at `now` (Offline, KSeF-issued, of the link's environment, valid).
 *
 * @throws CryptoError when `certificate` is not a readable certificate (malformed input, not a finding).
 */
export async function verifyCertificateLink(
  text: string,
  certificate: Uint8Array,
  options: { readonly environment?: LinkEnvironment; readonly now?: Date; readonly crypto?: Crypto } = {},
): Promise<LinkVerification> {
  const crypto = options.crypto ?? globalThis.crypto;
  const parsed = parseCertificateLink(text);
  if (!parsed.ok) return { valid: false, fault: parsed.fault, link: null };
  const { link } = parsed;
  const fail = (fault: LinkCheckFault): LinkVerification => ({ valid: false, fault, link });
  if (options.environment !== undefined && options.environment !== link.environment) return fail('wrong-environment');
  const summary = await readCertificate(certificate, options.now ?? new Date(), crypto);
  if (summary.serialHex !== link.certificateSerial) return fail('serial-mismatch');

  const signature = await checkSignature(link, summary.spki, crypto);
  if (signature.fault !== null) return fail(signature.fault);

  const kind = classifyCertificate(summary);
  if (kind.kind === 'not-ksef') return fail('certificate-not-ksef');
  if (kind.purpose === 'Authentication') return fail('certificate-authentication');
  if (!environmentFits(kind.environment, link.environment)) return fail('certificate-other-environment');
  if (summary.validity === 'expired') return fail('certificate-expired');
  if (summary.validity === 'not-yet-valid') return fail('certificate-not-yet-valid');
  return { valid: true, link, encoding: signature.encoding };
}

type SignatureCheck =
  { readonly fault: null; readonly encoding: SignatureEncoding } | { readonly fault: LinkCheckFault };

/** Verifies the link's signature with the key in `spki`, and names the mistake when it does not verify. */
async function checkSignature(link: ParsedCertificateLink, spki: Uint8Array, crypto: Crypto): Promise<SignatureCheck> {
  const data = new TextEncoder().encode(link.signedString);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  const withScheme = new TextEncoder().encode(`https://${link.signedString}`);
  const key = readPublicKey(spki);

  if (key.kind === 'EC') {
    if (key.curve !== 'P-256') return { fault: 'key-type-unsupported' };
    const raw = link.signature.length === 64 ? link.signature : derToRaw(link.signature);
    if (raw === null) return { fault: 'signature-malformed' };
    const encoding: SignatureEncoding = link.signature.length === 64 ? 'ecdsa-p1363' : 'ecdsa-der';
    const publicKey = await crypto.subtle.importKey(
      'raw',
      uncompressedPoint(key),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    const verifies = (bytes: Uint8Array) => crypto.subtle.verify(KOD_II_ECDSA, publicKey, copy(raw), copy(bytes));
    if (await verifies(data)) return { fault: null, encoding };
    if (await verifies(digest)) return { fault: 'signature-double-hashed' };
    if (await verifies(withScheme)) return { fault: 'signature-includes-scheme' };
    return { fault: 'signature-mismatch' };
  }

  if (key.kind !== 'RSA') return { fault: 'key-type-unsupported' };
  if (key.modulusBits < 2048) return { fault: 'rsa-key-too-small' };
  if (link.signature.length !== Math.ceil(key.modulusBits / 8)) return { fault: 'signature-malformed' };
  const jwk = rsaPublicJwk(key.modulus, key.publicExponent);
  const pss = await crypto.subtle.importKey('jwk', jwk, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
  const verifiesPss = (bytes: Uint8Array, saltLength = KOD_II_RSA_PSS.saltLength) =>
    crypto.subtle.verify({ name: 'RSA-PSS', saltLength }, pss, copy(link.signature), copy(bytes)).catch(() => false);
  if (await verifiesPss(data)) return { fault: null, encoding: 'rsa-pss' };
  if (await verifiesPss(digest)) return { fault: 'signature-double-hashed' };
  if (await verifiesPss(withScheme)) return { fault: 'signature-includes-scheme' };
  const pkcs1 = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  if (await crypto.subtle.verify('RSASSA-PKCS1-v1_5', pkcs1, copy(link.signature), copy(data))) {
    return { fault: 'signature-rsa-pkcs1' };
  }
  // Salts other tools use: none, SHA-1's 20, 64, and the largest the key holds (OpenSSL's default).
  const largest = Math.ceil((key.modulusBits - 1) / 8) - 32 - 2;
  for (const saltLength of [0, 20, 64, largest]) {
    if (await verifiesPss(data, saltLength)) return { fault: 'signature-rsa-pss-salt' };
  }
  return { fault: 'signature-mismatch' };
}

/** DER ECDSA-Sig-Value → r||s for P-256, or `null` when it is not one. */
function derToRaw(der: Uint8Array): Uint8Array | null {
  try {
    return ecdsaDerToRaw(der, 32);
  } catch (cause) {
    if (cause instanceof CryptoError && cause.code === 'corrupt-file') return null;
    throw cause;
  }
}

/** A copy on its own ArrayBuffer, as WebCrypto's types want. */
function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return concatBytes(bytes);
}
