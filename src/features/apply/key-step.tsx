import { useId, useRef, useState } from 'react';
import type { Problem } from '../../problem/problem';
import type { SavedKeyInfo } from '../../state/apply/model';
import { confirmPasswordStored, continueToReview, discardSavedKey, saveKeyAgain } from '../../state/apply/key-actions';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { KeyPasswordForm } from './key-password-form';
import { KeyProofForm } from './key-proof-form';
import { FileReadProgress } from './file-read-progress';
import { ProblemMessage } from './problem-message';
import { StepHeading } from './step-heading';
import { FieldError } from '../../ui/field-error';
import { ProgressLine } from './progress-line';

/**
 * Step 5: make the key, save it, and prove the save by opening the saved file. Until the proof passes
 * and the user confirms the password is stored, there is no way forward.
 */
export function KeyStep() {
  const t = useMessages();
  const key = useApplyStore((s) => s.key);
  const confirmed = useApplyStore((s) => s.passwordStoredConfirmed);
  const restoredKey = useApplyStore((s) => s.restored?.savedKey ?? null);
  const storedId = useId();
  const storedErrorId = useId();
  const storedRef = useRef<HTMLInputElement>(null);
  const [storedError, setStoredError] = useState(false);
  const [refused, setRefused] = useState<Problem | null>(null);

  // While the file is being proven, and after a failed proof, the form stays with the chosen file.
  const saved: SavedKeyInfo | null =
    key.status === 'saved' || key.status === 'proven'
      ? key
      : key.status === 'failed' || key.status === 'proving'
        ? key.saved
        : null;
  const proofProblem = key.status === 'failed' && saved !== null ? key.problem : null;
  const proven = key.status === 'proven';
  const busy = key.status === 'generating' || key.status === 'proving';
  // A `.key` saved before a reload: the key itself went with the page, so the file is opened again.
  const reopening = !proven && saved !== null && restoredKey?.publicKeyFingerprint === saved.publicKeyFingerprint;

  const onContinue = async () => {
    if (!confirmed) {
      setStoredError(true);
      storedRef.current?.focus();
      return;
    }
    setRefused(await continueToReview());
  };

  return (
    <section className="panel" aria-labelledby="key-heading">
      <StepHeading id="key-heading">{t.apply.key.heading}</StepHeading>
      <p>{t.apply.key.intro}</p>
      <p className="apply-warning">
        <span aria-hidden="true">⚠ </span>
        {t.apply.key.warning}
      </p>

      {saved === null && key.status !== 'proving' && <KeyPasswordForm busy={busy} />}

      <div role="status" aria-live="polite" className="apply-status" data-key={key.status}>
        {key.status === 'generating' && <ProgressLine>{t.apply.key.generating}</ProgressLine>}
        {key.status === 'proving' && <ProgressLine>{t.apply.key.proving}</ProgressLine>}
        <FileReadProgress />
        {saved !== null && !proven && <p className="ok-text">✓ {t.apply.key.saved(saved.fileName)}</p>}
        {proven && <p className="ok-text">✓ {t.apply.key.proven(key.fileName)}</p>}
        {refused !== null && <ProblemMessage title={t.apply.problemHeading} problem={refused} />}
        {key.status === 'failed' && saved === null && (
          <ProblemMessage title={t.apply.problemHeading} problem={key.problem} />
        )}
      </div>

      {saved !== null && (
        <>
          {!proven &&
            (reopening ? (
              <KeyProofForm
                busy={busy}
                heading={t.apply.restored.keyHeading}
                intro={t.apply.restored.keyIntro(saved.fileName)}
                submitLabel={t.apply.restored.keyOpen}
                problem={proofProblem}
                problemTitle={t.apply.key.proveFailed}
              />
            ) : (
              <KeyProofForm
                busy={busy}
                heading={t.apply.key.proveHeading}
                intro={t.apply.key.proveIntro(saved.fileName)}
                submitLabel={t.apply.key.prove}
                problem={proofProblem}
                problemTitle={t.apply.key.proveFailed}
              />
            ))}
          <div className="actions">
            {reopening ? (
              <button type="button" className="button" onClick={discardSavedKey} disabled={busy}>
                {t.apply.restored.newKey}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => setRefused(saveKeyAgain())}>
                {t.apply.key.saveAgain}
              </button>
            )}
          </div>
          <div className="field apply-checkbox">
            <input
              ref={storedRef}
              id={storedId}
              type="checkbox"
              checked={confirmed}
              aria-invalid={storedError && !confirmed}
              aria-describedby={storedError && !confirmed ? storedErrorId : undefined}
              onChange={(event) => {
                setStoredError(false);
                confirmPasswordStored(event.target.checked);
              }}
            />
            <label htmlFor={storedId}>{t.apply.key.stored}</label>
          </div>
          {storedError && !confirmed && <FieldError id={storedErrorId}>{t.apply.key.storedRequired}</FieldError>}
        </>
      )}

      <div className="actions">
        {proven ? (
          <button type="button" className="button button-primary" onClick={() => void onContinue()}>
            {t.apply.key.next}
          </button>
        ) : (
          saved !== null && <p className="hint">{t.apply.key.notProven}</p>
        )}
      </div>
    </section>
  );
}
