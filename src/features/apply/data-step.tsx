import { useState } from 'react';
import { ENROLLMENT_ATTRIBUTES } from '../../crypto/enrollment-data';
import { continueToDetails, retryEnrollmentData } from '../../state/apply/sign-in-actions';
import { resetApplication } from '../../state/apply/result-actions';
import type { Problem } from '../../problem/problem';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { ProblemMessage, sessionEnded } from './problem-message';
import { SaveTestIdentity } from './save-test-identity';
import { StepHeading } from './step-heading';
import { FactList } from '../../ui/fact-list';
import { ProgressLine } from './progress-line';

/** Step 3: what the certificate will say about you (read-only) and what KSeF still allows. */
export function DataStep() {
  const t = useMessages();
  const enrollment = useApplyStore((s) => s.enrollment);
  const signIn = useApplyStore((s) => s.signIn);
  const done = enrollment.status === 'done' ? enrollment : null;
  const [refused, setRefused] = useState<Problem | null>(null);

  return (
    <>
      <section className="panel" aria-labelledby="data-heading">
        <StepHeading id="data-heading">{t.apply.data.heading}</StepHeading>
        <div role="status" aria-live="polite" className="apply-status">
          {signIn.status === 'done' && <p className="ok-text">{t.apply.signIn.done(signIn.subject)}</p>}
          {enrollment.status === 'loading' && <ProgressLine>{t.apply.data.loading}</ProgressLine>}
          {enrollment.status === 'failed' && (
            <ProblemMessage title={t.apply.problemHeading} problem={enrollment.problem} />
          )}
          {refused !== null && <ProblemMessage title={t.apply.problemHeading} problem={refused} />}
        </div>
        {done !== null && (
          <>
            <p>{t.apply.data.intro}</p>
            <h3>{t.apply.data.attributesHeading}</h3>
            <FactList
              facts={ENROLLMENT_ATTRIBUTES.flatMap((attribute) => {
                const value = done.data[attribute];
                return value === null || value === undefined || value === ''
                  ? []
                  : [[t.apply.data.attributes[attribute], value] as const];
              })}
            />
            <h3>{t.apply.data.limitsHeading}</h3>
            <ul className="apply-limits">
              <li>{t.apply.data.enrollmentLimit(done.limits.enrollment.remaining, done.limits.enrollment.limit)}</li>
              <li>{t.apply.data.certificateLimit(done.limits.certificate.remaining, done.limits.certificate.limit)}</li>
            </ul>
            {done.limits.canRequest ? (
              <p className="ok-text">{t.apply.data.canRequest}</p>
            ) : (
              <div className="apply-problem" data-problem="apply:cannot-request">
                <p className="apply-problem-title">
                  <span aria-hidden="true">! </span>
                  {t.apply.problemHeading}
                </p>
                <p>{t.apply.data.cannotRequest}</p>
              </div>
            )}
          </>
        )}
        <div className="actions">
          {done?.limits.canRequest === true && (
            <button type="button" className="button button-primary" onClick={() => setRefused(continueToDetails())}>
              {t.apply.data.next}
            </button>
          )}
          {enrollment.status === 'failed' && !sessionEnded(enrollment.problem) && (
            <button type="button" className="button button-primary" onClick={() => void retryEnrollmentData()}>
              {t.apply.data.retry}
            </button>
          )}
          {(enrollment.status === 'failed' || done?.limits.canRequest === false) && (
            <button type="button" className="button" onClick={() => void resetApplication()}>
              {t.apply.startOver}
            </button>
          )}
        </div>
      </section>
      {signIn.status === 'done' && signIn.method === 'test-identity' && <SaveTestIdentity />}
    </>
  );
}
