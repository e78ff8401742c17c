import { useId, type ReactNode } from 'react';
import type { CertificateSummary } from '../crypto/certificate-summary';
import { describeKeyType } from '../crypto/key-type';
import { type CertificateClass, classifyCertificate } from '../crypto/ksef-profile';
import type { PairResult } from '../crypto/pair';
import type { Messages } from '../messages/catalogs';
import { useMessages } from '../state/preferences-store';
import { formatDateTime, formatFingerprint } from './format';
import { FactList } from './fact-list';

function validityText(t: Messages, c: CertificateSummary): string {
  switch (c.validity) {
    case 'valid':
      return t.certificate.validFor(c.daysRemaining);
    case 'expired':
      return t.certificate.expired(Math.abs(c.daysRemaining));
    case 'not-yet-valid':
      return t.certificate.notYetValid;
  }
}

function keyTypeText(t: Messages, c: CertificateSummary): string {
  return c.keyType.kind === 'other' ? t.certificate.otherKey(c.keyType.algorithmOid) : describeKeyType(c.keyType);
}

/** The purpose row and, for a KSeF certificate, the environment row (`classifyCertificate`). */
function kindRows(t: Messages, kind: CertificateClass): [string, ReactNode][] {
  if (kind.kind === 'not-ksef')
    return [[t.certificate.purpose, `${t.certificate.notKsef}: ${t.certificate.notKsefKinds[kind.what]}`]];
  const environment =
    kind.environment === 'test-or-demo' ? (
      <>
        {t.certificate.environments[kind.environment]} <span className="hint">{t.certificate.testOrDemoHint}</span>
      </>
    ) : (
      t.certificate.environments[kind.environment]
    );
  return [
    [t.certificate.purpose, t.certificate.purposes[kind.purpose]],
    [t.certificate.environment, environment],
  ];
}

interface CertificateCardProps {
  readonly certificate: CertificateSummary;
  /** Where the certificate came from, in words (the file it was read from, or KSeF and where it was saved). */
  readonly source: string;
  /** The pair check against the key, once it ran. */
  readonly pair: PairResult | null;
  readonly children?: ReactNode;
}

/** What a certificate is, in the words a taxpayer uses: owner, KSeF type and environment, validity. */
export function CertificateCard({ certificate: c, source, pair, children }: CertificateCardProps) {
  const t = useMessages();
  const headingId = useId();
  const rows: readonly [string, ReactNode][] = [
    [t.certificate.owner, c.ownerName ?? t.certificate.noOwner],
    ...kindRows(t, classifyCertificate(c)),
    [t.certificate.serial, <code key="serial">{c.serialHex}</code>],
    [
      t.certificate.validity,
      <>
        {t.certificate.range(formatDateTime(t.locale, c.notBefore), formatDateTime(t.locale, c.notAfter))}{' '}
        <span className={`validity validity-${c.validity}`}>({validityText(t, c)})</span>
      </>,
    ],
    [t.certificate.keyType, keyTypeText(t, c)],
    [t.certificate.subject, c.subjectText],
    [t.certificate.issuer, c.issuerText],
    [t.certificate.selfSigned, c.selfSigned ? t.certificate.yes : t.certificate.no],
    [
      t.certificate.fingerprint,
      <code key="fp" className="fingerprint">
        {formatFingerprint(c.sha256Fingerprint)}
      </code>,
    ],
  ];
  return (
    <article className="panel certificate-card" aria-labelledby={headingId}>
      <header className="certificate-header">
        <h3 id={headingId}>
          {c.ownerName === null ? t.certificate.headingNoOwner : t.certificate.heading(c.ownerName)}
        </h3>
        <p className="hint">{source}</p>
        {pair !== null && (
          <p className={pair.match ? 'badge badge-ok' : 'badge badge-bad'}>
            <span aria-hidden="true">{pair.match ? '✓ ' : '✗ '}</span>
            {pair.match ? t.check.pairBadge : `${t.check.noPairBadge}: ${t.check.reasons[pair.reason]}`}
          </p>
        )}
      </header>
      <FactList facts={rows} />
      {children}
    </article>
  );
}
