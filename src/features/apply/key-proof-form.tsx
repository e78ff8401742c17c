import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { proveKeySaved } from '../../state/apply/key-actions';
import { useMessages } from '../../state/preferences-store';
import { PasswordInput } from '../../ui/password-input';
import { FileField } from '../../ui/file-field';
import { firstFile } from '../../ui/file-list-schema';
import { keyProofSchema, type KeyProofInput } from './key-schema';

interface KeyProofFormProps {
  readonly busy: boolean;
  readonly heading: string;
  readonly intro: string;
  readonly submitLabel: string;
  /** What to do with the file and password (the save proof, or opening the key of a resumed application). */
  readonly onProve?: (file: File, password: string) => Promise<void>;
}

/** Pick a saved `.key` and type its password; the password is cleared once used. */
export function KeyProofForm({ busy, heading, intro, submitLabel, onProve = proveKeySaved }: KeyProofFormProps) {
  const t = useMessages();
  const { register, handleSubmit, formState, resetField } = useForm<KeyProofInput>({
    resolver: zodResolver(keyProofSchema),
    defaultValues: { password: '' },
  });

  const onSubmit = async ({ keyFile, password }: KeyProofInput) => {
    const file = firstFile(keyFile);
    if (file === undefined) return;
    await onProve(file, password);
    resetField('password');
  };

  return (
    <form
      className="stack apply-subform"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-labelledby="key-proof-heading"
    >
      <h3 id="key-proof-heading">{heading}</h3>
      <p>{intro}</p>
      <FileField
        {...register('keyFile')}
        label={t.apply.key.proveFile}
        accept=".key,.pem"
        error={formState.errors.keyFile === undefined ? undefined : t.apply.signIn.fileRequired}
      />
      <PasswordInput
        {...register('password')}
        label={t.apply.key.provePassword}
        showLabel={t.check.password.show}
        error={formState.errors.password === undefined ? undefined : t.apply.signIn.passwordRequired}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
