import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useMessages } from '../../state/preferences-store';
import { FileField } from '../file-field';
import { firstFile } from '../file-list-schema';
import { PasswordInput } from '../password-input';
import type { SignInFormActions } from './sign-in-form-actions';
import { certificateSignInSchema, type CertificateSignInInput } from './sign-in-schema';

/** Sign in with a KSeF certificate the user holds: `.key` + `.crt`, or one `.pfx`. */
export function CertificateSignInForm({
  busy,
  signInWithFiles,
}: {
  readonly busy: boolean;
  readonly signInWithFiles: SignInFormActions['signInWithFiles'];
}) {
  const t = useMessages();
  const { register, handleSubmit, formState, resetField } = useForm<CertificateSignInInput>({
    resolver: zodResolver(certificateSignInSchema),
    defaultValues: { password: '' },
  });

  const onSubmit = async ({ keyFile, certificateFile, password }: CertificateSignInInput) => {
    const key = firstFile(keyFile);
    if (key === undefined) return;
    const certificate = firstFile(certificateFile);
    await signInWithFiles(
      certificate === undefined ? { keyFile: key, password } : { keyFile: key, certificateFile: certificate, password },
    );
    // The password did its one job; it does not stay in the form.
    resetField('password');
  };

  return (
    <form className="stack" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <FileField
        {...register('keyFile')}
        label={t.apply.signIn.keyFile}
        accept=".key,.pem,.pfx,.p12"
        error={formState.errors.keyFile === undefined ? undefined : t.apply.signIn.fileRequired}
      />
      <FileField {...register('certificateFile')} label={t.apply.signIn.certificateFile} accept=".crt,.cer,.pem" />
      <PasswordInput {...register('password')} label={t.apply.signIn.password} showLabel={t.check.password.show} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t.apply.signIn.submitCertificate}
        </button>
      </div>
    </form>
  );
}
