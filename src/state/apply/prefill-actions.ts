import { currentReplacement, markPrefilled } from '../replacement';
import { stepAfter } from './steps';
import { initialApplyState, useApplyStore } from './store';

/**
 * An application started from the certificates list to replace a certificate: once, and only when
 * no application is under way (step 'environment'), the environment and context NIP are chosen and
 * the details step's defaults set (the derived name, the old type, today, the recommended key).
 */
export function prefillFromReplacement(): void {
  const replacement = currentReplacement();
  if (replacement === null || replacement.prefilled || useApplyStore.getState().step !== 'environment') return;
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  useApplyStore.setState({
    ...initialApplyState,
    environment: replacement.environment,
    contextNip: replacement.contextNip,
    step: stepAfter('environment-chosen'),
    details: {
      certificateName: replacement.newName,
      certificateType: replacement.type,
      validFrom: today,
      keyAlgorithm: 'EC-P256',
    },
  });
  markPrefilled();
}
