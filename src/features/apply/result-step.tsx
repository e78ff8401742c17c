import { lazy, Suspense, useMemo, useState } from 'react';
import {
  downloadCertificate,
  downloadReminder,
  resetApplication,
  signOutAndForget,
} from '../../state/apply/result-actions';
import { openSavedKeyForResume, retryResume } from '../../state/apply/resume-actions';
import { retrieveCertificate } from '../../state/apply/submit-actions';
import { revokeReplaced } from '../../state/apply/replace-actions';
import type { Problem } from '../../problem/problem';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { summaryCard } from '../../state/apply/summary';
import { CertificateCard } from '../../ui/certificate-card';
import { KeyProofForm } from './key-proof-form';
import { PfxForm } from './pfx-form';
import { FileReadProgress } from './file-read-progress';
import { ProblemMessage, sessionEnded } from './problem-message';
import { StepHeading } from './step-heading';
import { SummaryCard } from './summary-card';
import { ProgressLine } from './progress-line';

// Only an application that replaces a certificate needs it: loaded when its certificate is ready.
const ReplaceOld = lazy(() => import('./replace-old').then((m) => ({ default: m.ReplaceOld })));

/**
 * Step 7: the certificate, whether it pairs with the key, the files to save, and signing out. A
 * resumed application arrives here too: its certificate is looked up, then its saved `.key` is asked for.
 */
export function ResultStep() {
  const t = useMessages();
  const result = useApplyStore((s) => s.result);
  const environment = useApplyStore((s) => s.environment);
  const details = useApplyStore((s) => s.details);
  const key = useApplyStore((s) => s.key);
  const resume = useApplyStore((s) => s.resume);
  const submission = useApplyStore((s) => s.submission);
  const [problem, setProblem] = useState<Problem | null>(null);
  const summary = useMemo(
    () => summaryCard({ result, environment, details, key, resume }),
    [result, environment, details, key, resume],
  );
  const ready = result.status === 'ready' ? result : null;
  const reference =
    'referenceNumber' in submission ? submission.referenceNumber : (resume?.record.referenceNumber ?? null);
  const name = details?.certificateName ?? resume?.record.certificateName ?? '';
  // What the pair is for: an Offline certificate never signs anyone in.
  const purpose = details?.certificateType ?? resume?.record.certificateType ?? 'Authentication';

  const reminder = () =>
    setProblem(
      downloadReminder({
        summary30: t.apply.result.reminder30(name),
        summary7: t.apply.result.reminder7(name),
        description: t.apply.result.reminderDescription,
      }),
    );

  return (
    <>
      <section className="panel no-print" aria-labelledby="result-heading">
        <StepHeading id="result-heading">{t.apply.result.heading}</StepHeading>
        <div
          className="apply-status"
          role="status"
          aria-live="polite"
          aria-busy={result.status === 'retrieving' || submission.status === 'resuming'}
          data-result={result.status}
        >
          {submission.status === 'resuming' && <ProgressLine>{t.apply.resume.lookingUp}</ProgressLine>}
          {submission.status === 'failed' && (
            <ProblemMessage title={t.apply.result.failed} problem={submission.problem} />
          )}
          {key.status === 'failed' && resume !== null && (
            <ProblemMessage title={t.apply.problemHeading} problem={key.problem} />
          )}
          {result.status === 'retrieving' && <ProgressLine>{t.apply.result.retrieving}</ProgressLine>}
          {ready !== null && (
            <div
              className={ready.pair.match ? 'verdict verdict-pairs' : 'verdict verdict-no-pair'}
              data-verdict={ready.pair.match ? 'pairs' : 'no-pair'}
            >
              <span className="verdict-icon" aria-hidden="true">
                {ready.pair.match ? '✓' : '✗'}
              </span>
              <div className="verdict-body">
                <p className="verdict-title">{ready.pair.match ? t.apply.result.pairs : t.apply.result.noPair}</p>
                <p className="verdict-detail">
                  {ready.pair.match ? t.apply.result.pairsDetail[purpose] : t.check.reasons[ready.pair.reason]}
                </p>
              </div>
            </div>
          )}
          {result.status === 'failed' && <ProblemMessage title={t.apply.result.failed} problem={result.problem} />}
          {problem !== null && <ProblemMessage title={t.apply.problemHeading} problem={problem} />}
        </div>
        {result.status === 'failed' && (
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => void retrieveCertificate()}>
              {t.apply.result.retry}
            </button>
          </div>
        )}
        {submission.status === 'failed' && (
          <div className="actions">
            {resume !== null && submission.retryable && !sessionEnded(submission.problem) && (
              <button type="button" className="button button-primary" onClick={() => void retryResume()}>
                {t.apply.result.retry}
              </button>
            )}
            <button type="button" className="button" onClick={resetApplication}>
              {t.apply.startOver}
            </button>
          </div>
        )}
        {submission.status === 'awaiting-key' && resume !== null && (
          <KeyProofForm
            busy={key.status === 'proving'}
            heading={t.apply.resume.keyHeading}
            intro={t.apply.resume.keyIntro(resume.record.certificateName)}
            submitLabel={t.apply.resume.open}
            onProve={openSavedKeyForResume}
          />
        )}
        {submission.status === 'awaiting-key' && <FileReadProgress />}
      </section>

      {ready !== null && (
        <>
          <div className="no-print">
            <CertificateCard certificate={ready.certificate} fileName={`${ready.fileBase}.crt`} pair={ready.pair}>
              {ready.pair.match && (
                <div className="stack apply-result-actions">
                  <div className="actions">
                    <button
                      type="button"
                      className="button button-primary"
                      onClick={() => setProblem(downloadCertificate())}
                    >
                      {t.apply.result.downloadCertificate(`${ready.fileBase}.crt`)}
                    </button>
                    <button type="button" className="button" onClick={reminder}>
                      {t.apply.result.reminder}
                    </button>
                  </div>
                  <p className="hint">{t.apply.result.reminderIntro}</p>
                  <PfxForm savedAs={ready.pfxFileName} />
                </div>
              )}
            </CertificateCard>
          </div>
          {ready.pair.match && (
            <Suspense fallback={null}>
              <ReplaceOld
                environment={environment}
                revoke={revokeReplaced}
                renderProblem={(title, failure) => <ProblemMessage title={title} problem={failure} />}
              />
            </Suspense>
          )}
          {summary !== null && <SummaryCard summary={summary} referenceNumber={reference} />}
          <section className="panel no-print" aria-labelledby="sign-out-heading">
            <h3 id="sign-out-heading">{t.apply.result.signOutHeading}</h3>
            <p className="hint">{t.apply.result.signOutIntro}</p>
            <p>
              <a href="#/certificates">{t.certificates.fromResult}</a>
            </p>
            <button type="button" className="button" onClick={() => void signOutAndForget()}>
              {t.apply.result.signOut}
            </button>
          </section>
        </>
      )}
    </>
  );
}
