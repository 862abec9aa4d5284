import type { Messages } from './he.js';

// Typed keys: t('contacts.title') is checked, and t(`errors.${code}`) fails to compile if a code has no text.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
