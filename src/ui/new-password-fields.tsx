import { useId } from 'react';
import { useWatch, type Control, type FormState, type UseFormRegister } from 'react-hook-form';
import { keyPasswordRules } from '../crypto/rules';
import { useMessages } from '../state/preferences-store';
import { PasswordInput } from './password-input';
import type { PasswordPairInput } from './new-password-schema';
import { RuleChecklist } from './rule-checklist';

interface NewPasswordFieldsProps {
  readonly register: UseFormRegister<PasswordPairInput>;
  readonly control: Control<PasswordPairInput>;
  readonly formState: FormState<PasswordPairInput>;
  readonly passwordLabel: string;
  readonly confirmLabel: string;
}

/**
 * A new password with the live checklist of the rules, and its confirmation: the one way the wizard
 * (key, test identity, PFX) and the checker (PFX) ask for a password, with the same rules and words.
 * The field's error names the first rule not met.
 */
export function NewPasswordFields({
  register,
  control,
  formState,
  passwordLabel,
  confirmLabel,
}: NewPasswordFieldsProps) {
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
            : t.newPassword.invalid(t.newPassword.rules[firstUnmet])
        }
        describedBy={rulesId}
      />
      <RuleChecklist
        id={rulesId}
        heading={t.newPassword.rulesHeading}
        rules={rules}
        texts={t.newPassword.rules}
        submitted={formState.isSubmitted}
      />
      <PasswordInput
        {...register('confirm')}
        label={confirmLabel}
        showLabel={t.check.password.show}
        error={formState.errors.confirm === undefined ? undefined : t.newPassword.confirmMismatch}
      />
    </>
  );
}
