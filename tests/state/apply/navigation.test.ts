import { afterEach, describe, expect, it } from 'vitest';
import { forgetDraftKeeping, keepDraft } from '../../../src/state/apply/draft-actions';
import {
  APPLY_STEPS,
  type ApplyState,
  type ApplyStepId,
  type CertificateDetails,
} from '../../../src/state/apply/model';
import { visitStep } from '../../../src/state/apply/navigation-actions';
import { configureApply } from '../../../src/state/apply/seams';
import { chooseEnvironment, keyReplacedBy, setDetails } from '../../../src/state/apply/sign-in-actions';
import { canVisit, nearestVisitable, previousVisitable, STEP_VISITS } from '../../../src/state/apply/steps';
import { initialApplyState, useApplyStore } from '../../../src/state/apply/store';
import { vault } from '../../../src/state/apply/vault';
import { MemoryStorage } from './kit';

const details: CertificateDetails = {
  certificateName: 'Program księgowy',
  certificateType: 'Authentication',
  validFrom: '2026-01-05',
  keyAlgorithm: 'EC-P256',
};
const savedKey = { fileName: 'Program-ksiegowy.key', publicKeyFingerprint: 'A'.repeat(64) };
const limit = { remaining: 5, limit: 10 };
const enrollment = {
  status: 'done',
  data: { commonName: 'Firma', countryName: 'PL', organizationIdentifier: 'VATPL-1234567890' },
  limits: { canRequest: true, enrollment: limit, certificate: limit },
} as const;

/** The wizard after each step was done, as the actions leave it (steps 'data' to 'review' before submitting). */
const signedIn: ApplyState = {
  ...initialApplyState,
  step: 'data',
  environment: 'sandbox',
  contextNip: '1234567890',
  signIn: { status: 'done', subject: 'Firma', method: 'test-identity' },
  enrollment,
};
const atKey: ApplyState = { ...signedIn, step: 'key', details, key: { status: 'proven', ...savedKey } };
const atReview: ApplyState = { ...atKey, step: 'review', passwordStoredConfirmed: true, preflight: [] };
const submitting: ApplyState = { ...atReview, submission: { status: 'submitting' } };
const polling: ApplyState = { ...atReview, submission: { status: 'polling', referenceNumber: 'R-1', attempt: 1 } };
const issued: ApplyState = {
  ...atReview,
  step: 'result',
  submission: { status: 'issued', referenceNumber: 'R-1', serialNumber: '01' },
  result: { status: 'failed', problem: { source: 'apply', code: 'application-not-found' } },
};

/** Which steps each state may show again, written out step by step. */
const VISITABLE: readonly (readonly [string, ApplyState, readonly ApplyStepId[]])[] = [
  ['a new wizard', initialApplyState, ['environment']],
  ['environment chosen', { ...initialApplyState, step: 'sign-in', environment: 'sandbox' }, ['environment', 'sign-in']],
  ['signed in, data shown', signedIn, ['environment', 'sign-in', 'data', 'details']],
  [
    'KSeF accepts no request',
    { ...signedIn, enrollment: { ...enrollment, limits: { ...enrollment.limits, canRequest: false } } },
    ['environment', 'sign-in', 'data'],
  ],
  ['details set', { ...signedIn, step: 'key', details }, ['environment', 'sign-in', 'data', 'details', 'key']],
  ['key proven, password not confirmed', atKey, ['environment', 'sign-in', 'data', 'details', 'key']],
  ['at the review', atReview, ['environment', 'sign-in', 'data', 'details', 'key', 'review']],
  ['submitting', submitting, ['review']],
  ['waiting for KSeF', polling, ['review']],
  ['issued, at the result', issued, ['review', 'result']],
  [
    'submission failed, before any reference',
    {
      ...atReview,
      submission: {
        status: 'failed',
        problem: { source: 'apply', code: 'session-expired' },
        retryable: true,
        referenceNumber: null,
      },
    },
    ['review'],
  ],
  [
    'signed in again after the session ended',
    { ...atReview, step: 'sign-in', signIn: { status: 'idle' } },
    ['environment', 'sign-in'],
  ],
];

afterEach(() => {
  useApplyStore.setState(initialApplyState, true);
  forgetDraftKeeping();
});

