import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { CertificateSummary } from '../../crypto/certificate-summary';
import { keyPasswordRules } from '../../crypto/rules';
import type { PfxExport } from '../../state/check/model';
import { exportPfx } from '../../state/check/pfx-actions';
import { useMessages } from '../../state/preferences-store';
import { PasswordInput } from '../../ui/password-input';
import { exportPfxSchema, type ExportPfxInput } from './export-pfx-schema';
import { problemText } from '../../messages/problem-text';

interface ExportPfxFormProps {
  readonly certificate: CertificateSummary;
  readonly status: PfxExport;
  readonly onCancel: () => void;
}

/**
 * The PFX password with a live checklist of the rules. The password stays in this form and the one
 * `exportPfx` call; both fields are cleared once the file is saved.
 */
export function ExportPfxForm({ certificate, status, onCancel }: ExportPfxFormProps) {
  const t = useMessages();
  const rulesId = useId();
  const { register, handleSubmit, control, formState, reset } = useForm<ExportPfxInput>({
    resolver: zodResolver(exportPfxSchema),
    defaultValues: { password: '', confirm: '' },
  });
  const rules = keyPasswordRules(useWatch({ control, name: 'password' }));

  const onSubmit = async ({ password }: ExportPfxInput) => {
    await exportPfx(certificate, password);
    reset();
  };

  return (
    <form className="stack export-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <h5>{t.save.formHeading}</h5>
      <p className="hint">{t.save.formIntro}</p>
      <PasswordInput
        {...register('password')}
        label={t.save.password}
        showLabel={t.check.password.show}
        error={formState.errors.password === undefined ? undefined : t.save.passwordInvalid}
        describedBy={rulesId}
      />
      <div id={rulesId} className="rules">
        <p className="rules-heading">{t.save.rulesHeading}</p>
        <ul className="rule-list">
          {rules.map(({ rule, ok }) => (
            <li key={rule} className={ok ? 'rule rule-ok' : 'rule'}>
              <span aria-hidden="true" className="rule-icon">
                {ok ? '✓' : '•'}
              </span>
              {t.save.rules[rule]}
              <span className="visually-hidden"> ({ok ? t.save.ruleMet : t.save.ruleUnmet})</span>
            </li>
          ))}
        </ul>
      </div>
      <PasswordInput
        {...register('confirm')}
        label={t.save.confirm}
        showLabel={t.check.password.show}
        error={formState.errors.confirm === undefined ? undefined : t.save.confirmMismatch}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={status.status === 'exporting'}>
          {t.save.submit}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.save.cancel}
        </button>
      </div>
      <div role="status" className="export-status">
        {status.status === 'exporting' && <p>{t.save.exporting}</p>}
        {status.status === 'done' && <p className="ok-text">✓ {t.save.saved(status.fileName)}</p>}
        {status.status === 'failed' && (
          <p className="error-text">
            {t.save.failed} {problemText(t, status.problem)}
          </p>
        )}
      </div>
    </form>
  );
}
