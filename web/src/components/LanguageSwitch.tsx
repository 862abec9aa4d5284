import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocale, locales } from '../app/i18n/i18n.js';
import { useLanguage } from '../app/i18n/useLanguage.js';

/** עברית ⇄ English; each language is written in its own script so it can be found in either. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <SegmentedControl
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size="xs"
      value={language}
      onChange={(value) => isLocale(value) && setLanguage(value)}
      data={locales.map((locale) => ({
        value: locale,
        label: (
          <span data-testid={`lang-${locale}`} lang={locale}>
            {t(`language.${locale}`)}
          </span>
        ),
      }))}
    />
  );
}
