import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../../src/domain/workspaces/schema.js';
import { en } from './en.js';
import { he } from './he.js';

export type { Locale };
export const locales = ['he', 'en'] as const satisfies readonly Locale[];
export const defaultLocale: Locale = 'he';
export const resources = { he: { translation: he }, en: { translation: en } };

const storageKey = 'kesher.locale';

export const directionOf = (locale: Locale) => (locale === 'he' ? 'rtl' : 'ltr');
export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** The language the user picked in this browser, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale) {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Private mode without storage: the server still remembers the choice after login.
  }
}

/** Sets <html lang dir>; Mantine's DirectionProvider follows the dir attribute. */
export function applyDocumentLocale(locale: Locale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

export const currentLocale = (): Locale => (isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLocale);

export function initI18n(locale: Locale) {
  i18n.on('languageChanged', (lng) => {
    applyDocumentLocale(isLocale(lng) ? lng : defaultLocale);
    document.title = i18n.t('app.name');
  });
  void i18n.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLocale(locale);
  document.title = i18n.t('app.name');
  return i18n;
}

export { i18n };
