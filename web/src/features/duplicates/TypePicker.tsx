import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { duplicateTypes, type DuplicateType } from './api.js';

/** Contacts or companies: the record type a duplicates screen works on. */
export function TypePicker({ value, onChange, testId }: { value: DuplicateType; onChange: (type: DuplicateType) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('duplicates.typeLabel')}
      value={value}
      onChange={(v) => onChange(v as DuplicateType)}
      data={duplicateTypes.map((v) => ({ value: v, label: t(`duplicates.types.${v}`) }))}
      style={{ alignSelf: 'flex-start' }}
      data-testid={testId}
    />
  );
}
