import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import 'dayjs/locale/uk';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messages, type Language } from './messages';

const STORAGE_KEY = 'crm.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'ru' || saved === 'uk') {
    return saved;
  }
  const browser = navigator.language.slice(0, 2);
  return browser === 'ru' || browser === 'uk' ? browser : 'en';
}

i18n.on('languageChanged', (language) => {
  // date pickers name months and weekdays, and start the week, as the language does (antd's locale has only its texts)
  dayjs.locale(language);
  // the services answer in it too (api.ts sends it as Accept-Language)
  document.documentElement.lang = language;
});

i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(messages).map(([code, texts]) => [code, { translation: texts }])),
  lng: initialLanguage(),
  fallbackLng: 'en',
  keySeparator: false,
  interpolation: { escapeValue: false },
});

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

export default i18n;
