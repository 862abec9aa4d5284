import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/i18n/useLanguage.js';
import type { Messages } from '../../app/i18n/he.js';
import type { FieldDef, FieldOption } from './types.js';

type BuiltinKey = keyof Messages['grid']['fields'];
type ValueGroups = Messages['grid']['values'];

/** Labels in the current language: a field's name, a select value's or option's label. */
export function useFieldText() {
  const { t } = useTranslation();
  const { language } = useLanguage();

  const optionLabel = useCallback((o: FieldOption) => (language === 'he' ? o.labelHe || o.labelEn : o.labelEn || o.labelHe), [language]);

  const fieldLabel = useCallback(
    (field: Pick<FieldDef, 'key' | 'labelHe' | 'labelEn'>) => {
      const own = language === 'he' ? (field.labelHe ?? field.labelEn) : (field.labelEn ?? field.labelHe);
      if (own) return own;
      const builtins: unknown = t('grid.fields', { returnObjects: true });
      return typeof builtins === 'object' && builtins !== null && field.key in builtins ? t(`grid.fields.${field.key as BuiltinKey}`) : field.key;
    },
    [t, language],
  );

  /** The label of one value of a select-like field (a built-in value or a custom option id). */
  const valueLabel = useCallback(
    (field: FieldDef, value: string) => {
      const option = field.options?.find((o) => o.id === value);
      if (option) return optionLabel(option);
      const groups: unknown = t('grid.values', { returnObjects: true });
      const group = typeof groups === 'object' && groups !== null ? (groups as Record<string, Record<string, string> | undefined>)[field.key] : undefined;
      return group && value in group ? t(`grid.values.${field.key as keyof ValueGroups}.${value}` as never) : value;
    },
    [t, optionLabel],
  );

  /** Options for a select input over a field's values or options. */
  const choices = useCallback(
    (field: FieldDef) =>
      field.options?.length
        ? field.options.filter((o) => !o.archived).map((o) => ({ value: o.id, label: optionLabel(o) }))
        : (field.values ?? []).map((v) => ({ value: v, label: valueLabel(field, v) })),
    [optionLabel, valueLabel],
  );

  return { fieldLabel, valueLabel, optionLabel, choices, language };
}
