import { LANGUAGE_NAMES, type Language } from '../messages/catalogs';
import { setLanguage, useLanguage, useMessages } from '../state/preferences-store';

const LANGUAGES: readonly Language[] = ['pl', 'en'];

/** Two toggle buttons; each language is named in itself (and marked with its `lang`). */
export function LanguageSwitch() {
  const t = useMessages();
  const current = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t.app.languageSwitch}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-button"
          aria-pressed={code === current}
          onClick={() => void setLanguage(code)}
        >
          {LANGUAGE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}
