/**
 * Revoking one certificate (POST /certificates/{serial}/revoke, docs/ksef-contract.md §5.7): final,
 * never repeated by itself. The list is read again afterwards, so the row shows KSeF's new status,
 * also after KSeF refused (25008 unknown, 25009 already revoked or blocked: the row was out of date).
 */
import type { CertificateRevocationReason } from '../../ksef/certificate-schemas';
import { CertificatesError, settleFailure } from './errors';
import { ksefClient } from './ksef-client';
import { loadList } from './list-actions';
import { useCertificatesStore } from './store';
import { vault } from './vault';

const set = useCertificatesStore.setState;
const get = useCertificatesStore.getState;

/** Revokes `serialNumber` (named `name` in the messages) for `reason`, then reloads the page shown. */
export async function revokeCertificate(
  serialNumber: string,
  name: string,
  reason: CertificateRevocationReason,
): Promise<void> {
  const { environment, list } = get();
  const session = vault.session;
  set({ revoke: { status: 'running', serialNumber } });
  try {
    if (environment === null || session === null) throw new CertificatesError('session-expired', 'Sign in first');
    const client = await ksefClient(environment);
    await client.revokeCertificate(session.tokens, serialNumber, { revocationReason: reason });
    set({ revoke: { status: 'done', serialNumber, name } });
  } catch (error) {
    settleFailure(error, (problem) => set({ revoke: { status: 'failed', serialNumber, problem } }));
  }
  if (list.status === 'done' || list.status === 'failed') await loadList(list.filters, list.page);
}

/** Clears the last revocation's message (a new dialog opens). */
export function clearRevokeResult(): void {
  set({ revoke: { status: 'idle' } });
}
