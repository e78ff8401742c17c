import { lazy, Suspense, useMemo, useState } from 'react';
import { downloadCertificate, downloadReminder, resetApplication } from '../../state/apply/result-actions';
import { recordKeyFileName } from '../../state/apply/records';
import { openSavedKeyForResume, retryResume } from '../../state/apply/resume-actions';
import { retrieveCertificate } from '../../state/apply/submit-actions';
import { revokeReplaced } from '../../state/apply/replace-actions';
import type { Problem } from '../../problem/problem';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { summaryCard } from '../../state/apply/summary';
import { CertificateCard } from '../../ui/certificate-card';
import { KeyProofForm } from './key-proof-form';
import { PfxExportForm } from '../../ui/pfx-export-form';
import { downloadPfx } from '../../state/apply/result-actions';
import { FileReadProgress } from './file-read-progress';
import { ProblemMessage, sessionEnded } from './problem-message';
import { StepHeading } from './step-heading';
import { SummaryCard } from './summary-card';
import { ProgressLine } from './progress-line';
import { SignOutPanel } from './sign-out-panel';
import { AuthTestPanel } from '../../ui/auth-test-panel';
import { testResultSignIn } from '../../state/apply/auth-test-actions';

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
  const contextNip = useApplyStore((s) => s.contextNip);
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
          {ready?.pair.match === true &&
            (ready.certificateFileName === undefined ? (
              <p className="error-text">{t.apply.result.certificateNotSaved(`${ready.fileBase}.crt`)}</p>
            ) : (
              <p className="ok-text">✓ {t.apply.result.certificateSaved(ready.certificateFileName)}</p>
            ))}
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
            intro={t.apply.resume.keyIntro(recordKeyFileName(resume.record))}
            submitLabel={t.apply.resume.open}
            problem={key.status === 'failed' ? key.problem : null}
            problemTitle={t.apply.problemHeading}
            onProve={openSavedKeyForResume}
          />
        )}
        {submission.status === 'awaiting-key' && <FileReadProgress />}
      </section>

      {ready !== null && (
        <>
          <div className="no-print">
            <CertificateCard
              certificate={ready.certificate}
              source={
                ready.certificateFileName === undefined
                  ? t.apply.result.source.notSaved
                  : t.apply.result.source.saved(ready.certificateFileName)
              }
              pair={ready.pair}
            >
              {ready.pair.match && (
                <div className="stack apply-result-actions">
                  <div className="actions">
                    <button
                      type="button"
                      className={ready.certificateFileName === undefined ? 'button button-primary' : 'button'}
                      onClick={() => setProblem(downloadCertificate())}
                    >
                      {ready.certificateFileName === undefined
                        ? t.apply.result.downloadCertificate(`${ready.fileBase}.crt`)
                        : t.apply.result.downloadCertificateAgain(ready.certificateFileName)}
                    </button>
                    <button type="button" className="button" onClick={reminder}>
                      {t.apply.result.reminder}
                    </button>
                  </div>
                  <p className="hint">{t.apply.result.reminderIntro}</p>
                  <PfxExportForm
                    password="key"
                    headingLevel={3}
                    status={ready.pfxExport}
                    onExport={async (password) => void (await downloadPfx(password))}
                  />
                </div>
              )}
            </CertificateCard>
          </div>
          {ready.pair.match && environment !== null && purpose === 'Authentication' && (
            <div className="no-print">
              <AuthTestPanel
                environments={[environment]}
                contextNip={contextNip ?? ''}
                askNip={contextNip === null}
                run={testResultSignIn}
              />
            </div>
          )}
          {ready.pair.match && purpose === 'Offline' && (
            <p className="hint no-print" data-auth-test-offline="">
              {t.authTest.offline}
            </p>
          )}
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
          <SignOutPanel />
        </>
      )}
    </>
  );
}
