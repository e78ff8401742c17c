/**
 * "Does this certificate sign in?": signs in to KSeF with an Authentication certificate and its key,
 * reads who KSeF says signed in, and ends that session at once (DELETE /auth/sessions/current). The
 * wizard's result, the checker's pair and the like use it to prove a new certificate works before a
 * system is configured with it. Nothing is kept: the session's tokens live in this call only.
 */
import { readCertificate } from '../crypto/certificate-reader';
import { classifyCertificate } from '../crypto/ksef-profile';
import type { LoadedPrivateKey } from '../crypto/key-type';
import type { AuthOperations } from '../ksef/auth-operations';
import type { CertificateOperations } from '../ksef/certificate-operations';
import { type SignOutResult, signOut } from '../ksef/sign-in';
import type { KsefEnvironment } from '../ksef/environments';
import { type SignInClient, type SignInOptions, signInWithKsefCertificate } from './sign-in';

/** The KSeF calls the test makes. */
export type AuthTestClient = SignInClient &
  Pick<AuthOperations, 'endCurrentSession'> &
  Pick<CertificateOperations, 'getEnrollmentData'>;

export interface AuthTestInput {
  readonly key: LoadedPrivateKey;
  /** DER. */
  readonly certificate: Uint8Array;
  /** The context NIP to sign in for (digits only). */
  readonly contextNip: string;
  readonly environment: KsefEnvironment;
}

/** Who KSeF says signed in: the subject of GET /certificates/enrollments/data. */
export interface AuthTestSubject {
  readonly commonName: string;
  /** `TINPL-…`, `PNOPL-…` (serialNumber) or `VATPL-…` (organizationIdentifier), when KSeF gives one. */
  readonly identifier: string | null;
}

export type AuthTestResult =
  /** KSeF accepted the sign-in; `signedOut` says how the session ended. */
  | {
      readonly outcome: 'signed-in';
      readonly subject: AuthTestSubject;
      readonly contextNip: string;
      readonly referenceNumber: string;
      readonly signedOut: SignOutResult;
    }
  /** Refused before any request: the certificate's validity starts at `validFrom` (this computer's clock). */
  | { readonly outcome: 'not-yet-valid'; readonly validFrom: Date }
  /** Refused before any request: an Offline certificate never signs in (its use is KOD II). */
  | { readonly outcome: 'offline-certificate' };

/**
 * Signs in with `input` (`signInWithKsefCertificate`: XAdES made in the browser), asks KSeF who signed
 * in, and signs out whatever happened after the sign-in. A not-yet-valid certificate (by `now`) and a
 * KSeF Offline certificate are answered before any request.
 *
 * @throws SignInError, CryptoError, KsefError as `signInWithKsefCertificate` does ('certificate-expired',
 *   'key-certificate-mismatch', KSeF's refusals, ...); KsefError from the enrollment data or the sign-out.
 *   When the sign-in succeeded but reading the subject failed, the session is ended before the error is thrown.
 */
export async function testCertificateSignIn(
  client: AuthTestClient,
  input: AuthTestInput,
  options: Omit<SignInOptions, 'environment' | 'subjectIdentifierType'> = {},
): Promise<AuthTestResult> {
  const now = options.now ?? (() => new Date());
  const summary = await readCertificate(input.certificate, now(), options.crypto ?? globalThis.crypto);
  const kind = classifyCertificate(summary);
  if (kind.kind === 'ksef' && kind.purpose === 'Offline') return { outcome: 'offline-certificate' };
  if (summary.validity === 'not-yet-valid') return { outcome: 'not-yet-valid', validFrom: summary.notBefore };
  const session = await signInWithKsefCertificate(
    client,
    { key: input.key, certificate: input.certificate, context: { type: 'Nip', value: input.contextNip } },
    { ...options, environment: input.environment },
  );
  let subject: AuthTestSubject;
  try {
    const data = await client.getEnrollmentData(session.tokens, { signal: options.signal });
    subject = {
      commonName: data.commonName,
      identifier: data.serialNumber ?? data.organizationIdentifier ?? null,
    };
  } catch (error) {
    await signOut(client, session).catch(() => undefined);
    throw error;
  }
  const signedOut = await signOut(client, session, { signal: options.signal });
  return {
    outcome: 'signed-in',
    subject,
    contextNip: input.contextNip,
    referenceNumber: session.referenceNumber,
    signedOut,
  };
}
