import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { certificateNameRules, disallowedNameCharacters } from '../../crypto/rules';
import type { Messages } from '../../messages/catalogs';
import { quotedList } from '../../messages/sentence';
import { keyReplacedBy, setDetails } from '../../state/apply/sign-in-actions';
import type { SavedKeyInfo } from '../../state/apply/model';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { detailsFormSchema, localDate, type DetailsFormInput } from './details-schema';
import { RuleChecklist } from '../../ui/rule-checklist';
import { StepHeading } from './step-heading';
import { TextField } from '../../ui/text-field';

const TYPES = ['Authentication', 'Offline'] as const;
const KEYS = ['EC-P256', 'RSA-2048'] as const;

/** The first rule `name` fails, in words: its length, or the characters that are not allowed. */
function nameError(t: Messages, name: string, failed: string | undefined): string | undefined {
  if (failed === 'length') return t.apply.details.nameLength([...name].length);
  if (failed === 'allowed-characters')
    return t.apply.details.nameCharacters(quotedList(t.locale, disallowedNameCharacters(name)));
  return undefined;
}

/** Step 4: name (live checklist), type (exactly one), start date and key type. */
export function DetailsStep() {
  const t = useMessages();
  const details = useApplyStore((s) => s.details);
  const rulesId = useId();
  const today = useMemo(() => localDate(new Date()), []);
  const { register, handleSubmit, formState, control } = useForm<DetailsFormInput>({
    resolver: zodResolver(detailsFormSchema(today)),
    defaultValues: details ?? {
      certificateName: '',
      certificateType: 'Authentication',
      validFrom: today,
      keyAlgorithm: 'EC-P256',
    },
  });
  const name = useWatch({ control, name: 'certificateName' });
  const rules = certificateNameRules(name);
  const { errors } = formState;

  // Changed after the key was made: say what happens to the saved `.key`, and ask.
  const [pending, setPending] = useState<{ input: DetailsFormInput; replaced: SavedKeyInfo } | null>(null);
  const onSubmit = (input: DetailsFormInput) => {
    const replaced = keyReplacedBy(useApplyStore.getState(), input);
    if (replaced === null) setDetails(input);
    else setPending({ input, replaced });
  };

  return (
    <section className="panel" aria-labelledby="details-heading">
      <StepHeading id="details-heading">{t.apply.details.heading}</StepHeading>
      <form className="stack" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
        <TextField
          {...register('certificateName')}
          label={t.apply.details.name}
          hint={t.apply.details.nameHint}
          describedBy={rulesId}
          maxLength={100}
          error={errors.certificateName === undefined ? undefined : nameError(t, name, rules.find((r) => !r.ok)?.rule)}
        />
        <RuleChecklist
          id={rulesId}
          heading={t.apply.rulesHeading}
          rules={rules}
          texts={t.apply.details.nameRules}
          submitted={formState.isSubmitted}
        />

        <fieldset className="choices">
          <legend>{t.apply.details.purposeLegend}</legend>
          {TYPES.map((id) => (
            <label key={id} className="choice">
              <input type="radio" value={id} {...register('certificateType')} aria-describedby={`type-${id}-hint`} />
              <span className="choice-text">
                <span className="choice-name">{t.apply.details.purposes[id]}</span>
                <span id={`type-${id}-hint`} className="choice-hint">
                  {t.apply.details.purposeHints[id]}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        <TextField
          {...register('validFrom')}
          type="date"
          min={today}
          label={t.apply.details.validFrom}
          hint={t.apply.details.validFromHint}
          error={errors.validFrom === undefined ? undefined : t.apply.details.validFromInvalid}
        />

        <fieldset className="choices">
          <legend>{t.apply.details.keyLegend}</legend>
          {KEYS.map((id) => (
            <label key={id} className="choice">
              <input type="radio" value={id} {...register('keyAlgorithm')} aria-describedby={`key-${id}-hint`} />
              <span className="choice-text">
                <span className="choice-name">{t.apply.details.keyTypes[id]}</span>
                <span id={`key-${id}-hint`} className="choice-hint">
                  {t.apply.details.keyHints[id]}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {t.apply.details.submit}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={pending !== null}
        title={t.apply.details.changeTitle}
        confirmLabel={t.apply.details.changeConfirm}
        cancelLabel={t.apply.details.changeCancel}
        onConfirm={() => {
          if (pending !== null) setDetails(pending.input);
          setPending(null);
        }}
        onCancel={() => setPending(null)}
      >
        {pending !== null && (
          <>
            <p>{t.apply.details.changeBody(pending.replaced.fileName)}</p>
            <p>{t.apply.details.changeKeeps(pending.replaced.fileName)}</p>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
