import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../app/i18n.js';

const OPTIONS: { value: Language; label: string; lang: string }[] = [
  { value: 'zh-CN', label: '中文', lang: 'zh-CN' },
  { value: 'en', label: 'English', lang: 'en' },
];

/**
 * 中文 / English, on the pages that ship in both: two toggle buttons (antd's Segmented would add its own code to
 * every public page's first download). Each names itself in its own language.
 */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const current: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <div role="group" aria-label="语言 / Language">
      {OPTIONS.map(({ value, label, lang }) => (
        <Button
          key={value}
          size="small"
          type={value === current ? 'primary' : 'text'}
          lang={lang}
          aria-pressed={value === current}
          onClick={() => setLanguage(value)}
        >
          {label}
        </Button>
      ))}
    </div>
  );
}
