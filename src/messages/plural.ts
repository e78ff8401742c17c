/**
 * Picks the grammatical form of a count. Polish has three forms for most nouns (1 plik, 2 pliki,
 * 5 plików); English has two. `Intl.PluralRules` knows the rules, so no hand-written table.
 */
export function plural(
  locale: string,
  count: number,
  forms: { one: string; few?: string; many?: string; other: string },
): string {
  const category = new Intl.PluralRules(locale).select(count);
  switch (category) {
    case 'one':
      return forms.one;
    case 'few':
      return forms.few ?? forms.other;
    case 'many':
      return forms.many ?? forms.other;
    default:
      return forms.other;
  }
}
