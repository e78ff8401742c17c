/**
 * "Replace" from a row: the wizard then opens on its sign-in step for the same environment and
 * context, with the old certificate's type and a name derived from its own
 * (`src/state/apply/prefill-actions.ts`), and offers to revoke the old one once the new one works
 * (`src/state/apply/replace-actions.ts`). An application already under way there is left as it is.
 */
import { replacementName, startReplacement } from '../replacement';
import type { CertificateRow } from './rows';
import { seams } from './seams';
import { useCertificatesStore } from './store';

/** Starts replacing `row` (an active certificate of known type); the caller then opens the wizard. */
export function replaceCertificate(row: CertificateRow): boolean {
  const { environment, contextNip } = useCertificatesStore.getState();
  if (environment === null || contextNip === null || row.type === null || row.status !== 'Active') return false;
  const name = row.name ?? row.serialNumber;
  startReplacement({
    environment,
    contextNip,
    serialNumber: row.serialNumber,
    name,
    type: row.type,
    newName: replacementName(name, seams().now()),
    prefilled: false,
  });
  return true;
}
