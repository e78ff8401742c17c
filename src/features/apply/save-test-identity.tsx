import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { downloadTestIdentity } from '../../state/apply/sign-in-actions';
import type { Problem } from '../../problem/problem';
import { useMessages } from '../../state/preferences-store';
import { NewPasswordFields } from '../../ui/new-password-fields';
import { ProblemMessage } from './problem-message';
import { passwordPairSchema, type PasswordPairInput } from '../../ui/new-password-schema';

/** Optional: keep the throwaway test identity, its key encrypted with a password of the user's. */
export function SaveTestIdentity() {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const { register, handleSubmit, control, formState, reset } = useForm<PasswordPairInput>({
    resolver: zodResolver(passwordPairSchema),
    defaultValues: { password: '', confirm: '' },
  });

  const onSubmit = async ({ password }: PasswordPairInput) => {
    const failed = await downloadTestIdentity(password);
    setProblem(failed);
    reset();
    setSaved(failed === null);
  };

  return (
    <section className="panel" aria-labelledby="save-identity-heading">
      <h3 id="save-identity-heading">{t.apply.data.saveIdentityHeading}</h3>
      <p className="hint">{t.apply.data.saveIdentityIntro}</p>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="save-identity-form"
        onClick={() => setOpen((o) => !o)}
      >
        {t.apply.data.saveIdentity}
      </button>
      <div id="save-identity-form">
        {open && (
          <form className="stack apply-subform" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
            <NewPasswordFields
              register={register}
              control={control}
              formState={formState}
              passwordLabel={t.apply.data.saveIdentityPassword}
              confirmLabel={t.apply.data.saveIdentityConfirm}
            />
            <div className="actions">
              <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
                {t.apply.data.saveIdentitySubmit}
              </button>
            </div>
            <div role="status" className="apply-status">
              {saved && <p className="ok-text">✓ {t.apply.result.saved('.key, .crt')}</p>}
              {problem !== null && <ProblemMessage title={t.apply.problemHeading} problem={problem} />}
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
