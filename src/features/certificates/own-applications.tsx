import { useCertificatesMessages } from '../../state/certificates/messages';
import { useMemo } from 'react';
import type { KsefEnvironment } from '../../ksef/environments';
import { applicationsOn } from '../../state/certificates/list-actions';
import { useMessages } from '../../state/preferences-store';
import { formatDateTime } from '../../ui/format';

/** This browser's own applications on the environment (the wizard's records), with their reference numbers. */
export function OwnApplications({ environment }: { readonly environment: KsefEnvironment }) {
  const t = useMessages();
  const c = useCertificatesMessages();
  const records = useMemo(() => applicationsOn(environment), [environment]);
  return (
    <section className="panel" aria-labelledby="certificates-own-heading">
      <h2 id="certificates-own-heading">{c.ownHeading}</h2>
      {records.length === 0 ? (
        <p className="hint">{c.ownNone}</p>
      ) : (
        <ul className="cert-own">
          {records.map((record) => (
            <li key={record.id} data-reference={record.referenceNumber}>
              <span className="cert-own-name">{record.certificateName}</span>{' '}
              <span className="hint">
                {t.certificate.purposes[record.certificateType]} ·{' '}
                {formatDateTime(t.locale, new Date(record.createdAt))} · {t.apply.resume.statuses[record.status]}
              </span>
              <br />
              <span>
                {t.apply.resume.reference}: <code>{record.referenceNumber}</code>
                {record.serialNumber !== null && (
                  <>
                    {' · '}
                    {c.serial} <code>{record.serialNumber}</code>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
