import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en';
import { pl } from '../../src/messages/pl';
import { quotedList, sentence } from '../../src/messages/sentence';

describe('sentence', () => {
  it.each([
    ['Zalogowano jako Firma', 'Zalogowano jako Firma.'],
    ['Zalogowano jako Firma sp. z o.o.', 'Zalogowano jako Firma sp. z o.o.'],
    ['Really?', 'Really?'],
  ])('%j', (text, expected) => {
    expect(sentence(text)).toBe(expected);
  });

  it('a subject ending in a period is not followed by a second one, in both catalogs', () => {
    expect(pl.apply.signIn.done('Księgowość Żółw sp. z o.o.')).toBe('Zalogowano jako Księgowość Żółw sp. z o.o.');
    expect(en.apply.signIn.done('Zolw Ltd.')).toBe('Signed in as Zolw Ltd.');
    expect(en.apply.signIn.done('Jan Kowalski')).toBe('Signed in as Jan Kowalski.');
  });
});

describe('quotedList', () => {
  it('quotes each character in the locale’s marks and joins them as the language does', () => {
    expect(quotedList('pl-PL', ['/', '.', '?'])).toBe('„/”, „.” i „?”');
    expect(quotedList('en-GB', ['/', '.'])).toBe('“/” and “.”');
  });

  it('names an invisible character by its code point', () => {
    expect(quotedList('en-GB', ['\u200b'])).toBe('U+200B');
  });
});
