import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { exampleNip } from '../../crypto/identifier-examples';
import { KSEF_ENVIRONMENTS } from '../../ksef/environments';
import { chooseEnvironment } from '../../state/apply/sign-in-actions';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { environmentFormSchema, EXAMPLE_ENVIRONMENTS, type EnvironmentFormInput } from './environment-schema';
import { identifierFieldError } from '../../ui/identifier-field-error';
import { ResumeList } from './resume-list';
import { StepHeading } from './step-heading';
import { FieldError } from '../../ui/field-error';

/** Step 1: where to apply (the local sandbox by default) and on whose behalf. */
export function EnvironmentStep() {
  const t = useMessages();
  const environment = useApplyStore((s) => s.environment);
  const contextNip = useApplyStore((s) => s.contextNip);
  const nipId = useId();
  const nipHintId = useId();
  const nipErrorId = useId();
  const { register, handleSubmit, formState, control, setValue } = useForm<EnvironmentFormInput>({
    resolver: zodResolver(environmentFormSchema),
    defaultValues: { environment: environment ?? 'sandbox', contextNip: contextNip ?? '' },
  });
  const chosen = useWatch({ control, name: 'environment' });
  const typedNip = useWatch({ control, name: 'contextNip' });
  const nipError = formState.errors.contextNip === undefined ? undefined : identifierFieldError(t, 'nip', typedNip);
  const examples = EXAMPLE_ENVIRONMENTS.has(chosen);
  const fillExample = () =>
    setValue('contextNip', exampleNip(), { shouldValidate: formState.isSubmitted, shouldDirty: true });

  const onSubmit = (input: EnvironmentFormInput) => chooseEnvironment(input.environment, input.contextNip);

  return (
    <>
      <ResumeList />
      <section className="panel" aria-labelledby="environment-heading">
        <StepHeading id="environment-heading">{t.apply.environment.heading}</StepHeading>
        <p>{t.apply.environment.intro}</p>
        <form className="stack" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
          <fieldset className="choices">
            <legend>{t.apply.environment.legend}</legend>
            {KSEF_ENVIRONMENTS.map((id) => (
              <label key={id} className="choice">
                <input
                  type="radio"
                  value={id}
                  {...register('environment')}
                  aria-describedby={`environment-${id}-hint`}
                />
                <span className="choice-text">
                  <span className="choice-name">
                    {t.apply.environment.names[id]}{' '}
                    {id === 'sandbox' && <span className="hint">{t.apply.environment.recommended}</span>}
                  </span>
                  <span
                    id={`environment-${id}-hint`}
                    className={id === 'prod' ? 'choice-hint choice-hint-strong' : 'choice-hint'}
                  >
                    {t.apply.environment.explanations[id]}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={nipId}>{t.apply.environment.nip}</label>
            <input
              id={nipId}
              className="text-input"
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={nipError !== undefined}
              aria-describedby={nipError === undefined ? nipHintId : `${nipErrorId} ${nipHintId}`}
              {...register('contextNip')}
            />
            <p id={nipHintId} className="hint">
              {t.apply.environment.nipHint}
            </p>
            {nipError !== undefined && <FieldError id={nipErrorId}>{nipError}</FieldError>}
            {examples && (
              <div className="example-row">
                <button type="button" className="button button-quiet" onClick={fillExample}>
                  {t.identifiers.exampleNip}
                </button>
                <p className="hint">{t.identifiers.nipExampleNote}</p>
              </div>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
              {t.apply.environment.submit}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
