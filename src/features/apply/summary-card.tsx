import { describeKeyType } from '../../crypto/key-type';
import type { SummaryCard as Summary } from '../../state/apply/summary';
import { useMessages } from '../../state/preferences-store';
import { formatDateTime, formatFingerprint } from '../../ui/format';
import { FactList } from '../../ui/fact-list';

/** The printable card: who, what, where, until when, and which files belong to it. */
export function SummaryCard({
  summary,
  referenceNumber,
}: {
  readonly summary: Summary;
  readonly referenceNumber: string | null;
}) {
  const t = useMessages();
  const s = t.apply.result.summary;
  const files = [summary.files.key, summary.files.certificate, summary.files.pfx, summary.files.reminder].filter(
    (f) => f !== null,
  );
  const keyType =
    summary.keyType.kind === 'other'
      ? t.certificate.otherKey(summary.keyType.algorithmOid)
      : describeKeyType(summary.keyType);
  const rows: readonly [string, string][] = [
    [s.owner, summary.owner],
    [t.apply.details.name, summary.certificateName],
    [s.purpose, t.apply.details.purposes[summary.purpose]],
    [s.environment, t.apply.environment.names[summary.environment]],
    [s.serial, summary.serialNumber],
    [
      s.validity,
      t.certificate.range(formatDateTime(t.locale, summary.notBefore), formatDateTime(t.locale, summary.notAfter)),
    ],
    [s.keyType, keyType],
    [t.certificate.fingerprint, formatFingerprint(summary.certificateFingerprint)],
    [s.files, files.join(', ')],
    ...(referenceNumber === null ? [] : [[s.reference, referenceNumber] as [string, string]]),
  ];
  return (
    <section className="panel apply-summary-card" aria-labelledby="summary-heading">
      <h3 id="summary-heading">{t.apply.result.summaryHeading}</h3>
      <FactList facts={rows} />
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t.apply.result.print}
        </button>
      </div>
    </section>
  );
}
