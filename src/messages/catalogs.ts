import { z } from '../lib/zod-mini';
import { pl, type Messages } from './pl';

export type { Messages };

/** The languages of the app; Polish is the default. */
export const languageSchema = z.enum(['pl', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const DEFAULT_LANGUAGE: Language = 'pl';

/** The default catalog, part of the first paint. */
export const defaultCatalog: Messages = pl;

/** Each language named in itself, for the switch (before its catalog is loaded). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { pl: 'Polski', en: 'English' };

/**
 * The catalog of `language`. Polish comes with the first paint; English is a chunk of its own, loaded
 * when chosen, so Polish users do not download it.
 */
export async function loadCatalog(language: Language): Promise<Messages> {
  return language === 'pl' ? pl : (await import('./en')).en;
}
