import type { CsrCheck } from '../../crypto/check-csr';
import type { Messages } from '../../messages/catalogs';
import { openSavedKeyForResume } from '../../state/apply/resume-actions';
import { resetApplication } from '../../state/apply/result-actions';
import { retrySubmission, submissionMaybeReceived, submitApplication } from '../../state/apply/submit-actions';
import { recordKeyFileName } from '../../state/apply/records';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { KeyProofForm } from './key-proof-form';
import { ProblemMessage, sessionEnded } from './problem-message';
import { StepHeading } from './step-heading';
import { FactList } from '../../ui/fact-list';
import { ProgressLine } from './progress-line';
import { shownChecks } from './review-checks';

function checkText(t: Messages, check: CsrCheck): string {
  switch (check.check) {
    case 'attribute':
      return t.apply.review.checks.attribute(t.apply.data.attributes[check.attribute]);
    case 'unexpected-attribute':
      return t.apply.review.checks.unexpected(`${check.shortName}=${check.value}`);
    default:
      return t.apply.review.checks[check.check];
  }
}

/** Step 6: the pre-flight check list, submit, and visible progress while KSeF processes the request. */
export function ReviewStep() {
  const t = useMessages();
  const details = useApplyStore((s) => s.details);
  const environment = useApplyStore((s) => s.environment);
  const preflight = useApplyStore((s) => s.preflight) ?? [];
  const submission = useApplyStore((s) => s.submission);
  const resume = useApplyStore((s) => s.resume);
  const key = useApplyStore((s) => s.key);
  const checksPass = preflight.every((c) => c.ok);
  // A resumed application was submitted before: here it is only looked up.
  const canSubmit = resume === null && submission.status === 'idle' && checksPass;
  const busy =
    submission.status === 'submitting' || submission.status === 'polling' || submission.status === 'resuming';
  const reference = 'referenceNumber' in submission ? submission.referenceNumber : null;
  // Offline, nothing reached KSeF: "KSeF did not issue the certificate" would blame the wrong party.
  const notSent =
    submission.status === 'failed' && submission.problem.source === 'ksef' && submission.problem.code === 'offline';

  return (
    <section className="panel" aria-labelledby="review-heading">
      <StepHeading id="review-heading">{t.apply.review.heading}</StepHeading>
      {resume === null && <p>{t.apply.review.intro}</p>}

      {details !== null && environment !== null && (
        <>
          <h3>{t.apply.review.summaryHeading}</h3>
          <FactList
            facts={[
              [t.apply.details.name, details.certificateName],
              [t.apply.details.purposeLegend, t.apply.details.purposes[details.certificateType]],
              [t.apply.details.validFrom, details.validFrom],
              [t.apply.details.keyLegend, t.apply.details.keyTypes[details.keyAlgorithm]],
              [t.apply.environment.legend, t.apply.environment.names[environment]],
              // The key this application is for: still in memory, and saved as this file.
              ...(key.status === 'proven' ? [[t.apply.key.proveFile, key.fileName] as const] : []),
            ]}
          />
        </>
      )}

      {preflight.length > 0 && (
        <>
          <h3>{t.apply.review.checksHeading}</h3>
          <ul className="rule-list apply-checks">
            {shownChecks(preflight).map((check, index) => (
              <li
                key={index}
                className={check.ok ? 'rule rule-ok' : 'rule rule-bad'}
                data-check={check.check}
                data-ok={check.ok}
              >
                <span aria-hidden="true" className="rule-icon">
                  {check.ok ? '✓' : '✗'}
                </span>
                {checkText(t, check)}
                <span className="visually-hidden"> ({check.ok ? t.rules.met : t.rules.unmet})</span>
              </li>
            ))}
          </ul>
          {!checksPass && <p className="error-text">{t.apply.review.checksFailed}</p>}
        </>
      )}

      <div className="actions">
        {canSubmit && (
          <button type="button" className="button button-primary" onClick={() => void submitApplication()}>
            {t.apply.review.submit}
          </button>
        )}
      </div>

      <div
        role="status"
        aria-live="polite"
        aria-busy={busy}
        className="apply-status"
        data-submission={submission.status}
      >
        {submission.status === 'submitting' && <ProgressLine>{t.apply.review.submitting}</ProgressLine>}
        {submission.status === 'polling' && <ProgressLine>{t.apply.review.polling(submission.attempt)}</ProgressLine>}
        {submission.status === 'resuming' && <ProgressLine>{t.apply.resume.lookingUp}</ProgressLine>}
        {submission.status === 'issued' && <p className="ok-text">✓ {t.apply.review.issued}</p>}
        {submission.status === 'failed' && (
          <ProblemMessage
            title={notSent ? t.apply.review.notSent : t.apply.review.failed}
            problem={submission.problem}
          />
        )}
        {submissionMaybeReceived(submission) && <p data-maybe-received="">{t.apply.review.maybeReceived}</p>}
        {reference !== null && <p className="hint">{t.apply.review.reference(reference)}</p>}
      </div>

      {submission.status === 'awaiting-key' && resume !== null && (
        <KeyProofForm
          busy={false}
          heading={t.apply.resume.keyHeading}
          intro={t.apply.resume.keyIntro(recordKeyFileName(resume.record))}
          submitLabel={t.apply.resume.open}
          problem={key.status === 'failed' ? key.problem : null}
          problemTitle={t.apply.problemHeading}
          onProve={openSavedKeyForResume}
        />
      )}

      {submission.status === 'failed' && (
        <div className="actions">
          {sessionEnded(submission.problem) ? null : submission.retryable ? (
            <button type="button" className="button button-primary" onClick={() => void retrySubmission()}>
              {t.apply.review.retry}
            </button>
          ) : (
            <p className="hint">{t.apply.review.notRetryable}</p>
          )}
          <button type="button" className="button" onClick={() => void resetApplication()}>
            {t.apply.startOver}
          </button>
        </div>
      )}
    </section>
  );
}
