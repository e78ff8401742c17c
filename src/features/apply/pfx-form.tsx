import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from '../../lib/zod';
import { downloadPfx } from '../../state/apply/result-actions';
import type { Problem } from '../../problem/problem';
import { useMessages } from '../../state/preferences-store';
import { PasswordInput } from '../../ui/password-input';
import { ProblemMessage } from './problem-message';

/** The key's password: the state layer opens the saved key with it and protects the PFX with the same. */
const pfxSchema = z.object({ password: z.string().min(1) });
type PfxInput = z.infer<typeof pfxSchema>;

/** The PFX (key and certificate in one file); the password field is cleared once used. */
export function PfxForm({ savedAs }: { readonly savedAs: string | undefined }) {
  const t = useMessages();
  const [problem, setProblem] = useState<Problem | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<PfxInput>({
    resolver: zodResolver(pfxSchema),
    defaultValues: { password: '' },
  });

  const onSubmit = async ({ password }: PfxInput) => {
    setProblem(await downloadPfx(password));
    reset();
  };

  return (
    <section className="apply-subsection" aria-labelledby="pfx-heading">
      <h3 id="pfx-heading">{t.apply.result.pfxHeading}</h3>
      <p className="hint">{t.apply.result.pfxIntro}</p>
      <form className="stack" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
        <PasswordInput
          {...register('password')}
          label={t.apply.result.pfxPassword}
          showLabel={t.check.password.show}
          error={formState.errors.password === undefined ? undefined : t.apply.signIn.passwordRequired}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {t.apply.result.pfxSubmit}
          </button>
        </div>
        <div role="status" className="apply-status" aria-busy={formState.isSubmitting}>
          {formState.isSubmitting && <p>{t.apply.result.pfxBuilding}</p>}
          {!formState.isSubmitting && savedAs !== undefined && problem === null && (
            <p className="ok-text">✓ {t.apply.result.saved(savedAs)}</p>
          )}
          {!formState.isSubmitting && problem !== null && (
            <ProblemMessage title={t.apply.problemHeading} problem={problem} />
          )}
        </div>
      </form>
    </section>
  );
}
