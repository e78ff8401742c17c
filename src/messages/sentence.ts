/**
 * `text` ended with a full stop, unless it already ends with one: a subject such as "Firma sp. z o.o."
 * at the end of a sentence must not read "o.o..".
 */
export function sentence(text: string): string {
  return /[.!?…]$/u.test(text) ? text : `${text}.`;
}

/**
 * The characters a message lists ("remove „a”, „b” and „/”"), each quoted in the locale's quotation
 * marks; an invisible one (a control or format character) is named by its code point instead.
 */
export function quotedList(locale: string, characters: readonly string[]): string {
  const [open, close] = locale.startsWith('pl') ? ['„', '”'] : ['“', '”'];
  const shown = characters.map((c) =>
    /^[\p{C}\p{Z}]$/u.test(c)
      ? `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
      : `${open}${c}${close}`,
  );
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(shown);
}
