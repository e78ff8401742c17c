import { z } from 'zod';
import { create } from 'zustand';
import { catalogs, DEFAULT_LANGUAGE, languageSchema, type Language, type Messages } from '../messages/catalogs';

/**
 * The one thing the app keeps in browser storage: the language choice, under one key. Nothing else
 * is ever persisted (keys, passwords and files live in memory only).
 */
export const PREFERENCES_STORAGE_KEY = 'ksef-cert.preferences';

const storedPreferencesSchema = z.object({ language: languageSchema });

interface PreferencesState {
  readonly language: Language;
}

function readStoredLanguage(): Language {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(PREFERENCES_STORAGE_KEY);
  } catch (cause) {
    // Storage can be disabled (privacy settings); the app still works, in the default language.
    if (cause instanceof DOMException) return DEFAULT_LANGUAGE;
    throw cause;
  }
  if (raw === null) return DEFAULT_LANGUAGE;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    if (cause instanceof SyntaxError) return DEFAULT_LANGUAGE;
    throw cause;
  }
  const parsed = storedPreferencesSchema.safeParse(json);
  return parsed.success ? parsed.data.language : DEFAULT_LANGUAGE;
}

export const usePreferencesStore = create<PreferencesState>()(() => ({ language: readStoredLanguage() }));

/** Switches the language and remembers the choice. */
export function setLanguage(language: Language): void {
  usePreferencesStore.setState({ language });
  try {
    window.localStorage.setItem(PREFERENCES_STORAGE_KEY, JSON.stringify({ language }));
  } catch (cause) {
    if (!(cause instanceof DOMException)) throw cause;
  }
}

export function useLanguage(): Language {
  return usePreferencesStore((s) => s.language);
}

/** The catalog of the current language. */
export function useMessages(): Messages {
  return catalogs[useLanguage()];
}
