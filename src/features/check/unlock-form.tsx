import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from '../../lib/zod-mini';
import type { Problem } from '../../problem/problem';
import type { LockedFile } from '../../state/check/model';
import { stopUnlocking, unlock } from '../../state/check/store';
import { useMessages } from '../../state/preferences-store';
import { PasswordInput } from '../../ui/password-input';
import { ReadProgress } from '../../ui/read-progress';
import { problemText } from '../../messages/problem-text';

const unlockSchema = z.object({ password: z.string().check(z.minLength(1)) });
type UnlockInput = z.infer<typeof unlockSchema>;

interface UnlockFormProps {
  readonly file: LockedFile;
  /** The last attempt's problem (e.g. `wrong-password`), shown at the field. */
  readonly problem: Problem | null;
  readonly busy: boolean;
}

/**
 * The password of an encrypted key or PFX. It lives in this form's state and the one `unlock` call
 * only, and the field is cleared after each attempt.
 */
export function UnlockForm({ file, problem, busy }: UnlockFormProps) {
  const t = useMessages();
  const { register, handleSubmit, formState, resetField, setFocus } = useForm<UnlockInput>({
    resolver: zodResolver(unlockSchema),
    defaultValues: { password: '' },
  });

  const onSubmit = async ({ password }: UnlockInput) => {
    await unlock(password);
    resetField('password');
    setFocus('password');
  };

  const openWithoutPassword = async () => {
    resetField('password');
    await unlock('');
    setFocus('password');
  };

  const error =
    formState.errors.password !== undefined
      ? t.check.password.required
      : problem !== null
        ? problemText(t, problem)
        : undefined;

  return (
    <section className="panel" aria-labelledby="unlock-heading">
      <h2 id="unlock-heading">{t.check.password.heading}</h2>
      <form className="stack" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
        <PasswordInput
          {...register('password')}
          label={t.check.password.label(file.name)}
          showLabel={t.check.password.show}
          error={error}
          describedBy="unlock-hint"
        />
        <p id="unlock-hint" className="hint">
          {t.check.password.hint}
        </p>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t.check.password.submit}
          </button>
          {/* .NET, Windows and OpenSSL save PFX and PKCS#8 files with an empty password too. */}
          <button type="button" className="button" disabled={busy} onClick={() => void openWithoutPassword()}>
            {t.check.password.noPassword}
          </button>
        </div>
        {busy && (
          <ReadProgress
            label={t.fileReading.progress(file.name)}
            stopText={t.fileReading.stopShort}
            stopLabel={t.fileReading.stop(file.name)}
            onStop={stopUnlocking}
          />
        )}
      </form>
    </section>
  );
}
