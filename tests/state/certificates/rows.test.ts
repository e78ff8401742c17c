import { describe, expect, it } from 'vitest';
import type { CertificateListItem } from '../../../src/ksef/certificate-schemas';
import { NO_FILTERS } from '../../../src/state/certificates/filters';
import { keepExpiringBefore, newestFirst, queryOf, toRow } from '../../../src/state/certificates/rows';

const NOW = new Date('2026-12-02T12:00:00+01:00');
const item = (over: Partial<CertificateListItem>): CertificateListItem => ({
  certificateSerialNumber: '0123456789ABCDEF',
  status: 'Active',
  name: 'Księgowość',
  type: 'Authentication',
  commonName: 'Jan Kowalski',
  subjectIdentifier: { type: 'Pesel', value: '44051401359' },
  validFrom: '2026-01-01T00:00:00+01:00',
  validTo: '2027-01-02T12:00:00+01:00',
  lastUseDate: null,
  requestDate: '2026-01-01T00:00:00+01:00',
  ...over,
});

describe('certificate rows', () => {
  it.each([
    { name: 'far from expiry', over: {}, daysLeft: 31, expiringSoon: false },
    { name: '30 days', over: { validTo: '2027-01-01T12:00:00+01:00' }, daysLeft: 30, expiringSoon: false },
    { name: 'inside 30 days', over: { validTo: '2026-12-31T12:00:00+01:00' }, daysLeft: 29, expiringSoon: true },
    { name: 'last day', over: { validTo: '2026-12-02T18:00:00+01:00' }, daysLeft: 0, expiringSoon: true },
    {
      name: 'revoked, inside 30 days',
      over: { status: 'Revoked' as const, validTo: '2026-12-10T00:00:00+01:00' },
      daysLeft: 7,
      expiringSoon: false,
    },
    { name: 'no validTo from KSeF', over: { validTo: undefined }, daysLeft: null, expiringSoon: false },
  ])('$name: days left $daysLeft, expiring soon $expiringSoon', ({ over, daysLeft, expiringSoon }) => {
    expect(toRow(item(over), NOW)).toMatchObject({ daysLeft, expiringSoon });
  });

  it('keeps what KSeF left out as null, never guessed', () => {
    const row = toRow(
      item({ name: undefined, type: undefined, subjectIdentifier: undefined, lastUseDate: undefined }),
      NOW,
    );
    expect(row).toMatchObject({ name: null, type: null, owner: null, lastUse: null });
    expect(toRow(item({ lastUseDate: '2026-11-30T08:00:00+01:00' }), NOW).lastUse?.toISOString()).toBe(
      '2026-11-30T07:00:00.000Z',
    );
  });

  it('sorts the newest request first, rows without a date last', () => {
    const rows = [
      toRow(item({ certificateSerialNumber: '000000000000000A', requestDate: '2026-01-01T00:00:00+01:00' }), NOW),
      toRow(item({ certificateSerialNumber: '000000000000000B', requestDate: undefined }), NOW),
      toRow(item({ certificateSerialNumber: '000000000000000C', requestDate: '2026-06-01T00:00:00+01:00' }), NOW),
    ];
    expect(newestFirst(rows).map((r) => r.serialNumber)).toEqual([
      '000000000000000C',
      '000000000000000A',
      '000000000000000B',
    ]);
  });

  it('"expires before" keeps rows ending before that local day and counts the rest', () => {
    const rows = [
      toRow(item({ validTo: '2026-12-30T12:00:00+01:00' }), NOW),
      toRow(item({ validTo: '2027-01-01T12:00:00+01:00' }), NOW),
      toRow(item({ validTo: undefined }), NOW),
    ];
    expect(keepExpiringBefore(rows, null)).toEqual({ rows, hidden: 0 });
    const kept = keepExpiringBefore(rows, '2027-01-01');
    expect(kept.hidden).toBe(2);
    expect(kept.rows).toEqual([rows[0]]);
  });

  it('asks KSeF only for the filters it applies, the name trimmed', () => {
    expect(queryOf(NO_FILTERS)).toEqual({});
    expect(queryOf({ status: 'Active', type: 'Offline', name: '  biuro ', expiresBefore: '2027-01-01' })).toEqual({
      status: 'Active',
      type: 'Offline',
      name: 'biuro',
    });
  });
});
