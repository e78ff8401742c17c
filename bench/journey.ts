import {
  chooseEnvironment,
  continueToDetails,
  setDetails,
  signInWithTestIdentity,
} from '../src/state/apply/sign-in-actions';
import { configureApply } from '../src/state/apply/seams';
import {
  confirmPasswordStored,
  continueToReview,
  generateAndSaveKey,
  proveKeySaved,
} from '../src/state/apply/key-actions';
import { resetApplication } from '../src/state/apply/result-actions';
import { submitApplication } from '../src/state/apply/submit-actions';
import { useApplyStore } from '../src/state/apply/store';

const PASSWORD = 'Bench-Password-2026!';

/** Milliseconds of one journey (1): test identity (seal) -> Authentication, EC -> a certificate that pairs. */
export interface JourneyTiming {
  /** From "Generate" until the encrypted `.key` reaches the download sink (key pair, CSR, PBKDF2). */
  readonly generateToKeyDownloadMs: number;
  /** From choosing the environment until the retrieved certificate is checked against the key. */
  readonly journeyMs: number;
}

/**
 * Journey (1) through the wizard's real actions in this browser, against the local sandbox served by
 * the bench server. User think time is not included; the sandbox's own issuing delay (it answers
 * "in progress" for about a second, like KSeF) is.
 */
export async function runJourney(index: number): Promise<JourneyTiming> {
  const saved = new Map<string, Uint8Array | string>();
  let keySavedAt = 0;
  configureApply({
    storage: window.sessionStorage,
    download: (fileName, content) => {
      if (fileName.endsWith('.key')) keySavedAt = performance.now();
      saved.set(fileName, content);
    },
  });
  resetApplication();
  const start = performance.now();
  chooseEnvironment('sandbox', '5265877635');
  await signInWithTestIdentity({ kind: 'seal', organizationName: 'Spółka Testowa', nip: '5265877635' });
  if (continueToDetails() !== null) throw new Error('The sandbox refused the application');
  setDetails({
    certificateName: `Bench ${index}`,
    certificateType: 'Authentication',
    keyAlgorithm: 'EC-P256',
    validFrom: localDate(new Date()),
  });
  const generateAt = performance.now();
  await generateAndSaveKey(PASSWORD);
  const keyEntry = [...saved].find(([name]) => name.endsWith('.key'));
  if (keyEntry === undefined) throw new Error('No .key was saved');
  await proveKeySaved(new File([keyEntry[1] as BlobPart], keyEntry[0]), PASSWORD);
  confirmPasswordStored(true);
  if ((await continueToReview()) !== null) throw new Error('The review step refused the application');
  await submitApplication();
  const { result } = useApplyStore.getState();
  if (result.status !== 'ready' || !result.pair.match)
    throw new Error(`The journey ended without a matching pair (${result.status})`);
  const end = performance.now();
  resetApplication();
  return { generateToKeyDownloadMs: keySavedAt - generateAt, journeyMs: end - start };
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
