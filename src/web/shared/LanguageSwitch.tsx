import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../app/i18n.js';

const OPTIONS: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** 中文 / English, on the pages that ship in both. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label="语言 / Language"
      options={OPTIONS}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={setLanguage}
    />
  );
}
