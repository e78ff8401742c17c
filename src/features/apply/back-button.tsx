import { useApplyStore } from '../../state/apply/store';
import { previousVisitable } from '../../state/apply/steps';
import { useMessages } from '../../state/preferences-store';
import { goBackTo } from './step-history';

/**
 * Back to the nearest earlier step that may be shown again, as the browser's Back does. None on the
 * first step, while work is in flight, or once submitted before the review (the review then shows the
 * submission, never a second "submit").
 */
export function BackButton() {
  const t = useMessages();
  const target = useApplyStore(previousVisitable);
  if (target === null) return null;
  return (
    <div className="actions apply-back">
      <button type="button" className="button" onClick={() => goBackTo(target)}>
        <span aria-hidden="true">← </span>
        {t.apply.backTo(t.apply.steps[target])}
      </button>
    </div>
  );
}
