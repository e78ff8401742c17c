import { describe, expect, it } from 'vitest';
import { buildReminderIcs, escapeText, foldLine } from '../../../src/state/apply/ics';

const INPUT = {
  notAfter: new Date('2028-03-02T09:59:59Z'),
  uidSeed: '01F20A5D352AE590',
  now: new Date('2026-03-02T10:00:00.123Z'),
  summary30:
    'Certyfikat KSeF „Pieczęć testowa 1” wygasa za 30 dni; odnów go, proszę, zanim wygaśnie — to ważne dla faktur',
  summary7: 'Certificate expires in 7 days',
  description: 'Linia 1\nLinia 2, z przecinkiem',
};

describe('the .ics reminder', () => {
  const ics = buildReminderIcs(INPUT);
  const lines = ics.split('\r\n');

  it('uses CRLF only and folds every line to at most 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('holds two all-day events, 30 and 7 days before expiry, with UID and a UTC DTSTAMP', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20280201\r\n');
    expect(unfolded).toContain('DTEND;VALUE=DATE:20280202\r\n');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20280224\r\n');
    expect(unfolded).toContain('UID:01F20A5D352AE590-30d@ksef-cert\r\n');
    expect(unfolded).toContain('UID:01F20A5D352AE590-7d@ksef-cert\r\n');
    expect(unfolded.match(/DTSTAMP:20260302T100000Z\r\n/g)).toHaveLength(2);
    expect(unfolded).toContain(`SUMMARY:${escapeText(INPUT.summary30)}\r\n`);
    expect(unfolded).toContain('DESCRIPTION:Linia 1\\nLinia 2\\, z przecinkiem\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('folds without splitting a UTF-8 character and unfolds to the original', () => {
    const line = `SUMMARY:${'ż'.repeat(100)}`;
    const folded = foldLine(line);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    for (const piece of folded.split('\r\n')) expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(75);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a;b,c\\d\r\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });
});
