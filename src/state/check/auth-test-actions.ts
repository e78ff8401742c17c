/**
 * The checker's sign-in test: a KSeF certificate of a matching pair, with the key opened from its file
 * (the vault), in the environment its issuer names, through a KSeF client on this page's relay.
 */
import type { CertificateSummary } from '../../crypto/certificate-summary';
import { classifyCertificate } from '../../crypto/ksef-profile';
import type { KsefEnvironment } from '../../ksef/environments';
import type { SignInStep } from '../../sign-in/sign-in';
import { type AuthTestAnswer, runAuthTest } from '../auth-test';
import { useCheckStore } from './store';
import { keyOf } from './vault';

/** Whether the test is offered for `certificate`, and how. */
export type AuthTestPlan =
  /** Not a KSeF certificate: no test (the wizard signs in with those). */
  | { readonly kind: 'none' }
  /** A KSeF Offline certificate never signs in. */
  | { readonly kind: 'offline' }
  /** A KSeF Authentication certificate: where it may sign in, and the NIP it carries (or ''). */
  | {
      readonly kind: 'authentication';
      readonly environments: readonly [KsefEnvironment, ...KsefEnvironment[]];
      readonly contextNip: string;
    };

/** TINPL-/VATPL- identifiers carry a NIP; PNOPL- (PESEL) and the rest do not. */
const NIP_IDENTIFIER = /^(?:TINPL|VATPL)-(\d{10})$/;

/** The test the checker offers for `certificate` (`classifyCertificate`'s purpose and environment). */
export function authTestPlan(certificate: CertificateSummary): AuthTestPlan {
  const kind = classifyCertificate(certificate);
  if (kind.kind !== 'ksef') return { kind: 'none' };
  if (kind.purpose === 'Offline') return { kind: 'offline' };
  const environments: readonly [KsefEnvironment, ...KsefEnvironment[]] =
    kind.environment === 'test-or-demo'
      ? ['test', 'demo']
      : kind.environment === 'unknown'
        ? ['test', 'demo', 'prod']
        : [kind.environment];
  const nip = certificate.subject
    .filter((a) => a.shortName === 'serialNumber' || a.shortName === 'organizationIdentifier')
    .map((a) => NIP_IDENTIFIER.exec(a.value)?.[1])
    .find((value) => value !== undefined);
  return { kind: 'authentication', environments, contextNip: nip ?? '' };
}

/** Runs the test with `certificate` and the key that pairs with it; 'wrong-step' when the pair is gone. */
export async function testPairSignIn(
  certificate: CertificateSummary,
  request: {
    readonly environment: KsefEnvironment;
    readonly contextNip: string;
    readonly onProgress: (step: SignInStep) => void;
  },
): Promise<AuthTestAnswer> {
  const { run } = useCheckStore.getState();
  if (run.status !== 'done') return { outcome: 'failed', problem: { source: 'unexpected' } };
  return runAuthTest({ ...request, key: keyOf(run.keyFileId), certificate: certificate.der });
}
