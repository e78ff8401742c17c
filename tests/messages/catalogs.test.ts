import { describe, expect, it } from 'vitest';
import { certificatesEn } from '../../src/messages/certificates-en';
import { certificatesPl } from '../../src/messages/certificates-pl';
import { en } from '../../src/messages/en';
import { pl } from '../../src/messages/pl';
import { offlineLinkEn } from '../../src/messages/offline-link-en';
import { offlineLinkPl } from '../../src/messages/offline-link-pl';

/** Every leaf of a catalog as `path -> value`. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path === '' ? key : `${path}.${key}`));
  }
  return [[path, value]];
}

describe('message catalogs', () => {
  it.each([
    { name: 'the app', plCatalog: pl, enCatalog: en },
    { name: 'the certificates screen', plCatalog: certificatesPl, enCatalog: certificatesEn },
    { name: 'the offline-link screen', plCatalog: offlineLinkPl, enCatalog: offlineLinkEn },
  ])('$name: have the same keys, and each text is non-empty in both', ({ plCatalog, enCatalog }) => {
    const plLeaves = leaves(plCatalog);
    const enLeaves = leaves(enCatalog);
    expect(enLeaves.map(([path]) => path).sort()).toEqual(plLeaves.map(([path]) => path).sort());
    for (const [path, text] of [...plLeaves, ...enLeaves]) {
      const sample = typeof text === 'function' ? String(Reflect.apply(text, undefined, ['x', 2])) : text;
      expect(typeof sample === 'string' && sample.trim() !== '', path).toBe(true);
    }
  });

  it('uses Polish plural forms', () => {
    expect(pl.check.filesCount(1)).toBe('1 plik');
    expect(pl.check.filesCount(3)).toBe('3 pliki');
    expect(pl.check.filesCount(5)).toBe('5 plików');
    expect(pl.check.filesCount(22)).toBe('22 pliki');
    expect(pl.certificate.validFor(1)).toBe('ważny jeszcze 1 dzień');
    expect(pl.certificate.validFor(729)).toBe('ważny jeszcze 729 dni');
    expect(en.certificate.expired(1)).toBe('expired 1 day ago');
    expect(certificatesPl.hiddenByExpiry(1)).toBe('1 certyfikat tej strony ukryto filtrem „wygasa przed”.');
    expect(certificatesPl.hiddenByExpiry(5)).toMatch(/^5 certyfikatów /);
    expect(certificatesPl.daysLeft(2)).toBe('zostało 2 dni');
  });
});
