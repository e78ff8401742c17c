import { useCertificatesMessages } from '../../state/certificates/messages';
import type { CertificatesMessages } from '../../messages/certificates-pl';
import type { CertificateRow } from '../../state/certificates/rows';
import { useMessages } from '../../state/preferences-store';

function formatDay(locale: string, date: Date | null, unknown: string): string {
  return date === null ? unknown : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

function daysText(c: CertificatesMessages, row: CertificateRow): string | null {
  if (row.daysLeft === null || row.status !== 'Active') return null;
  return c.daysLeft(row.daysLeft);
}

interface RowProps {
  readonly row: CertificateRow;
  readonly selected: boolean;
  readonly onSelect: (selected: boolean) => void;
  readonly onDownload: () => void;
  readonly onRevoke: () => void;
  readonly onReplace: () => void;
}

/** One certificate: name and serial, type, status in a sentence, owner, validity, last use, actions. */
export function CertificateRowView({ row, selected, onSelect, onDownload, onRevoke, onReplace }: RowProps) {
  const t = useMessages();
  const c = useCertificatesMessages();
  const name = row.name ?? row.serialNumber;
  const attention = row.status !== 'Active' || row.expiringSoon;
  const days = daysText(c, row);
  return (
    <tr
      className={attention ? 'cert-row cert-row-attention' : 'cert-row'}
      data-serial={row.serialNumber}
      data-status={row.status}
      data-expiring={row.expiringSoon}
    >
      <td>
        <input
          type="checkbox"
          className="cert-select"
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={c.selectRow(name)}
        />
      </td>
      <th scope="row" className="cert-name">
        <span>{name}</span>
        <span className="hint">{row.type === null ? c.unknown : t.certificate.purposes[row.type]}</span>
        <span className="hint">
          {c.serial} <code>{row.serialNumber}</code>
        </span>
      </th>
      <td>
        <span className={row.status === 'Active' ? 'badge badge-ok' : 'badge badge-bad'}>
          {c.statusNames[row.status]}
        </span>
        <span className="cert-status-text">{c.statusSentences[row.status]}</span>
        {row.expiringSoon && <strong className="cert-expiring">{c.expiringSoon}</strong>}
      </td>
      <td>{row.owner === null ? c.unknown : `${c.ownerTypes[row.owner.type]} ${row.owner.value}`}</td>
      <td>
        {formatDay(t.locale, row.validFrom, c.unknown)} – {formatDay(t.locale, row.validTo, c.unknown)}
        {days !== null && <span className="hint cert-days">{days}</span>}
      </td>
      <td>{row.lastUse === null ? c.neverUsed : formatDay(t.locale, row.lastUse, '')}</td>
      <td className="cert-row-actions">
        <button type="button" className="button button-quiet" onClick={onDownload}>
          {c.downloadOne}
          <span className="visually-hidden"> {name}</span>
        </button>
        {row.status === 'Active' && row.type !== null && (
          <button type="button" className="button button-quiet" onClick={onReplace}>
            {c.replace.button}
            <span className="visually-hidden"> {name}</span>
          </button>
        )}
        {row.status === 'Active' && (
          <button type="button" className="button button-quiet button-danger" onClick={onRevoke}>
            {c.revoke.button}
            <span className="visually-hidden"> {name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
