import { type KeyAlgorithm, DEFAULT_KEY_ALGORITHM } from './algorithms';
import { issueCertificate } from './certificate-builder';
import { buildSubject, encodeName } from './distinguished-name';
import type { CertificateEnrollmentData } from './enrollment-data';
import { CryptoError } from './errors';
import { exportSpki, generateKeyPair } from './keys';
import { isValidNip, isValidPesel } from './polish-identifiers';

/** Who a KSeF TEST identity stands for: a natural person (NIP or PESEL) or an organisation's seal. */
export type TestIdentityInput =
  | {
      readonly kind: 'person';
      readonly givenName: string;
      readonly surname: string;
      /** Exactly one of `nip` and `pesel`. */
      readonly nip?: string;
      readonly pesel?: string;
      /** Defaults to `givenName surname`. */
      readonly commonName?: string;
    }
  | {
      readonly kind: 'seal';
      readonly organizationName: string;
      readonly nip: string;
      /** Defaults to `organizationName`. */
      readonly commonName?: string;
    };

/** A fresh key pair (private key extractable, for saving once) and its self-signed certificate (DER). */
export interface TestIdentity {
  readonly keyPair: CryptoKeyPair;
  readonly certificate: Uint8Array;
}

const HOUR_MS = 3_600_000;
const SERIAL_BYTES = 8;

/**
 * Makes a self-signed identity for signing in to KSeF TEST, which accepts self-signed certificates
 * (docs/ksef-contract.md §4.12), as the official SDKs do in their tests:
 * - person: givenName, surname, serialNumber `TINPL-<NIP>` or `PNOPL-<PESEL>`, CN, C=PL;
 * - seal: organizationName, organizationIdentifier `VATPL-<NIP>`, CN, C=PL, and no givenName or
 *   surname (KSeF rejects a seal with person attributes, docs/ksef-contract.md §13 #10).
 * The subject is written by `buildSubject` (UTF8String, PrintableString for C and serialNumber); the
 * certificate has a random positive 8-byte serial, notBefore one hour before `now`, notAfter two years
 * after `now`, and keyUsage digitalSignature + nonRepudiation (critical).
 *
 * To keep the identity, save `writeEncryptedKeyFile(keyPair.privateKey, ...)` and the certificate PEM;
 * the private key lives in memory only until then.
 *
 * @throws CryptoError `invalid-nip` / `invalid-pesel` for a failed checksum or shape; `invalid-argument`
 *   for an empty name, or a person with both or neither of NIP and PESEL.
 */
export async function createTestIdentity(
  input: TestIdentityInput,
  options: { readonly algorithm?: KeyAlgorithm; readonly now?: () => Date } = {},
  crypto: Crypto = globalThis.crypto,
): Promise<TestIdentity> {
  const subject = encodeName(buildSubject(subjectData(input)));
  const now = (options.now ?? (() => new Date()))();
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 2);
  const keyPair = await generateKeyPair(options.algorithm ?? DEFAULT_KEY_ALGORITHM, crypto);
  const certificate = await issueCertificate(
    {
      serialNumber: randomSerial(crypto),
      issuer: subject,
      subject,
      notBefore: new Date(now.getTime() - HOUR_MS),
      notAfter,
      subjectPublicKeyInfo: await exportSpki(keyPair.publicKey, crypto),
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    },
    keyPair.privateKey,
    crypto,
  );
  return { keyPair, certificate };
}

/** The subject attributes for `input`, after checking names and identifiers. */
function subjectData(input: TestIdentityInput): CertificateEnrollmentData {
  if (input.kind === 'seal') {
    const organizationName = required(input.organizationName, 'organizationName');
    if (!isValidNip(input.nip)) throw new CryptoError('invalid-nip', 'The NIP has the wrong format or check digit');
    return {
      commonName: required(input.commonName ?? organizationName, 'commonName'),
      organizationName,
      organizationIdentifier: `VATPL-${input.nip}`,
      countryName: 'PL',
    };
  }
  const givenName = required(input.givenName, 'givenName');
  const surname = required(input.surname, 'surname');
  if ((input.nip === undefined) === (input.pesel === undefined)) {
    throw new CryptoError('invalid-argument', 'A person identity needs exactly one of NIP and PESEL');
  }
  let serialNumber: string;
  if (input.nip !== undefined) {
    if (!isValidNip(input.nip)) throw new CryptoError('invalid-nip', 'The NIP has the wrong format or check digit');
    serialNumber = `TINPL-${input.nip}`;
  } else {
    const pesel = input.pesel ?? '';
    if (!isValidPesel(pesel))
      throw new CryptoError('invalid-pesel', 'The PESEL has the wrong format, check digit or date');
    serialNumber = `PNOPL-${pesel}`;
  }
  return {
    commonName: required(input.commonName ?? `${givenName} ${surname}`, 'commonName'),
    givenName,
    surname,
    serialNumber,
    countryName: 'PL',
  };
}

function required(value: string, what: string): string {
  if (value.trim() === '') throw new CryptoError('invalid-argument', `${what} is empty`);
  return value;
}

/** A random positive serial of exactly 8 bytes (top bit clear, first byte non-zero): 16 hex digits. */
function randomSerial(crypto: Crypto): Uint8Array {
  const serial = crypto.getRandomValues(new Uint8Array(SERIAL_BYTES));
  serial[0] = (serial[0] ?? 0) & 0x7f || 0x01;
  return serial;
}
