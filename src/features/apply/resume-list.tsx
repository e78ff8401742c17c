import { useState } from 'react';
import type { Problem } from '../../problem/problem';
import { ProblemMessage } from './problem-message';
import { listApplications, resumeApplication } from '../../state/apply/resume-actions';
import { useMessages } from '../../state/preferences-store';
import { formatDateTime } from '../../ui/format';

/** The applications submitted from this browser (public data only), each with a way to continue it. */
export function ResumeList() {
  const t = useMessages();
  const [records] = useState(listApplications);
  const [problem, setProblem] = useState<Problem | null>(null);
  if (records.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="resume-heading">
      <h2 id="resume-heading">{t.apply.resume.heading}</h2>
      <p className="hint">{t.apply.resume.intro}</p>
      <ul className="apply-records">
        {records.map((record) => (
          <li key={record.id} className="apply-record">
            <div>
              <p className="apply-record-name">{record.certificateName}</p>
              <p className="hint">
                {t.apply.details.purposes[record.certificateType]} · {t.apply.environment.names[record.environment]} ·{' '}
                {t.apply.resume.created} {formatDateTime(t.locale, new Date(record.createdAt))} ·{' '}
                {t.apply.resume.status}: {t.apply.resume.statuses[record.status]}
              </p>
              <p className="hint">
                {t.apply.resume.reference}: <code>{record.referenceNumber}</code>
              </p>
            </div>
            <button
              type="button"
              className="button"
              aria-label={t.apply.resume.continue(record.certificateName)}
              onClick={() => setProblem(resumeApplication(record.id))}
            >
              {t.apply.resume.continueShort}
            </button>
          </li>
        ))}
      </ul>
      <div role="status" className="apply-status">
        {problem !== null && <ProblemMessage title={t.apply.problemHeading} problem={problem} />}
      </div>
    </section>
  );
}
