import { useCertificatesMessages } from '../../state/certificates/messages';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { identifierInputSchema } from '../../crypto/identifier-input';
import { exampleNip } from '../../crypto/identifier-examples';
import { KSEF_ENVIRONMENT_INFO, KSEF_ENVIRONMENTS, ksefEnvironmentSchema } from '../../ksef/environments';
import { z } from '../../lib/zod-mini';
import { chooseEnvironment } from '../../state/certificates/sign-in-actions';
import { useCertificatesStore } from '../../state/certificates/store';
import { useMessages } from '../../state/preferences-store';
import { identifierFieldError } from '../../ui/identifier-field-error';
import { TextField } from '../../ui/text-field';

const environmentFormSchema = z.object({
  environment: ksefEnvironmentSchema,
  contextNip: identifierInputSchema('nip'),
});
type EnvironmentFormInput = z.infer<typeof environmentFormSchema>;

/** Where the certificates are (the local sandbox by default) and the context NIP to sign in for. */
export function CertificatesEnvironmentForm() {
  const t = useMessages();
  const c = useCertificatesMessages();
  const contextNip = useCertificatesStore((s) => s.contextNip);
  const { register, handleSubmit, formState, control, setValue } = useForm<EnvironmentFormInput>({
    resolver: zodResolver(environmentFormSchema),
    defaultValues: { environment: 'sandbox', contextNip: contextNip ?? '' },
  });
  const [chosen, typedNip] = useWatch({ control, name: ['environment', 'contextNip'] });
  const nipError = formState.errors.contextNip === undefined ? undefined : identifierFieldError(t, 'nip', typedNip);
  const fillExample = () =>
    setValue('contextNip', exampleNip(), { shouldValidate: formState.isSubmitted, shouldDirty: true });

  return (
    <section className="panel" aria-labelledby="certificates-environment-heading">
      <h2 id="certificates-environment-heading">{c.environmentHeading}</h2>
      <p>{c.environmentIntro}</p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) =>
          void handleSubmit((input) => chooseEnvironment(input.environment, input.contextNip))(event)
        }
      >
        <fieldset className="choices">
          <legend>{t.apply.environment.legend}</legend>
          {KSEF_ENVIRONMENTS.map((id) => (
            <label key={id} className="choice">
              <input type="radio" value={id} {...register('environment')} />
              <span className="choice-name">{t.apply.environment.names[id]}</span>
            </label>
          ))}
        </fieldset>
        <TextField
          {...register('contextNip')}
          label={t.apply.environment.nip}
          inputMode="numeric"
          hint={c.nipHint}
          error={nipError}
        />
        {KSEF_ENVIRONMENT_INFO[chosen].allowsSelfSignedIdentity && (
          <div className="example-row">
            <button type="button" className="button button-quiet" onClick={fillExample}>
              {t.identifiers.exampleNip}
            </button>
            <p className="hint">{t.identifiers.nipExampleNote}</p>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary">
            {t.apply.environment.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
