/**
 * An iCalendar reminder of a certificate's expiry (RFC 5545): two all-day events, 30 and 7 days
 * before `notAfter` (by its UTC date), each with a display alarm at 09:00 of that day. Lines end with
 * CRLF and are folded at 75 octets (§3.1) without splitting a UTF-8 character.
 */

/** What the reminder says; the texts are the UI's copy (pl or en). */
export interface ReminderInput {
  readonly notAfter: Date;
  /** Unique per certificate, e.g. its serial number; goes into each event's UID. */
  readonly uidSeed: string;
  /** DTSTAMP. */
  readonly now: Date;
  readonly summary30: string;
  readonly summary7: string;
  readonly description?: string;
}

const DAY_MS = 86_400_000;
const MAX_OCTETS = 75;

/** The `.ics` text. */
export function buildReminderIcs(input: ReminderInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ksef-cert//certificate reminder//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...event(input, 30, input.summary30),
    ...event(input, 7, input.summary7),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function event(input: ReminderInput, daysBefore: number, summary: string): string[] {
  const expiryDay = Date.UTC(
    input.notAfter.getUTCFullYear(),
    input.notAfter.getUTCMonth(),
    input.notAfter.getUTCDate(),
  );
  const start = new Date(expiryDay - daysBefore * DAY_MS);
  const end = new Date(start.getTime() + DAY_MS);
  const uidPart = input.uidSeed.replace(/[^A-Za-z0-9-]/g, '') || 'certificate';
  return [
    'BEGIN:VEVENT',
    `UID:${uidPart}-${daysBefore}d@ksef-cert`,
    `DTSTAMP:${utcDateTime(input.now)}`,
    `DTSTART;VALUE=DATE:${utcDate(start)}`,
    `DTEND;VALUE=DATE:${utcDate(end)}`,
    `SUMMARY:${escapeText(summary)}`,
    ...(input.description === undefined ? [] : [`DESCRIPTION:${escapeText(input.description)}`]),
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT9H',
    `DESCRIPTION:${escapeText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/** `YYYYMMDD` of the UTC date. */
function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/** `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5, form 2). */
function utcDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT escaping (§3.3.11): backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into pieces of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines begin with one space, which counts towards their 75 octets.
    const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}
