import { useEffect, useRef, useState } from 'react';
import type { Problem } from '../../problem/problem';
import { removeApplication } from '../../state/apply/record-actions';
import { recordKeyFileName, type ApplicationRecord } from '../../state/apply/records';
import { listApplications, resumeApplication } from '../../state/apply/resume-actions';
import { useMessages } from '../../state/preferences-store';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatDateTime } from '../../ui/format';
import { ProblemMessage } from './problem-message';

/**
 * The applications submitted from this browser (public data only), each with a way to continue it
 * (a finished one: to download it again) and to remove it from the list after a confirmation.
 */
export function ResumeList() {
  const t = useMessages();
  const [records, setRecords] = useState(listApplications);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [removing, setRemoving] = useState<ApplicationRecord | null>(null);
  // A new object per removal, so that each one moves the focus.
  const [removed, setRemoved] = useState<{ readonly name: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The button that opened the dialog went with its record: once the dialog has closed (the page is
  // no longer inert), the list's heading takes the focus.
  useEffect(() => {
    if (removed !== null) headingRef.current?.focus();
  }, [removed]);
  if (records.length === 0 && removed === null) return null;

  const confirmRemoval = () => {
    if (removing === null) return;
    removeApplication(removing.id);
    setRecords(listApplications());
    setRemoved({ name: removing.certificateName });
    setRemoving(null);
  };

  return (
    <section className="panel" aria-labelledby="resume-heading">
      <h2 id="resume-heading" ref={headingRef} tabIndex={-1}>
        {t.apply.resume.heading}
      </h2>
      <p className="hint">{t.apply.resume.intro}</p>
      <ul className="apply-records">
        {records.map((record) => {
          const finished = record.status === 'downloaded';
          return (
            <li key={record.id} className="apply-record" data-record={record.id}>
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
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  aria-label={
                    finished
                      ? t.apply.resume.downloadAgain(record.certificateName)
                      : t.apply.resume.continue(record.certificateName)
                  }
                  onClick={() => setProblem(resumeApplication(record.id))}
                >
                  {finished ? t.apply.resume.downloadAgainShort : t.apply.resume.continueShort}
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t.apply.resume.remove(record.certificateName)}
                  onClick={() => setRemoving(record)}
                >
                  {t.apply.resume.removeShort}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <div role="status" className="apply-status">
        {removed !== null && <p className="ok-text">✓ {t.apply.resume.removed(removed.name)}</p>}
        {problem !== null && <ProblemMessage title={t.apply.problemHeading} problem={problem} />}
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={t.apply.resume.removeTitle(removing?.certificateName ?? '')}
        confirmLabel={t.apply.resume.removeConfirm}
        cancelLabel={t.apply.resume.removeCancel}
        onConfirm={confirmRemoval}
        onCancel={() => setRemoving(null)}
      >
        <p>{t.apply.resume.removeBody}</p>
        <p>{removing !== null && t.apply.resume.removeKeeps(recordKeyFileName(removing))}</p>
      </ConfirmDialog>
    </section>
  );
}
