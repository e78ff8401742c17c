import { APPLY_STEPS, type ApplyStepId } from '../../state/apply/model';
import { useMessages } from '../../state/preferences-store';

/** Where the user is: "Step 3 of 7" and the list of steps, the current one marked with `aria-current`. */
export function Stepper({ step }: { readonly step: ApplyStepId }) {
  const t = useMessages();
  const index = APPLY_STEPS.indexOf(step);
  return (
    <nav className="apply-stepper" aria-label={t.apply.progressLabel}>
      <p className="apply-step-count" aria-live="polite" aria-atomic="true">
        {t.apply.stepOf(index + 1, APPLY_STEPS.length)}: {t.apply.steps[step]}
      </p>
      <ol className="apply-steps">
        {APPLY_STEPS.map((id, i) => {
          const state = i < index ? 'done' : i === index ? 'current' : 'todo';
          return (
            <li key={id} className={`apply-step apply-step-${state}`} aria-current={i === index ? 'step' : undefined}>
              <span className="apply-step-number" aria-hidden="true">
                {i < index ? '✓' : i + 1}
              </span>
              <span className="apply-step-name">{t.apply.steps[id]}</span>
              {state === 'done' && <span className="visually-hidden"> ({t.apply.stepDone})</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
