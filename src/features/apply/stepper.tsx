import { APPLY_STEPS, type ApplyStepId } from '../../state/apply/model';
import { useApplyStore } from '../../state/apply/store';
import { canVisit } from '../../state/apply/steps';
import { useMessages } from '../../state/preferences-store';
import { stepHref } from './step-history';

/**
 * Where the user is: "Step 3 of 7" and the list of steps, the current one marked with `aria-current`.
 * Every other step that may be shown again (`STEP_VISITS`) is a link to it; the rest are plain text.
 */
export function Stepper({ step }: { readonly step: ApplyStepId }) {
  const t = useMessages();
  const index = APPLY_STEPS.indexOf(step);
  // One string, so the stepper renders again only when the set of reachable steps changes.
  const reachable = useApplyStore((s) => APPLY_STEPS.filter((id) => id !== s.step && canVisit(s, id)).join(' ')).split(
    ' ',
  );
  return (
    <nav className="apply-stepper" aria-label={t.apply.progressLabel}>
      <p className="apply-step-count" aria-live="polite" aria-atomic="true">
        {t.apply.stepOf(index + 1, APPLY_STEPS.length)}: {t.apply.steps[step]}
      </p>
      <ol className="apply-steps">
        {APPLY_STEPS.map((id, i) => {
          const state = i < index ? 'done' : i === index ? 'current' : 'todo';
          const name = <span className="apply-step-name">{t.apply.steps[id]}</span>;
          return (
            <li
              key={id}
              className={`apply-step apply-step-${state}`}
              aria-current={i === index ? 'step' : undefined}
              data-step-id={id}
            >
              <span className="apply-step-number" aria-hidden="true">
                {i < index ? '✓' : i + 1}
              </span>
              {reachable.includes(id) ? (
                <a className="apply-step-link" href={stepHref(id)}>
                  {name}
                </a>
              ) : (
                name
              )}
              {state === 'done' && <span className="visually-hidden"> ({t.apply.stepDone})</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
