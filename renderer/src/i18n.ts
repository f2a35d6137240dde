import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messages, type Locale } from '../../shared/i18n/catalog';
import { MESSAGE_FORMATS } from '../../shared/i18n/interpolation';

const LOCALE_KEY = 'tthc-locale';

export function savedLocale(): Locale {
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
}

export function changeLocale(locale: Locale): void {
  localStorage.setItem(LOCALE_KEY, locale);
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

// index.html says vi; a saved English choice must say en from the start (screen readers, hyphenation, the e2e watch).
document.documentElement.lang = savedLocale();
void i18next.use(initReactI18next).init({
  resources: { vi: { translation: messages.vi }, en: { translation: messages.en } },
  lng: savedLocale(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
for (const [name, format] of Object.entries(MESSAGE_FORMATS)) i18next.services.formatter?.add(name, format);

export { i18next };
