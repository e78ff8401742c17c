import * as asn1js from 'asn1js';
import { encodeTime, extension } from '../../../src/crypto/certificate-builder.ts';
import { derSequence, derUnsignedInteger, tlv } from '../../../src/crypto/der-writer.ts';
import type { DerSigner } from '../../../src/crypto/sign-der.ts';

/** cRLNumber (RFC 5280 §5.2.3) and the reasonCode entry extension (§5.3.1). */
const CRL_NUMBER = '2.5.29.20';
const REASON_CODE = '2.5.29.21';

/** The reasons the sandbox records, as CRLReason values; `Unspecified` is left out, as RFC 5280 §5.3.1 asks. */
const REASON_CODES = { Unspecified: null, KeyCompromise: 1, Superseded: 4 } as const;

export interface CrlEntryInput {
  /** Big-endian serial as in the certificate (8 bytes for KSeF). */
  readonly serialNumber: Uint8Array;
  readonly revocationDate: Date;
  readonly reason: keyof typeof REASON_CODES;
}

export interface CrlInput {
  /** DER Name of the CA. */
  readonly issuer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  /** Increases with every CRL the CA issues. */
  readonly crlNumber: bigint;
  readonly entries: readonly CrlEntryInput[];
}

/**
 * A v2 CertificateList (RFC 5280 §5.1), DER, signed by `signer`: thisUpdate, nextUpdate, one entry per
 * revoked certificate with its reasonCode, and a cRLNumber. An empty list leaves revokedCertificates out
 * (§5.1.2.6: absent, not empty).
 */
export async function buildCrl(input: CrlInput, signer: DerSigner): Promise<Uint8Array<ArrayBuffer>> {
  const entries = input.entries.map((entry) => {
    const code = REASON_CODES[entry.reason];
    const reason =
      code === null
        ? []
        : [derSequence(extension(REASON_CODE, false, new Uint8Array(new asn1js.Enumerated({ value: code }).toBER())))];
    return derSequence(derUnsignedInteger(entry.serialNumber), encodeTime(entry.revocationDate), ...reason);
  });
  const crlNumber = derUnsignedInteger(bigEndian(input.crlNumber));
  const tbsCertList = derSequence(
    derUnsignedInteger(Uint8Array.of(1)),
    signer.algorithmIdentifier,
    input.issuer,
    encodeTime(input.thisUpdate),
    encodeTime(input.nextUpdate),
    ...(entries.length === 0 ? [] : [derSequence(...entries)]),
    tlv(0xa0, derSequence(extension(CRL_NUMBER, false, crlNumber))),
  );
  return derSequence(tbsCertList, signer.algorithmIdentifier, await signer.sign(tbsCertList));
}

function bigEndian(value: bigint): Uint8Array {
  const hex = value.toString(16);
  const padded = hex.length % 2 === 0 ? hex : `0${hex}`;
  return Uint8Array.from(padded.match(/../g) ?? ['00'], (pair) => parseInt(pair, 16));
}
