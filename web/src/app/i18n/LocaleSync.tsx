import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../features/auth/useSession.js';
import { defaultLocale, directionOf, isLocale, storedLocale } from './i18n.js';

/**
 * Keeps Mantine's direction in step with the language, and applies the user's saved language after
 * login when this browser has no choice of its own (localStorage wins, then the session, then Hebrew).
 */
export function LocaleSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const sessionLocale = useSession().data?.user.locale;

  useEffect(() => {
    const follow = (lng: string) => setDirection(directionOf(isLocale(lng) ? lng : defaultLocale));
    follow(i18n.resolvedLanguage ?? defaultLocale);
    i18n.on('languageChanged', follow);
    return () => i18n.off('languageChanged', follow);
  }, [i18n, setDirection]);

  useEffect(() => {
    if (sessionLocale && !storedLocale() && sessionLocale !== i18n.resolvedLanguage) void i18n.changeLanguage(sessionLocale);
  }, [i18n, sessionLocale]);

  return null;
}
