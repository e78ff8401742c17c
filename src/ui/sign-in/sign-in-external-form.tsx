import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useMessages } from '../../state/preferences-store';
import { FileField } from '../file-field';
import { firstFile } from '../file-list-schema';
import type { SignInFormActions } from './sign-in-form-actions';
import { signedFileSchema, type SignedFileInput } from './sign-in-schema';

/** How long KSeF accepts a challenge (docs/ksef-contract.md §4.3). */
const CHALLENGE_VALIDITY_MS = 10 * 60_000;

/** Sign in with the user's own signing software: download, sign outside the app, upload. */
export function ExternalSignInForm({
  busy,
  challengeIssuedAt,
  downloadUnsignedRequest,
  signInWithSignedFile,
}: {
  readonly busy: boolean;
  /** When the request to sign was downloaded (ISO date-time), `null` before. */
  readonly challengeIssuedAt: string | null;
  readonly downloadUnsignedRequest: SignInFormActions['downloadUnsignedRequest'];
  readonly signInWithSignedFile: SignInFormActions['signInWithSignedFile'];
}) {
  const t = useMessages();
  const { register, handleSubmit, formState } = useForm<SignedFileInput>({ resolver: zodResolver(signedFileSchema) });
  const validUntil =
    challengeIssuedAt === null
      ? null
      : new Intl.DateTimeFormat(t.locale, { timeStyle: 'short' }).format(
          new Date(Date.parse(challengeIssuedAt) + CHALLENGE_VALIDITY_MS),
        );

  const onSubmit = async ({ signedFile }: SignedFileInput) => {
    const file = firstFile(signedFile);
    if (file !== undefined) await signInWithSignedFile(file);
  };

  return (
    <div className="stack">
      <h3>{t.apply.signIn.externalStep1}</h3>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void downloadUnsignedRequest()}>
          {challengeIssuedAt === null ? t.apply.signIn.download : t.apply.signIn.downloadAgain}
        </button>
      </div>
      {validUntil !== null && <p className="apply-note">{t.apply.signIn.challengeValid(validUntil)}</p>}
      <h3>{t.apply.signIn.externalStep2}</h3>
      <h3>{t.apply.signIn.externalStep3}</h3>
      <form className="stack" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
        <FileField
          {...register('signedFile')}
          label={t.apply.signIn.signedFile}
          accept=".xml,text/xml"
          error={formState.errors.signedFile === undefined ? undefined : t.apply.signIn.fileRequired}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy || challengeIssuedAt === null}>
            {t.apply.signIn.submitSigned}
          </button>
        </div>
      </form>
    </div>
  );
}
