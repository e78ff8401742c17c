import { z } from '../lib/zod-mini';
import { parseJsonOrUndefined } from '../lib/json';
import { create } from 'zustand';
import {
  DEFAULT_LANGUAGE,
  defaultCatalog,
  languageSchema,
  loadCatalog,
  type Language,
  type Messages,
} from '../messages/catalogs';

/**
 * The one thing the app keeps in browser storage: the language choice, under one key. Nothing else
 * is ever persisted (keys, passwords and files live in memory only).
 */
export const PREFERENCES_STORAGE_KEY = 'ksef-cert.preferences';

const storedPreferencesSchema = z.object({ language: languageSchema });

interface PreferencesState {
  readonly language: Language;
  /** The catalog of `language`, loaded. */
  readonly messages: Messages;
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
  const parsed = storedPreferencesSchema.safeParse(parseJsonOrUndefined(raw));
  return parsed.success ? parsed.data.language : DEFAULT_LANGUAGE;
}

export const usePreferencesStore = create<PreferencesState>()(() => ({
  language: DEFAULT_LANGUAGE,
  messages: defaultCatalog,
}));

/** Applies the remembered language before the first render (its catalog may need loading). */
export async function startPreferences(): Promise<void> {
  const language = readStoredLanguage();
  if (language !== DEFAULT_LANGUAGE) await applyLanguage(language);
}

/** Switches the language once its catalog is loaded, and remembers the choice. */
export async function setLanguage(language: Language): Promise<void> {
  if (!(await applyLanguage(language))) return;
  try {
    window.localStorage.setItem(PREFERENCES_STORAGE_KEY, JSON.stringify({ language }));
  } catch (cause) {
    if (!(cause instanceof DOMException)) throw cause;
  }
}

/** Loads the catalog and switches to it; `false` (the language stays) when the catalog cannot be loaded. */
async function applyLanguage(language: Language): Promise<boolean> {
  let messages: Messages;
  try {
    messages = await loadCatalog(language);
  } catch (cause) {
    // A failed chunk load (offline, a new deployment) is a TypeError: keep the current language.
    if (cause instanceof TypeError) return false;
    throw cause;
  }
  usePreferencesStore.setState({ language, messages });
  return true;
}

export function useLanguage(): Language {
  return usePreferencesStore((s) => s.language);
}

/** The catalog of the current language. */
export function useMessages(): Messages {
  return usePreferencesStore((s) => s.messages);
}
