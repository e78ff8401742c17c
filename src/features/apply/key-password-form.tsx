import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { generateAndSaveKey } from '../../state/apply/key-actions';
import { useMessages } from '../../state/preferences-store';
import { NewPasswordFields } from '../../ui/new-password-fields';
import { passwordPairSchema, type PasswordPairInput } from '../../ui/new-password-schema';

/** The key password, twice, with the live checklist; "Generate" makes the key and saves the `.key`. */
export function KeyPasswordForm({ busy }: { readonly busy: boolean }) {
  const t = useMessages();
  const { register, handleSubmit, control, formState, reset } = useForm<PasswordPairInput>({
    resolver: zodResolver(passwordPairSchema),
    defaultValues: { password: '', confirm: '' },
  });

  const onSubmit = async ({ password }: PasswordPairInput) => {
    await generateAndSaveKey(password);
    // The user types it again at the save proof: that is the point of the proof.
    reset();
  };

  return (
    <form className="stack" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <NewPasswordFields
        register={register}
        control={control}
        formState={formState}
        passwordLabel={t.apply.key.password}
        confirmLabel={t.apply.key.confirm}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t.apply.key.generate}
        </button>
      </div>
    </form>
  );
}
