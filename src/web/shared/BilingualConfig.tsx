import { ConfigProvider } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyDocumentLanguage, type Language } from '../app/i18n.js';

// antd's locale files are ES modules typed as CommonJS (see main.tsx).
const zhCN = 'default' in zhCNModule ? zhCNModule.default : zhCNModule;
const enUS = 'default' in enUSModule ? enUSModule.default : enUSModule;

const PageLanguage = createContext<Language>('zh-CN');

/**
 * A page that ships in Chinese and English (the public pages, the partner's): antd's own words (pagination,
 * pickers, empty states), the document's `lang` and the dates follow the chosen language while it is shown; on
 * leaving it the app is Chinese again.
 */
export function BilingualConfig({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  useEffect(() => {
    applyDocumentLanguage(language);
    return () => applyDocumentLanguage('zh-CN');
  }, [language]);
  return (
    <PageLanguage.Provider value={language}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN}>{children}</ConfigProvider>
    </PageLanguage.Provider>
  );
}

/**
 * `useTranslation` for a component that bilingual and Chinese-only pages share (the 公示 as the province previews
 * it, the password fields): inside `BilingualConfig` the chosen language, elsewhere Chinese.
 */
export function usePageTranslation(namespace: string) {
  return useTranslation(namespace, { lng: useContext(PageLanguage) });
}
