import { MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../../app/i18n/textDirection.js';
import { useMembers } from './hooks.js';
import type { FieldDef } from './types.js';
import { useFieldText } from './useFieldText.js';

interface FieldInputProps {
  field: FieldDef;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  /** A list of values (filter "in", multi-select, tags). */
  multiple?: boolean;
  /** A filter on a date-time compares days. */
  dateOnly?: boolean;
  'data-testid'?: string;
  autoFocus?: boolean;
}

/** The input that fits a field's type: text, number, date, select or multi-select, tags, member. */
export function FieldInput({ field, value, onChange, label, multiple, dateOnly, autoFocus, 'data-testid': testId }: FieldInputProps) {
  const { t } = useTranslation();
  const { choices } = useFieldText();
  const members = useMembers();
  const common = { label, 'data-testid': testId, autoFocus, comboboxProps: { withinPortal: true } };
  const list = Array.isArray(value) ? (value as unknown[]).map(String) : [];

  if (field.type === 'member' || field.type === 'select' || field.type === 'multi_select') {
    const data =
      field.type === 'member'
        ? (members.data ?? []).map((m) => ({ value: m.userId, label: m.name || m.email }))
        : choices(field);
    if (multiple || field.type === 'multi_select') return <MultiSelect {...common} data={data} value={list} onChange={onChange} searchable clearable />;
    return <Select {...common} data={data} value={value == null ? null : String(value)} onChange={onChange} searchable clearable />;
  }
  if (field.type === 'tags' || multiple) {
    if (field.type === 'tags' && !multiple) {
      return <TextInput label={label} data-testid={testId} autoFocus={autoFocus} value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} />;
    }
    return <TagsInput {...common} value={list} onChange={onChange} placeholder={t('grid.tagsPlaceholder')} />;
  }
  if (field.type === 'boolean') {
    const data = [
      { value: 'true', label: t('grid.yes') },
      { value: 'false', label: t('grid.no') },
    ];
    return <Select {...common} data={data} value={value == null ? null : String(value)} onChange={(v) => onChange(v === null ? null : v === 'true')} />;
  }
  if (field.type === 'number' || field.type === 'rating' || field.type === 'money') {
    const shown = field.type === 'money' && value && typeof value === 'object' ? (value as { amount: number }).amount : value;
    return (
      <NumberInput
        label={label}
        data-testid={testId}
        autoFocus={autoFocus}
        value={typeof shown === 'number' ? shown : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      />
    );
  }
  if (field.type === 'date' || (field.type === 'datetime' && dateOnly)) {
    return <TextInput type="date" label={label} data-testid={testId} autoFocus={autoFocus} value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value || null)} />;
  }
  const text = String(value ?? '');
  const ltr = ['email', 'phone', 'url'].includes(field.type);
  return (
    <TextInput
      label={label}
      data-testid={testId}
      autoFocus={autoFocus}
      value={text}
      dir={ltr ? 'ltr' : textDirection(text)}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
