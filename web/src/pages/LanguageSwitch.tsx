import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { languages, type Language } from '../messages';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('language')}
      data-testid="language"
      value={i18n.language as Language}
      onChange={(language: Language) => changeLanguage(language)}
      options={languages.map((l) => ({ value: l.code, label: l.label }))}
      style={{ width: 140 }}
    />
  );
}
