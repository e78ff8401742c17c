import { describe, expect, it } from 'vitest';
import { revocationText } from '../../../src/features/check/revocation-check';
import { en } from '../../../src/messages/en';
import { pl } from '../../../src/messages/pl';
import type { RevocationOutcome } from '../../../src/state/check/revocation';
import { formatDateTime } from '../../../src/ui/format';

const thisUpdate = new Date('2026-12-01T10:00:00Z');
const nextUpdate = new Date('2026-12-08T10:00:00Z');
const checked = (over: Partial<Extract<RevocationOutcome, { kind: 'checked' }>>): RevocationOutcome => ({
  kind: 'checked',
  revoked: null,
  signature: 'valid',
  freshness: 'current',
  thisUpdate,
  nextUpdate,
  ...over,
});

describe('revocationText', () => {
  it('revoked: the date and the reason, then the signature', () => {
    const revocationDate = new Date('2026-11-30T08:00:00Z');
    const outcome = checked({ revoked: { serialHex: '01', revocationDate, reason: 'keyCompromise' } });
    expect(revocationText(en, outcome).tone).toBe('error');
    expect(revocationText(en, outcome).lines).toEqual([
      `The certificate is revoked (since ${formatDateTime(en.locale, revocationDate)}).`,
      'Reason: private key compromised.',
      en.check.revocation.signatures.valid,
    ]);
    expect(revocationText(pl, outcome).lines[0]).toBe(
      `Certyfikat jest unieważniony (od ${formatDateTime(pl.locale, revocationDate)}).`,
    );
  });

  it('revoked without a reason says none; not revoked says of which list, and whether its signature was checked', () => {
    const revocationDate = new Date('2026-11-30T08:00:00Z');
    expect(
      revocationText(en, checked({ revoked: { serialHex: '01', revocationDate, reason: null } })).lines,
    ).toHaveLength(2);
    const notVerified = revocationText(en, checked({ signature: 'no-issuer-certificate' }));
    expect(notVerified.tone).toBe('neutral');
    expect(notVerified.lines).toEqual([
      `The certificate is not revoked according to KSeF’s list of ${formatDateTime(en.locale, thisUpdate)}.`,
      en.check.revocation.signatures['no-issuer-certificate'],
    ]);
    expect(revocationText(en, checked({})).tone).toBe('ok');
  });

  it('a stale or future list is said so', () => {
    expect(revocationText(en, checked({ freshness: 'stale' })).lines.at(-1)).toBe(
      `The list is out of date: KSeF was to issue the next one by ${formatDateTime(en.locale, nextUpdate)}.`,
    );
    expect(revocationText(pl, checked({ freshness: 'not-yet-valid' })).lines.at(-1)).toBe(
      pl.check.revocation.notYetValid,
    );
  });

  it('could not check: why, in words of its own', () => {
    const failed = (failure: Extract<RevocationOutcome, { kind: 'failed' }>['failure']): RevocationOutcome => ({
      kind: 'failed',
      failure,
    });
    expect(revocationText(en, failed({ kind: 'ksef-unreachable' }))).toEqual({
      tone: 'error',
      lines: [en.check.revocation.failed, 'KSeF is not answering; try again later.'],
    });
    expect(revocationText(pl, failed({ kind: 'status', status: 429 })).lines[1]).toBe('Serwer odpowiedział kodem 429.');
    expect(revocationText(en, failed({ kind: 'unreadable', code: 'not-a-crl' })).lines[1]).toBe(
      en.cryptoErrors['not-a-crl'],
    );
  });
});
