import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { examplePesel } from '../../crypto/identifier-examples';
import type { TestIdentityInput } from '../../crypto/test-identity';
import type { Messages } from '../../messages/catalogs';
import { useMessages } from '../../state/preferences-store';
import { identifierFieldError } from '../identifier-field-error';
import { TextField } from '../text-field';
import type { SignInFormActions } from './sign-in-form-actions';
import { testIdentitySchema, type TestIdentityFormInput } from './sign-in-schema';

function errorText(t: Messages, error: FieldError | undefined, typed: string): string | undefined {
  switch (error?.message) {
    case undefined:
      return undefined;
    case 'invalid-nip':
      return identifierFieldError(t, 'nip', typed);
    case 'invalid-pesel':
      return identifierFieldError(t, 'pesel', typed);
    case 'person-id-required':
      return t.apply.signIn.personIdRequired;
    default:
      return t.apply.signIn.nameRequired;
  }
}

function identityInput(input: TestIdentityFormInput): TestIdentityInput {
  if (input.kind === 'seal') return { kind: 'seal', organizationName: input.organizationName, nip: input.nip };
  const id = input.pesel === '' ? { nip: input.nip } : { pesel: input.pesel };
  return { kind: 'person', givenName: input.givenName, surname: input.surname, ...id };
}

/** A throwaway self-signed identity (sandbox and TEST only): a company seal or a person. */
export function TestIdentityForm({
  busy,
  contextNip,
  signInWithTestIdentity,
}: {
  readonly busy: boolean;
  /** The NIP the identity's own NIP starts as: the context NIP the user gave, or empty. */
  readonly contextNip: string;
  readonly signInWithTestIdentity: SignInFormActions['signInWithTestIdentity'];
}) {
  const t = useMessages();
  const { register, handleSubmit, formState, control, setValue } = useForm<TestIdentityFormInput>({
    resolver: zodResolver(testIdentitySchema),
    defaultValues: { kind: 'seal', organizationName: '', givenName: '', surname: '', nip: contextNip, pesel: '' },
  });
  const [kind, nip, pesel] = useWatch({ control, name: ['kind', 'nip', 'pesel'] });
  const { errors } = formState;
  // The test identity exists only where any valid identifier works (sandbox, TEST): an example helps.
  // A person has a NIP or a PESEL, not both: the example PESEL takes the NIP's place.
  const fillExample = () => {
    const options = { shouldValidate: formState.isSubmitted, shouldDirty: true };
    setValue('nip', '', options);
    setValue('pesel', examplePesel(), options);
  };

  const onSubmit = async (input: TestIdentityFormInput) => {
    await signInWithTestIdentity(identityInput(input));
  };

  return (
    <form className="stack" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <fieldset className="choices choices-inline">
        <legend>{t.apply.signIn.identityLegend}</legend>
        {(['seal', 'person'] as const).map((id) => (
          <label key={id} className="choice">
            <input type="radio" value={id} {...register('kind')} />
            <span className="choice-name">{t.apply.signIn.identityKinds[id]}</span>
          </label>
        ))}
      </fieldset>
      {kind === 'seal' ? (
        <TextField
          {...register('organizationName')}
          label={t.apply.signIn.organizationName}
          error={errorText(t, errors.organizationName, '')}
        />
      ) : (
        <>
          <TextField
            {...register('givenName')}
            label={t.apply.signIn.givenName}
            error={errorText(t, errors.givenName, '')}
          />
          <TextField {...register('surname')} label={t.apply.signIn.surname} error={errorText(t, errors.surname, '')} />
        </>
      )}
      <TextField
        {...register('nip')}
        label={t.apply.signIn.identityNip}
        inputMode="numeric"
        error={errorText(t, errors.nip, nip)}
        hint={kind === 'person' ? t.apply.signIn.personIdHint : undefined}
      />
      {kind === 'person' && (
        <>
          <TextField
            {...register('pesel')}
            label={t.apply.signIn.pesel}
            inputMode="numeric"
            error={errorText(t, errors.pesel, pesel)}
          />
          <div className="example-row">
            <button type="button" className="button button-quiet" onClick={fillExample}>
              {t.identifiers.examplePesel}
            </button>
            <p className="hint">{t.identifiers.peselExampleNote}</p>
          </div>
        </>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t.apply.signIn.submitIdentity}
        </button>
      </div>
    </form>
  );
}
