import type { RuleResult } from '../crypto/rules';
import { useMessages } from '../state/preferences-store';

interface RuleChecklistProps<Rule extends string> {
  readonly id: string;
  readonly heading: string;
  readonly rules: readonly { readonly rule: Rule; readonly ok: boolean }[];
  readonly texts: Readonly<Record<Rule, string>>;
  /** After a submit, unmet rules turn red with ✗ (before it they stay grey: nothing is wrong yet). */
  readonly submitted: boolean;
}

/**
 * A live checklist of input rules, tied to its field with `aria-describedby`. Each rule says met or
 * not met in words; the symbol and colour only repeat it.
 */
export function RuleChecklist<Rule extends RuleResult['rule']>({
  id,
  heading,
  rules,
  texts,
  submitted,
}: RuleChecklistProps<Rule>) {
  const t = useMessages();
  return (
    <div id={id} className="rules">
      <p className="rules-heading">{heading}</p>
      <ul className="rule-list">
        {rules.map(({ rule, ok }) => (
          <li
            key={rule}
            className={ok ? 'rule rule-ok' : submitted ? 'rule rule-bad' : 'rule'}
            data-rule={rule}
            data-ok={ok}
          >
            <span aria-hidden="true" className="rule-icon">
              {ok ? '✓' : submitted ? '✗' : '•'}
            </span>
            {texts[rule]}
            <span className="visually-hidden"> ({ok ? t.rules.met : t.rules.unmet})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
