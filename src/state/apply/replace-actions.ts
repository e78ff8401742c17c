/**
 * The end of a replacement: once the new certificate is issued and pairs with its key, and the user
 * says it works, the old one is revoked with reason `Superseded`, with the wizard's session (the
 * same subject). Never repeated by itself.
 */
import type { Problem } from '../../problem/problem';
import { currentReplacement, endReplacement } from '../replacement';
import { ApplyError, returnFailure } from './errors';
import { ksefClient } from './ksef-client';
import { useApplyStore } from './store';
import { vault } from './vault';

/** Revokes the certificate being replaced. @returns the problem, or `null` once revoked. */
export async function revokeReplaced(): Promise<Problem | null> {
  const replacement = currentReplacement();
  const { environment, result } = useApplyStore.getState();
  try {
    const session = vault.session;
    if (replacement === null || environment !== replacement.environment || result.status !== 'ready')
      throw new ApplyError('wrong-step', 'Nothing to replace here');
    if (!result.pair.match) throw new ApplyError('pair-mismatch', 'The new certificate does not pair with its key');
    if (session === null) throw new ApplyError('session-expired', 'Sign in again');
    const client = await ksefClient(environment);
    await client.revokeCertificate(session.tokens, replacement.serialNumber, { revocationReason: 'Superseded' });
    endReplacement();
    return null;
  } catch (error) {
    return returnFailure(error);
  }
}
