/**
 * The result step's sign-in test: the certificate just issued, with the key in the wizard's vault,
 * in the wizard's environment and context NIP, through the wizard's KSeF client (its seams).
 */
import type { AuthTestAnswer } from '../auth-test';
import { runAuthTest } from '../auth-test';
import type { SignInStep } from '../../sign-in/sign-in';
import type { KsefEnvironment } from '../../ksef/environments';
import { ksefClient } from './ksef-client';
import { seams } from './seams';
import { useApplyStore } from './store';
import { vault } from './vault';

/** Runs the test with the certificate of the result step; 'wrong-step' when there is none or no key. */
export async function testResultSignIn(request: {
  readonly environment: KsefEnvironment;
  readonly contextNip: string;
  readonly onProgress: (step: SignInStep) => void;
}): Promise<AuthTestAnswer> {
  const { result } = useApplyStore.getState();
  const key = vault.key;
  if (result.status !== 'ready' || !result.pair.match || key === null) {
    return { outcome: 'failed', problem: { source: 'apply', code: 'wrong-step' } };
  }
  return runAuthTest({ ...request, key, certificate: result.certificate.der }, ksefClient, seams().now);
}
