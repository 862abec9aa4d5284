import { Checkbox, MultiSelect, NumberInput, Rating, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CardRecordType, MemberSummary } from './api.js';
import type { CardField } from './fields.js';
import { RecordSearchSelect, type PickedRecord } from './RecordSearchSelect.js';

interface FieldInputProps {
  field: CardField;
  value: unknown;
  onChange: (value: unknown) => void;
  members: MemberSummary[];
}

const ltrKinds = new Set(['url', 'email', 'phone']);
const asString = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** The editor of one field, by its type; every one is labelled for screen readers. */
export function FieldInput({ field, value, onChange, members }: FieldInputProps) {
  const { t } = useTranslation();
  const common = { label: field.label, 'data-testid': `field-input-${field.key}`, 'data-autofocus': true } as const;
  switch (field.kind) {
    case 'long_text':
      return <Textarea {...common} autosize minRows={2} maxRows={8} value={asString(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    case 'money': {
      const amount = (value as { amount?: number } | null)?.amount;
      return (
        <NumberInput
          {...common}
          decimalScale={2}
          rightSection="₪"
          value={typeof amount === 'number' ? amount : ''}
          onChange={(v) => onChange(typeof v === 'number' ? { amount: v, currency: 'ILS' } : null)}
        />
      );
    }
    case 'date':
      return <TextInput {...common} type="date" dir="ltr" value={asString(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'datetime':
      return <TextInput {...common} type="datetime-local" dir="ltr" value={asString(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'boolean':
      return <Checkbox {...common} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'select':
      return <Select {...common} clearable data={field.options} value={asString(value) || null} onChange={(v) => onChange(v)} />;
    case 'multi_select':
      return <MultiSelect {...common} clearable data={field.options} value={Array.isArray(value) ? (value as string[]) : []} onChange={onChange} />;
    case 'rating': {
      const max = typeof field.config.max === 'number' ? field.config.max : 5;
      return (
        <div>
          <label htmlFor={`rating-${field.key}`}>{field.label}</label>
          <Rating id={`rating-${field.key}`} data-testid={common['data-testid']} count={max} value={typeof value === 'number' ? value : 0} onChange={onChange} />
        </div>
      );
    }
    case 'tags':
      return <TagsInput {...common} clearable value={Array.isArray(value) ? (value as string[]) : []} onChange={onChange} />;
    case 'member':
      return (
        <Select {...common} clearable searchable data={members.map((m) => ({ value: m.userId, label: m.name }))} value={asString(value) || null} onChange={onChange} />
      );
    case 'relation': {
      const target: CardRecordType = field.config.target === 'company' ? 'company' : 'contact';
      const current = value as { id?: string; name?: string } | null;
      const picked: PickedRecord | null = current?.id ? { id: current.id, name: current.name ?? current.id } : null;
      return (
        <RecordSearchSelect
          {...common}
          recordType={target}
          value={picked}
          placeholder={t('card.search')}
          onChange={(p) => onChange(p ? { recordType: target, id: p.id, name: p.name } : null)}
        />
      );
    }
    default:
      return (
        <TextInput
          {...common}
          type={field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : field.kind === 'url' ? 'url' : 'text'}
          dir={ltrKinds.has(field.kind) ? 'ltr' : undefined}
          value={asString(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
