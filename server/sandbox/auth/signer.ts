import type { NameAttribute } from '../../../src/crypto/certificate-summary.ts';
import { readCertificate } from '../../../src/crypto/certificate-reader.ts';
import type { CertificateEnrollmentData } from '../../../src/crypto/enrollment-data.ts';
import { isCryptoError } from '../../../src/crypto/errors.ts';
import { stripKsefSuffix } from '../../../src/crypto/ksef-profile.ts';
import { OID } from '../../../src/crypto/oids.ts';
import type { SubjectIdentifierType } from './request-xml.ts';
import type { SandboxCa } from '../core/ca.ts';
import { badRequest } from '../core/errors.ts';
import type { AuthenticationMethod, AuthenticationMethodInfo, Identity, SubjectIdentifier } from '../core/state.ts';

/** Where the signer's certificate comes from, as far as the sandbox can tell. */
export type SignerOrigin = 'self-signed' | 'sandbox-ca' | 'other';

/** The signer of an accepted `AuthTokenRequest`. */
export interface Signer {
  readonly identity: Identity;
  readonly origin: SignerOrigin;
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly method: AuthenticationMethod;
  readonly methodInfo: AuthenticationMethodInfo;
}

const PERSON_IDENTIFIER = /(PNOPL|PESEL).*?(\d{11})|(TINPL|NIP).*?(\d{10})/;
const SEAL_IDENTIFIER = /VATPL.*?(\d{10})/;

/**
 * Reads who signed: the certificate's kind, subject identifier, enrollment data and authentication
 * method. The attribute rules are KSeF's (docs/ksef-contract.md §4.4, §13 #10):
 * - a certificate with organizationIdentifier is a seal: it needs organizationName, commonName and
 *   countryName, and must not carry givenName or surname;
 * - otherwise it is a person: givenName, surname, serialNumber, commonName, countryName, and no
 *   organizationName.
 * With `certificateSubject` the identifier is read from serialNumber (`PNOPL`/`PESEL` + 11 digits →
 * Pesel, `TINPL`/`NIP` + 10 digits → Nip) or, for seals, organizationIdentifier (`VATPL` + 10 digits →
 * Nip); with `certificateFingerprint` it is the certificate's SHA-256 (uppercase hex).
 *
 * Self-signed certificates are accepted, as on TEST; certificates of the sandbox CA sign in as
 * `InternalCertificate`. Whether a certificate is valid, revoked or trusted is decided later, as the
 * final status of the operation (KSeF checks certificate status asynchronously, status 460).
 *
 * @throws SandboxError 400 21115 for a certificate that does not parse or breaks the rules above.
 */
export async function inspectSigner(
  der: Uint8Array,
  subjectIdentifierType: SubjectIdentifierType,
  ca: SandboxCa,
  now: Date,
  crypto: Crypto,
): Promise<Signer> {
  let summary;
  try {
    summary = await readCertificate(der, now, crypto);
  } catch (cause) {
    if (isCryptoError(cause)) throw badRequest(21115, 'Certyfikat podpisującego jest nieczytelny.');
    throw cause;
  }
  const origin: SignerOrigin = summary.selfSigned ? 'self-signed' : (await ca.issued(der)) ? 'sandbox-ca' : 'other';
  const values = (oid: string): string[] => summary.subject.filter((a) => a.type === oid).map((a) => a.value);
  const kind = values(OID.organizationIdentifier).length > 0 ? 'seal' : 'person';
  checkAttributes(kind, summary.subject);
  const identifier: SubjectIdentifier =
    subjectIdentifierType === 'certificateFingerprint'
      ? { type: 'Fingerprint', value: summary.sha256Fingerprint }
      : subjectIdentifierOf(kind, summary.subject);
  const enrollmentData = enrollmentDataOf(kind, summary.subject, origin === 'sandbox-ca');
  return {
    identity: { kind, identifier, enrollmentData },
    origin,
    serialHex: summary.serialHex,
    notBefore: summary.notBefore,
    notAfter: summary.notAfter,
    ...authenticationMethodOf(kind, origin),
  };
}

function checkAttributes(kind: 'person' | 'seal', subject: readonly NameAttribute[]): void {
  const count = (oid: string): number => subject.filter((a) => a.type === oid).length;
  const required = kind === 'seal' ? SEAL_REQUIRED : PERSON_REQUIRED;
  const forbidden = kind === 'seal' ? [OID.givenName, OID.surname] : [OID.organizationName];
  const missing = required.filter(([oid]) => count(oid) === 0).map(([, name]) => name);
  if (missing.length > 0) throw badRequest(21115, `Certyfikat nie zawiera atrybutów: ${missing.join(', ')}.`);
  if (forbidden.some((oid) => count(oid) > 0)) {
    throw badRequest(
      21115,
      kind === 'seal'
        ? 'Certyfikat pieczęci nie może zawierać atrybutów givenName ani surname.'
        : 'Certyfikat osoby nie może zawierać atrybutu organizationName.',
    );
  }
  // Several given names are one attribute each; every other attribute KSeF reads must be single.
  const repeated = required.filter(([oid]) => oid !== OID.givenName && count(oid) > 1).map(([, name]) => name);
  if (repeated.length > 0) throw badRequest(21115, `Atrybuty występują wielokrotnie: ${repeated.join(', ')}.`);
}

