import { CryptoError } from './errors';
import { isValidNip } from './polish-identifiers';

/** The namespace we build requests in (`schemat_auth_v2-1.xsd`, accepted since KSeF 2.5.0). */
export const AUTH_TOKEN_NAMESPACE_2_1 = 'http://ksef.mf.gov.pl/auth/token/2.1';
/** The older namespace (`schemat_auth_v2-0.xsd`), still accepted; signing software may keep it. */
export const AUTH_TOKEN_NAMESPACE_2_0 = 'http://ksef.mf.gov.pl/auth/token/2.0';

/** `AuthenticationChallengeResponse.challenge` (docs/ksef-contract.md §3.4): 36 characters, upper-case hex parts. */
export const CHALLENGE_PATTERN = /^\d{8}-CR-[A-F0-9]{10}-[A-F0-9]{10}-[A-F0-9]{2}$/;

/** The `ContextIdentifier` choice we sign in for (`TContextIdentifier`; PeppolId is out of scope). */
export interface AuthContextIdentifier {
  readonly type: 'Nip' | 'InternalId' | 'NipVatUe';
  readonly value: string;
}

/** How KSeF identifies the signer: from the certificate subject, or by the certificate's SHA-256. */
export type SubjectIdentifierType = 'certificateSubject' | 'certificateFingerprint';

/** The input of `buildAuthTokenRequest`. */
export interface AuthTokenRequestInput {
  readonly challenge: string;
  readonly context: AuthContextIdentifier;
  readonly subjectIdentifierType?: SubjectIdentifierType;
}

/** `TNipVatUE` after the NIP and the dash: the EU VAT number alternatives of the XSD (VIES FAQ Q11). */
const EU_VAT_NUMBER =
  /^(?:ATU\d{8}|BE[01]\d{9}|BG\d{9,10}|CY\d{8}[A-Z]|CZ\d{8,10}|DE\d{9}|DK\d{8}|EE\d{9}|EL\d{9}|ES(?:[A-Z]\d{8}|\d{8}[A-Z]|[A-Z]\d{7}[A-Z])|FI\d{8}|FR[A-Z0-9]{2}\d{9}|HR\d{11}|HU\d{8}|IE(?:\d{7}[A-Z]{2}|\d[A-Z0-9+*]\d{5}[A-Z])|IT\d{11}|LT(?:\d{9}|\d{12})|LU\d{8}|LV\d{11}|MT\d{8}|NL[A-Z0-9+*]{12}|PT\d{9}|RO\d{2,10}|SE\d{12}|SI\d{8}|SK\d{10}|XI(?:\d{9}|\d{12}|(?:GD|HA)\d{3}))$/;

/**
 * Builds the unsigned `AuthTokenRequest` (docs/ksef-contract.md §4.3) in the 2.1 namespace: an XML declaration
 * (UTF-8), the root with that namespace as its default namespace, then `Challenge`,
 * `ContextIdentifier` and `SubjectIdentifierType` in schema order, indented by two spaces. Every value
 * is checked against the XSD type and, for NIPs, the checksum, so the text needs no escaping: the
 * accepted alphabets hold no XML markup characters.
 *
 * The result is what the user downloads to sign with their own software, and what
 * `signAuthTokenRequest` signs in the browser. Encode it as UTF-8 (KSeF error 21217 otherwise).
 *
 * @throws CryptoError `invalid-argument` for a challenge of the wrong format, an unknown context or
 *   subject identifier type, an InternalId or NipVatUe of the wrong shape, or a NIP (alone or as the
 *   first part of InternalId and NipVatUe) that fails the XSD pattern or the checksum; the message
 *   says which. Forms validate earlier with `nipSchema`.
 */
export function buildAuthTokenRequest(input: AuthTokenRequestInput): string {
  const { challenge, context } = input;
  const subjectIdentifierType = input.subjectIdentifierType ?? 'certificateSubject';
  if (!CHALLENGE_PATTERN.test(challenge)) {
    throw new CryptoError('invalid-argument', 'The challenge does not have the KSeF format');
  }
  if (subjectIdentifierType !== 'certificateSubject' && subjectIdentifierType !== 'certificateFingerprint') {
    throw new CryptoError('invalid-argument', 'Unknown SubjectIdentifierType');
  }
  checkContext(context);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<AuthTokenRequest xmlns="${AUTH_TOKEN_NAMESPACE_2_1}">`,
    `  <Challenge>${challenge}</Challenge>`,
    '  <ContextIdentifier>',
    `    <${context.type}>${context.value}</${context.type}>`,
    '  </ContextIdentifier>',
    `  <SubjectIdentifierType>${subjectIdentifierType}</SubjectIdentifierType>`,
    '</AuthTokenRequest>',
    '',
  ].join('\n');
}

function checkContext(context: AuthContextIdentifier): void {
  const { type, value } = context;
  switch (type) {
    case 'Nip':
      return checkNip(value);
    case 'InternalId': {
      const match = /^(\d{10})-\d{5}$/.exec(value);
      if (match === null) throw new CryptoError('invalid-argument', 'An InternalId is a NIP, a dash and five digits');
      return checkNip(match[1] ?? '');
    }
    case 'NipVatUe': {
      const match = /^(\d{10})-(.+)$/.exec(value);
      if (match === null || !EU_VAT_NUMBER.test(match[2] ?? '')) {
        throw new CryptoError(
          'invalid-argument',
          'A NipVatUe is a NIP, a dash and an EU VAT number with its country prefix',
        );
      }
      return checkNip(match[1] ?? '');
    }
    default:
      throw new CryptoError('invalid-argument', `Unknown context identifier type ${String(type)}`);
  }
}

function checkNip(nip: string): void {
  if (!isValidNip(nip)) throw new CryptoError('invalid-argument', 'The NIP has the wrong format or check digit');
}
