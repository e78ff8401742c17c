import { Suspense, useEffect, useRef } from 'react';
import { keepDraft } from '../../state/apply/draft-actions';
import { prepareFileReads } from '../../state/apply/file-read';
import { prefillFromReplacement } from '../../state/apply/prefill-actions';
import type { ApplyStepId } from '../../state/apply/model';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { PageHeading } from '../../ui/page-heading';
import { preloadable } from '../../ui/preloadable';
import '../../ui/forms.css';
import './apply.css';
import { DataStep } from './data-step';
import { DetailsStep } from './details-step';
import { EnvironmentStep } from './environment-step';
import { KeyStep } from './key-step';
import { KsefWaitNotice } from './ksef-wait-notice';
import { ReviewStep } from './review-step';
import { SignInStep } from './sign-in-step';
import { BackButton } from './back-button';
import { useStepHistory } from './step-history';
import { Stepper } from './stepper';
import { useLeaveGuard } from './use-leave-guard';

/**
 * The result step (with the PFX form) comes last: its code is not part of the wizard's first paint,
 * and the page fetches it as soon as it opens, so it is there long before it is shown (also offline,
 * the wizard's code being in the service worker's cache).
 */
const resultStep = preloadable(() => import('./result-step').then((m) => m.ResultStep));
const ResultStep = resultStep.Component;

function Step({ step }: { readonly step: ApplyStepId }) {
  switch (step) {
    case 'environment':
      return <EnvironmentStep />;
    case 'sign-in':
      return <SignInStep />;
    case 'data':
      return <DataStep />;
    case 'details':
      return <DetailsStep />;
    case 'key':
      return <KeyStep />;
    case 'review':
      return <ReviewStep />;
    case 'result':
      return <ResultStep />;
  }
}

/**
 * `#/apply`: the certificate application wizard. The private key is made here and stays in this tab;
 * the store holds only what may be seen, the secrets live in the state layer's in-memory vault.
 */
export function ApplyPage() {
  const t = useMessages();
  const step = useApplyStore((s) => s.step);
  const shownStep = useRef<ApplyStepId | null>(null);
  const stepRef = useRef<HTMLDivElement>(null);

  // A reload at any step comes back here: restore the tab's draft, then keep it current.
  useEffect(() => keepDraft(), []);
  // Opened to replace a certificate from the certificates list: start prefilled.
  useEffect(() => prefillFromReplacement(), []);
  useEffect(() => prepareFileReads(), []);
  useEffect(() => {
    void resultStep.preload();
  }, []);
  // After the draft: each step its own entry in the browser's history (`#/apply/<step>`).
  useStepHistory();
  useLeaveGuard();

  // A new step is like a new page: focus its heading, so keyboard and screen reader users start there.
  useEffect(() => {
    if (shownStep.current !== null && shownStep.current !== step) {
      stepRef.current?.querySelector<HTMLElement>('[data-step-heading]')?.focus();
    }
    shownStep.current = step;
  }, [step]);

  return (
    <>
      <PageHeading>{t.apply.title}</PageHeading>
      <p className="lead">{t.apply.intro}</p>
      <Stepper step={step} />
      <KsefWaitNotice />
      <div ref={stepRef} className="apply-step-body" data-step={step}>
        <Suspense
          fallback={
            <p role="status" className="page-loading">
              {t.app.pageLoading}
            </p>
          }
        >
          <Step step={step} />
        </Suspense>
      </div>
      <BackButton />
    </>
  );
}
