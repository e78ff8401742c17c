import { useState } from 'react';
import type { CertificateSummary } from '../../crypto/certificate-summary';
import type { Messages } from '../../messages/catalogs';
import { problemText } from '../../messages/problem-text';
import {
  checkRevocationOnline,
  crlRelayPath,
  type RevocationCheck as CheckState,
  type RevocationOutcome,
} from '../../state/check/revocation';
import { useMessages } from '../../state/preferences-store';
import { formatDateTime } from '../../ui/format';

/** The outcome in words: the verdict first, then the list's signature and freshness. */
export function revocationText(t: Messages, outcome: RevocationOutcome): { tone: string; lines: string[] } {
  const r = t.check.revocation;
  const date = (d: Date) => formatDateTime(t.locale, d);
  if (outcome.kind === 'failed') {
    const { failure } = outcome;
    const why =
      failure.kind === 'status'
        ? r.failures.status(failure.status)
        : failure.kind === 'unreadable'
          ? problemText(t, { source: 'crypto', code: failure.code })
          : r.failures[failure.kind];
    return { tone: 'error', lines: [r.failed, why] };
  }
  const verdict =
    outcome.revoked === null
      ? [r.notRevoked(date(outcome.thisUpdate))]
      : [
          r.revoked(date(outcome.revoked.revocationDate)),
          ...(outcome.revoked.reason === null ? [] : [r.reason(r.reasons[outcome.revoked.reason])]),
        ];
  const freshness =
    outcome.freshness === 'stale' && outcome.nextUpdate !== null
      ? [r.stale(date(outcome.nextUpdate))]
      : outcome.freshness === 'not-yet-valid'
        ? [r.notYetValid]
        : [];
  const tone = outcome.revoked !== null ? 'error' : outcome.signature === 'valid' ? 'ok' : 'neutral';
  return { tone, lines: [...verdict, r.signatures[outcome.signature], ...freshness] };
}

interface RevocationCheckProps {
  readonly certificate: CertificateSummary;
  /** Every certificate opened, where the CRL's issuer may be. */
  readonly candidates: readonly CertificateSummary[];
}

/**
 * For a KSeF certificate whose CRL this server relays: a button that asks KSeF's CRL whether it is
 * revoked (`checkRevocationOnline`). Nothing is fetched until it is pressed.
 */
export function RevocationCheck({ certificate, candidates }: RevocationCheckProps) {
  const t = useMessages();
  const [check, setCheck] = useState<CheckState>({ status: 'idle' });
  const path = crlRelayPath(certificate);
  if (path === null) return null;
  const run = async () => {
    setCheck({ status: 'running' });
    const outcome = await checkRevocationOnline(certificate, path, candidates, { origin: location.origin });
    setCheck({ status: 'done', outcome });
  };
  const result = check.status === 'done' ? revocationText(t, check.outcome) : null;
  return (
    <section className="revocation-check" data-revocation={check.status === 'done' ? check.outcome.kind : check.status}>
      <p className="hint">{t.check.revocation.sends}</p>
      <button type="button" className="button" disabled={check.status === 'running'} onClick={() => void run()}>
        {check.status === 'done' ? t.check.revocation.again : t.check.revocation.button}
      </button>
      <div role="status" aria-live="polite" className={result === null ? undefined : `tone-${result.tone}`}>
        {check.status === 'running' && <p>{t.check.revocation.running}</p>}
        {result?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </section>
  );
}
