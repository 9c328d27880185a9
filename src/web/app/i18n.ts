import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// zh-CN is the platform's language; the pages a foreign partner or the public opens also ship in English (issue 15
// §5). Each feature registers its own strings with `addTranslations`, so a role's strings travel in its own chunk;
// only those pages import this module, so i18next is no part of the signed-in pages' download.

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'shenbao.language';

/** The language the visitor chose on this browser with the switch, if any. */
export function chosenLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : null;
  } catch {
    return null;
  }
}

void i18n.use(initReactI18next).init({
  lng: chosenLanguage() ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  resources: {},
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

/**
 * The document's language and dayjs's (antd's dates) while a page that ships in both is shown
 * (`BilingualConfig`); every other page is Chinese, whatever was chosen there.
 */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

/** Switches every page's language and remembers the choice on this browser. */
export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // A browser that refuses storage keeps the choice for this page only.
  }
  void i18n.changeLanguage(language);
}

/** The strings of one namespace in every language; call at module load, before the first render that uses it. */
export function addTranslations(
  namespace: string,
  strings: Readonly<Record<Language, Record<string, unknown>>>,
): void {
  for (const language of LANGUAGES)
    i18n.addResourceBundle(language, namespace, strings[language], true, true);
}

export { i18n };
