import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { z } from '../lib/zod-mini';
import { problemText } from '../messages/problem-text';
import { problemCode } from './problem-code';
import type { PfxExportState } from '../state/pfx-export';
import { useMessages } from '../state/preferences-store';
import { NewPasswordFields } from './new-password-fields';
import { passwordPairSchema, type PasswordPairInput } from './new-password-schema';
import { PasswordInput } from './password-input';

/**
 * Which password protects the PFX: `'new'`, chosen here under the key password rules and typed twice
 * (the checker: its key may have had none); `'key'`, the saved `.key`'s own, which was chosen under
 * those rules already and opens that file (the wizard: its key in memory cannot be exported).
 */
export type PfxPassword = 'new' | 'key';

/** The key's password: the caller opens the saved key with it. `confirm` is not asked. */
const keyPasswordSchema = z.object({ password: z.string().check(z.minLength(1)), confirm: z.string() });

interface PfxExportFormProps {
  readonly password: PfxPassword;
  /** The heading's level where the form sits. */
  readonly headingLevel: 3 | 5;
  readonly status: PfxExportState;
  readonly onExport: (password: string) => Promise<void>;
  readonly onCancel?: () => void;
}

/**
 * The PFX (key and certificate in one file), one form for the wizard and the checker: the same
 * words, the same rules, the password cleared once used, and after a failure the focus on the
 * message that says why.
 */
export function PfxExportForm({ password, headingLevel, status, onExport, onCancel }: PfxExportFormProps) {
  const t = useMessages();
  const headingId = useId();
  const failureRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, control, formState, reset } = useForm<PasswordPairInput>({
    resolver: zodResolver(password === 'new' ? passwordPairSchema : keyPasswordSchema),
    defaultValues: { password: '', confirm: '' },
  });
  const exporting = status.status === 'exporting' || formState.isSubmitting;

  // Each failure is a new object: every one moves the focus to its message.
  useEffect(() => {
    if (status.status === 'failed') failureRef.current?.focus();
  }, [status]);

  const onSubmit = async (input: PasswordPairInput) => {
    await onExport(input.password);
    reset();
  };
  const Heading = headingLevel === 3 ? 'h3' : 'h5';

  return (
    <section className="stack export-form" aria-labelledby={headingId}>
      <Heading id={headingId}>{t.pfx.heading}</Heading>
      <p className="hint">{password === 'new' ? t.pfx.newPasswordIntro : t.pfx.keyPasswordIntro}</p>
      <form className="stack" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
        {password === 'new' ? (
          <NewPasswordFields
            register={register}
            control={control}
            formState={formState}
            passwordLabel={t.pfx.newPassword}
            confirmLabel={t.pfx.confirm}
          />
        ) : (
          <PasswordInput
            {...register('password')}
            label={t.pfx.keyPassword}
            showLabel={t.check.password.show}
            error={formState.errors.password === undefined ? undefined : t.pfx.passwordRequired}
          />
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={exporting}>
            {t.pfx.submit}
          </button>
          {onCancel !== undefined && (
            <button type="button" className="button" onClick={onCancel}>
              {t.pfx.cancel}
            </button>
          )}
        </div>
        <div role="status" className="export-status" aria-busy={exporting} data-pfx-status={status.status}>
          {status.status === 'exporting' && <p>{t.pfx.exporting}</p>}
          {status.status === 'done' && <p className="ok-text">✓ {t.pfx.saved(status.fileName)}</p>}
          {status.status === 'failed' && (
            <div ref={failureRef} tabIndex={-1} data-problem={problemCode(status.problem)}>
              <p className="error-text">
                {t.pfx.failed} {problemText(t, status.problem)}
              </p>
            </div>
          )}
        </div>
      </form>
    </section>
  );
}
