import * as asn1js from 'asn1js';
import { type KeyUsageName, issueCertificate } from '../../../src/crypto/certificate-builder.ts';
import { parseCertificate } from '../../../src/crypto/certificate-reader.ts';
import { encodeName } from '../../../src/crypto/distinguished-name.ts';
import { OID } from '../../../src/crypto/oids.ts';
import { bitStringBytes } from '../../../src/crypto/asn1.ts';
import { signDer } from '../../../src/crypto/sign-der.ts';
import { verifySignature } from '../../../src/crypto/signature.ts';
import { bytesEqual } from '../../../src/lib/bytes.ts';
import { DAY, HOUR, later } from './clock.ts';
import { type CrlEntryInput, buildCrl } from './crl-builder.ts';
import { type SandboxRandom, certificateSerial } from './random.ts';

/** The issuer CN that `ksefEnvironment` (src/crypto/ksef-profile.ts) recognises as the sandbox. */
export const SANDBOX_CA_COMMON_NAME = 'SANDBOX CCK KSeF';

/** What the CA puts into a KSeF certificate (docs/ksef-contract.md §7). */
export interface LeafTemplate {
  readonly serialNumber: Uint8Array;
  /** DER Name of the subject. */
  readonly subject: Uint8Array;
  readonly subjectPublicKeyInfo: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyUsage: readonly KeyUsageName[];
  readonly crlDistributionPoints: readonly string[];
}

/** The sandbox's certification authority: an EC P-256 key that lives as long as the process. */
export interface SandboxCa {
  /** The self-signed CA certificate, DER. */
  readonly certificate: Uint8Array;
  /** DER Name `C=PL, O=ksef-cert, CN=SANDBOX CCK KSeF`. */
  readonly name: Uint8Array;
  issue(template: LeafTemplate): Promise<Uint8Array>;
  /** True when `certificate` (DER) names this CA as issuer and carries a valid signature of its key. */
  issued(certificate: Uint8Array): Promise<boolean>;
  /** A CRL of this CA (DER) listing `entries`, valid from `thisUpdate` to `nextUpdate`. */
  crl(entries: readonly CrlEntryInput[], thisUpdate: Date, nextUpdate: Date): Promise<Uint8Array>;
}

/**
 * Creates the CA: a fresh non-extractable EC P-256 key and a self-signed CA certificate
 * (basicConstraints cA, keyUsage keyCertSign + cRLSign) valid from an hour before `now` for ten years.
 * Certificates it issues are signed ecdsa-with-SHA256 with absent parameters (KSeF's CA writes a NULL
 * there, docs/ksef-contract.md §7; `issueCertificate` follows RFC 5758).
 */
export async function createSandboxCa(
  now: Date,
  random: SandboxRandom,
  crypto: Crypto = globalThis.crypto,
): Promise<SandboxCa> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const name = caName();
  const certificate = await issueCertificate(
    {
      serialNumber: certificateSerial(random),
      issuer: name,
      subject: name,
      notBefore: later(now, -HOUR),
      notAfter: later(now, 3652 * DAY),
      subjectPublicKeyInfo: spki,
      keyUsage: ['keyCertSign', 'cRLSign'],
      certificateAuthority: true,
    },
    keys.privateKey,
    crypto,
  );
  return {
    certificate,
    name,
    issue: (template) =>
      issueCertificate(
        { ...template, issuer: name, issuerPublicKeyInfo: spki, certificateAuthority: false },
        keys.privateKey,
        crypto,
      ),
    issued: async (der) => {
      const { certificate: parsed } = parseCertificate(der);
      if (!bytesEqual(encodeName(parsed.issuer), name)) return false;
      const signature = bitStringBytes(parsed.signatureValue);
      if (signature === null) return false;
      return (await verifySignature(spki, parsed.signatureAlgorithm, parsed.tbsView, signature, crypto)) === 'valid';
    },
    crl: (entries, thisUpdate, nextUpdate) => {
      // Issued per request from the current state, so its number only has to grow: the time in ms does.
      const crlNumber = BigInt(Math.max(thisUpdate.getTime(), 0));
      return buildCrl({ issuer: name, thisUpdate, nextUpdate, crlNumber, entries }, signDer(keys.privateKey, crypto));
    },
  };
}

/** `C=PL, O=ksef-cert, CN=SANDBOX CCK KSeF` in that encoding order; C as PrintableString, the rest UTF8String. */
function caName(): Uint8Array {
  const rdn = (type: string, value: asn1js.PrintableString | asn1js.Utf8String): asn1js.Set =>
    new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), value] })] });
  const name = new asn1js.Sequence({
    value: [
      rdn(OID.countryName, new asn1js.PrintableString({ value: 'PL' })),
      rdn(OID.organizationName, new asn1js.Utf8String({ value: 'ksef-cert' })),
      rdn(OID.commonName, new asn1js.Utf8String({ value: SANDBOX_CA_COMMON_NAME })),
    ],
  });
  return new Uint8Array(name.toBER());
}