const PERSON_REQUIRED: readonly (readonly [string, string])[] = [
  [OID.givenName, 'givenName'],
  [OID.surname, 'surname'],
  [OID.serialNumber, 'serialNumber'],
  [OID.commonName, 'commonName'],
  [OID.countryName, 'countryName'],
];
const SEAL_REQUIRED: readonly (readonly [string, string])[] = [
  [OID.organizationName, 'organizationName'],
  [OID.organizationIdentifier, 'organizationIdentifier'],
  [OID.commonName, 'commonName'],
  [OID.countryName, 'countryName'],
];

function first(subject: readonly NameAttribute[], oid: string): string {
  return subject.find((a) => a.type === oid)?.value ?? '';
}

function subjectIdentifierOf(kind: 'person' | 'seal', subject: readonly NameAttribute[]): SubjectIdentifier {
  if (kind === 'seal') {
    const match = SEAL_IDENTIFIER.exec(first(subject, OID.organizationIdentifier));
    if (match?.[1] === undefined) throw badRequest(21115, 'organizationIdentifier nie zawiera numeru NIP (VATPL).');
    return { type: 'Nip', value: match[1] };
  }
  const match = PERSON_IDENTIFIER.exec(first(subject, OID.serialNumber));
  if (match?.[2] !== undefined) return { type: 'Pesel', value: match[2] };
  if (match?.[4] !== undefined) return { type: 'Nip', value: match[4] };
  throw badRequest(21115, 'serialNumber nie zawiera numeru PESEL (PNOPL) ani NIP (TINPL).');
}

/**
 * `CertificateEnrollmentDataResponse` for the signer (docs/ksef-contract.md §5.2): persons commonName, countryName,
 * givenName (several joined with a space), surname, serialNumber; seals commonName, countryName,
 * organizationName, organizationIdentifier. Values verbatim (Polish letters included), except that a
 * self-signed `NIP-<digits>` / `PESEL-<digits>` serialNumber comes back as `TINPL-` / `PNOPL-` as KSeF
 * normalises it (ksef-api#187), and the CN of a sandbox certificate loses the suffix the CA appended,
 * so a renewal asks for the same subject. uniqueIdentifier is never returned.
 */
export function enrollmentDataOf(
  kind: 'person' | 'seal',
  subject: readonly NameAttribute[],
  issuedBySandbox: boolean,
): CertificateEnrollmentData {
  const commonName = first(subject, OID.commonName);
  const base = {
    commonName: issuedBySandbox ? stripKsefSuffix(commonName) : commonName,
    countryName: first(subject, OID.countryName),
  };
  if (kind === 'seal') {
    return {
      ...base,
      organizationName: first(subject, OID.organizationName),
      organizationIdentifier: first(subject, OID.organizationIdentifier),
    };
  }
  return {
    ...base,
    givenName: subject
      .filter((a) => a.type === OID.givenName)
      .map((a) => a.value)
      .join(' '),
    surname: first(subject, OID.surname),
    serialNumber: normaliseSerialNumber(first(subject, OID.serialNumber)),
  };
}

/** `NIP-5265877635` → `TINPL-5265877635`, `PESEL-…` → `PNOPL-…`; anything else unchanged. */
export function normaliseSerialNumber(serialNumber: string): string {
  const nip = /^NIP-(\d{10})$/.exec(serialNumber);
  if (nip !== null) return `TINPL-${nip[1] ?? ''}`;
  const pesel = /^PESEL-(\d{11})$/.exec(serialNumber);
  if (pesel !== null) return `PNOPL-${pesel[1] ?? ''}`;
  return serialNumber;
}

/**
 * The method KSeF reports. Sandbox certificates are `InternalCertificate` ("Certyfikat KSeF"). TEST
 * treats self-signed certificates like qualified ones, so a person reports `QualifiedSignature` and a
 * seal `QualifiedSeal` (the seal value is what TEST put in the token of ksef-api#125; the
 * `authenticationMethodInfo.code` strings other than `xades.qualified-seal` are our guess).
 */
function authenticationMethodOf(kind: 'person' | 'seal', origin: SignerOrigin): Pick<Signer, 'method' | 'methodInfo'> {
  if (origin === 'sandbox-ca') {
    return {
      method: 'InternalCertificate',
      methodInfo: { category: 'XadesSignature', code: 'xades.internal-certificate', displayName: 'Certyfikat KSeF' },
    };
  }
  return kind === 'seal'
    ? {
        method: 'QualifiedSeal',
        methodInfo: { category: 'XadesSignature', code: 'xades.qualified-seal', displayName: 'Pieczęć kwalifikowana' },
      }
    : {
        method: 'QualifiedSignature',
        methodInfo: {
          category: 'XadesSignature',
          code: 'xades.qualified-signature',
          displayName: 'Podpis kwalifikowany',
        },
      };
}
