import { z } from 'zod';
import { en } from './en';
import { pl, type Messages } from './pl';

export type { Messages };

/** The languages of the app; Polish is the default. */
export const languageSchema = z.enum(['pl', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const DEFAULT_LANGUAGE: Language = 'pl';

/** Every catalog, by language. */
export const catalogs: Readonly<Record<Language, Messages>> = { pl, en };
