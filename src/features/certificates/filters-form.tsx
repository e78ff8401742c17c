import { useCertificatesMessages } from '../../state/certificates/messages';
import { useId, useState, type FormEvent } from 'react';
import {
  certificateListItemStatusSchema,
  ksefCertificateTypeSchema,
  type CertificateListItemStatus,
  type KsefCertificateType,
} from '../../ksef/certificate-enums';
import { applyFilters } from '../../state/certificates/list-actions';
import { NO_FILTERS } from '../../state/certificates/filters';
import { useCertificatesStore } from '../../state/certificates/store';
import { useMessages } from '../../state/preferences-store';

const STATUSES = certificateListItemStatusSchema.options;
const TYPES = ksefCertificateTypeSchema.options;

/** Status, type, part of the name and "expires before"; applied with the button, from the first page. */
export function FiltersForm() {
  const t = useMessages();
  const c = useCertificatesMessages();
  const list = useCertificatesStore((s) => s.list);
  const current = list.status === 'idle' ? NO_FILTERS : list.filters;
  const [status, setStatus] = useState<CertificateListItemStatus | ''>(current.status ?? '');
  const [type, setType] = useState<KsefCertificateType | ''>(current.type ?? '');
  const [name, setName] = useState(current.name);
  const [expiresBefore, setExpiresBefore] = useState(current.expiresBefore ?? '');
  const ids = { status: useId(), type: useId(), name: useId(), expires: useId(), expiresHint: useId() };
  const busy = list.status === 'loading';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void applyFilters({
      status: status === '' ? null : status,
      type: type === '' ? null : type,
      name,
      expiresBefore: /^\d{4}-\d{2}-\d{2}$/.test(expiresBefore) ? expiresBefore : null,
    });
  };
  const onReset = () => {
    setStatus('');
    setType('');
    setName('');
    setExpiresBefore('');
    void applyFilters(NO_FILTERS);
  };

  return (
    <form className="cert-filters" noValidate onSubmit={onSubmit} aria-label={c.filters.label}>
      <div className="field">
        <label htmlFor={ids.status}>{c.filters.status}</label>
        <select
          id={ids.status}
          value={status}
          onChange={(e) =>
            setStatus(e.target.value === '' ? '' : certificateListItemStatusSchema.parse(e.target.value))
          }
        >
          <option value="">{c.filters.any}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {c.statusNames[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.type}>{c.filters.type}</label>
        <select
          id={ids.type}
          value={type}
          onChange={(e) => setType(e.target.value === '' ? '' : ksefCertificateTypeSchema.parse(e.target.value))}
        >
          <option value="">{c.filters.any}</option>
          {TYPES.map((s) => (
            <option key={s} value={s}>
              {t.certificate.purposes[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.name}>{c.filters.name}</label>
        <input
          id={ids.name}
          className="text-input"
          type="search"
          autoComplete="off"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.expires}>{c.filters.expiresBefore}</label>
        <input
          id={ids.expires}
          className="text-input"
          type="date"
          value={expiresBefore}
          aria-describedby={ids.expiresHint}
          onChange={(e) => setExpiresBefore(e.target.value)}
        />
        <p id={ids.expiresHint} className="hint">
          {c.filters.expiresBeforeHint}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {c.filters.apply}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onReset}>
          {c.filters.reset}
        </button>
      </div>
    </form>
  );
}
