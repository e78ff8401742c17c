import { useId } from 'react';
import { useWatch, type Control, type FormState, type UseFormRegister } from 'react-hook-form';
import { keyPasswordRules } from '../../crypto/rules';
import { useMessages } from '../../state/preferences-store';
import { PasswordInput } from '../../ui/password-input';
import type { PasswordPairInput } from './password-pair-schema';
import { RuleChecklist } from './rule-checklist';

interface PasswordPairFieldsProps {
  readonly register: UseFormRegister<PasswordPairInput>;
  readonly control: Control<PasswordPairInput>;
  readonly formState: FormState<PasswordPairInput>;
  readonly passwordLabel: string;
  readonly confirmLabel: string;
}

/** A new password with the live checklist of the rules, and its confirmation. */
export function PasswordPairFields({
  register,
  control,
  formState,
  passwordLabel,
  confirmLabel,
}: PasswordPairFieldsProps) {
  const t = useMessages();
  const rulesId = useId();
  const rules = keyPasswordRules(useWatch({ control, name: 'password' }));
  const firstUnmet = rules.find((r) => !r.ok)?.rule;
  return (
    <>
      <PasswordInput
        {...register('password')}
        label={passwordLabel}
        showLabel={t.check.password.show}
        error={
          formState.errors.password === undefined || firstUnmet === undefined
            ? undefined
            : t.apply.key.passwordInvalid(t.save.rules[firstUnmet])
        }
        describedBy={rulesId}
      />
      <RuleChecklist id={rulesId} rules={rules} texts={t.save.rules} submitted={formState.isSubmitted} />
      <PasswordInput
        {...register('confirm')}
        label={confirmLabel}
        showLabel={t.check.password.show}
        error={formState.errors.confirm === undefined ? undefined : t.apply.key.confirmMismatch}
      />
    </>
  );
}
