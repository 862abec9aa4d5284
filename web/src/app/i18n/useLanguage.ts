import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../src/domain/users/schema.js';
import { saveLocale } from '../../features/auth/api.js';
import { sessionKey } from '../queryClient.js';
import { defaultLocale, isLocale, storeLocale, type Locale } from './i18n.js';

/** The current language and a setter that flips the layout and remembers the choice here and on the server. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const language: Locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLocale;

  const setLanguage = useCallback(
    (locale: Locale) => {
      storeLocale(locale);
      void i18n.changeLanguage(locale); // LocaleSync turns this into <html dir lang> and Mantine's direction
      const session = queryClient.getQueryData<SessionInfo | null>(sessionKey);
      if (!session || session.user.locale === locale) return;
      queryClient.setQueryData<SessionInfo>(sessionKey, { ...session, user: { ...session.user, locale } });
      // The choice is already kept in this browser; the server copy is only for the next device.
      saveLocale(locale).catch(() => undefined);
    },
    [i18n, queryClient],
  );

  return { language, setLanguage };
}
