/**
 * The sign-in test of a certificate of the list, once it was paired with its `.key`: the key the
 * pairing opened (in the vault), in the screen's environment, through the screen's KSeF client.
 */
import type { KsefEnvironment } from '../../ksef/environments';
import type { SignInStep } from '../../sign-in/sign-in';
import { type AuthTestAnswer, runAuthTest } from '../auth-test';
import { ksefClient } from './ksef-client';
import { seams } from './seams';
import { vault } from './vault';

/** Runs the test with the paired certificate `serialNumber`; 'wrong-step' when its key is no longer here. */
export async function testPairedSignIn(
  serialNumber: string,
  request: {
    readonly environment: KsefEnvironment;
    readonly contextNip: string;
    readonly onProgress: (step: SignInStep) => void;
  },
): Promise<AuthTestAnswer> {
  const paired = vault.paired;
  if (paired === null || paired.serialNumber !== serialNumber) {
    return { outcome: 'failed', problem: { source: 'certificates', code: 'wrong-step' } };
  }
  return runAuthTest({ ...request, key: paired.key, certificate: paired.certificate }, ksefClient, () => seams().now());
}