describe('going back and forward between steps', () => {
  it.each(VISITABLE)('%s: may show %j', (_, state, steps) => {
    expect(APPLY_STEPS.filter((step) => canVisit(state, step))).toEqual(
      APPLY_STEPS.filter((step) => steps.includes(step) || step === state.step),
    );
  });

  it('shows no other step while work is in flight', () => {
    const busy: readonly ApplyState[] = [
      { ...atKey, key: { status: 'generating' } },
      { ...atKey, key: { status: 'proving', saved: null } },
      { ...signedIn, step: 'sign-in', signIn: { status: 'running', progress: { stage: 'challenge' } } },
      { ...signedIn, enrollment: { status: 'loading' } },
      { ...atKey, fileRead: { status: 'reading', fileName: 'a.key' } },
    ];
    for (const state of busy) expect(APPLY_STEPS.filter((step) => canVisit(state, step))).toEqual([state.step]);
  });

  it('names what every step needs', () => {
    expect(Object.keys(STEP_VISITS)).toEqual([...APPLY_STEPS]);
  });

  it('lands on the nearest step that may be shown, on the side of the current one', () => {
    // Back from the result after submitting: the key step is refused, the review shows the submission.
    expect(nearestVisitable(issued, 'key')).toBe('review');
    expect(nearestVisitable(issued, 'environment')).toBe('review');
    // A fresh wizard opened at the key step's address: only step 1 may be shown.
    expect(nearestVisitable(initialApplyState, 'key')).toBe('environment');
    // Forward to a review that has no proven key: the step before it.
    expect(nearestVisitable({ ...signedIn, step: 'details', details }, 'review')).toBe('key');
    expect(nearestVisitable(submitting, 'result')).toBe('review');
  });

  it("gives the Back button's step: none on step 1, none once submitted before the review", () => {
    expect(previousVisitable(initialApplyState)).toBeNull();
    expect(previousVisitable(atReview)).toBe('key');
    expect(previousVisitable(submitting)).toBeNull();
    expect(previousVisitable(polling)).toBeNull();
    expect(previousVisitable(issued)).toBe('review');
    expect(previousVisitable({ ...atReview, step: 'sign-in' })).toBe('environment');
  });

  it('changes only the step, keeping the data, the key and the submission', () => {
    useApplyStore.setState(atReview, true);
    expect(visitStep('details')).toBe('details');
    expect(useApplyStore.getState()).toEqual({ ...atReview, step: 'details' });
    expect(visitStep('review')).toBe('review');
    expect(useApplyStore.getState()).toEqual(atReview);
    useApplyStore.setState(polling, true);
    expect(visitStep('key')).toBe('review');
    expect(useApplyStore.getState()).toEqual(polling);
  });

  it('keeps the application when the same environment and context are chosen again', () => {
    useApplyStore.setState({ ...atReview, step: 'environment' }, true);
    chooseEnvironment('sandbox', '1234567890');
    expect(useApplyStore.getState()).toEqual({ ...atReview, step: 'sign-in' });
    chooseEnvironment('sandbox', '9999999999');
    expect(useApplyStore.getState()).toMatchObject({ step: 'sign-in', contextNip: '9999999999', details: null });
  });
});

describe('changing the details after the key was made', () => {
  it.each([
    ['the start date', { validFrom: '2026-02-01' }, false],
    ['the name', { certificateName: 'Inna nazwa' }, true],
    ['the certificate type', { certificateType: 'Offline' }, true],
    ['the key type', { keyAlgorithm: 'RSA-2048' }, true],
  ] as const)('%s: a new key %s', (_, change, replaced) => {
    const changed = { ...details, ...change };
    expect(keyReplacedBy(atKey, changed)).toEqual(replaced ? savedKey : null);
    vault.csr = new Uint8Array([1]);
    useApplyStore.setState({ ...atKey, step: 'details', passwordStoredConfirmed: true }, true);
    setDetails(changed);
    const state = useApplyStore.getState();
    expect(state.step).toBe('key');
    expect(state.details).toEqual(changed);
    expect(state.key).toEqual(replaced ? { status: 'idle' } : { status: 'proven', ...savedKey });
    expect(state.passwordStoredConfirmed).toBe(!replaced);
    expect(vault.csr === null).toBe(replaced);
  });

  it('asks nothing before a key was made, or for the key saved before a reload too', () => {
    expect(keyReplacedBy({ ...signedIn, details }, { ...details, certificateName: 'Inna nazwa' })).toBeNull();
    const reloaded: ApplyState = {
      ...signedIn,
      details,
      key: { status: 'saved', ...savedKey },
      restored: { signedIn: true, savedKey, returnTo: null },
    };
    expect(keyReplacedBy(reloaded, { ...details, keyAlgorithm: 'RSA-2048' })).toEqual(savedKey);
  });
});

describe('a reload, then signing in again', () => {
  const storage = new MemoryStorage();
  const draftStorage = {
    getItem: (key: string) => storage.getItem(key),
    setItem: (key: string, value: string) => storage.setItem(key, value),
    removeItem: (key: string) => storage.items.delete(key),
  };

  it.each(['data', 'details', 'key', 'review'] as const)('from step %s: signing in, to return there', (step) => {
    configureApply({ origin: 'http://127.0.0.1', storage, draftStorage });
    useApplyStore.setState({ ...atReview, step, key: { status: 'saved', ...savedKey } }, true);
    keepDraft()();
    useApplyStore.setState(initialApplyState, true);
    forgetDraftKeeping();
    keepDraft()();
    expect(useApplyStore.getState()).toMatchObject({
      step: 'sign-in',
      restored: { signedIn: true, savedKey, returnTo: step },
    });
  });
});
