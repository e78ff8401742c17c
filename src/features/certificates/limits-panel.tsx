import { useCertificatesMessages } from '../../state/certificates/messages';
import { useCertificatesStore } from '../../state/certificates/store';

/** GET /certificates/limits in words: how many more may be requested, how many more may be active. */
export function LimitsPanel() {
  const c = useCertificatesMessages();
  const limits = useCertificatesStore((s) => s.limits);
  if (limits.status !== 'done') return null;
  const { canRequest, enrollment, certificate } = limits.limits;
  return (
    <section className="panel" aria-labelledby="certificates-limits-heading">
      <h2 id="certificates-limits-heading">{c.limitsHeading}</h2>
      <ul className="cert-limits">
        <li data-limit="enrollment">{c.enrollmentLimit(enrollment.remaining, enrollment.limit)}</li>
        <li data-limit="certificate">{c.activeLimit(certificate.remaining, certificate.limit)}</li>
      </ul>
      {!canRequest && <p className="cert-warning">{c.cannotRequest}</p>}
    </section>
  );
}
