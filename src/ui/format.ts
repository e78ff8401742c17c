/** Display formats shared by the screens: dates, sizes and fingerprints in the user's language. */

export function formatDateTime(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export function formatFileSize(locale: string, bytes: number): string {
  // Intl spells bytes out in English ("399 byte"); "B" reads the same in both languages.
  if (bytes < 1024) return `${new Intl.NumberFormat(locale).format(bytes)} B`;
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** `AB12CD...` -> `AB:12:CD:...`, the way certificate tools print fingerprints. */
export function formatFingerprint(hex: string): string {
  return (hex.match(/.{1,2}/g) ?? []).join(':');
}
