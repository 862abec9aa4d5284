import { ActionIcon, Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FieldInput } from './FieldInput.js';
import { opNeedsValue, opTakesList, type BuilderCondition } from './filterState.js';
import { fieldPath, type FieldDef, type FilterOp } from './types.js';
import { useFieldText } from './useFieldText.js';

interface FilterConditionProps {
  condition: BuilderCondition;
  fields: FieldDef[];
  onChange: (condition: BuilderCondition) => void;
  onRemove: () => void;
}

/** One condition: field, an operator that fits the field's type (from the catalogue), and its value. */
export function FilterConditionRow({ condition, fields, onChange, onRemove }: FilterConditionProps) {
  const { t } = useTranslation();
  const { fieldLabel } = useFieldText();
  const field = fields.find((f) => fieldPath(f) === condition.field);
  const ops = (field?.operators ?? []) as FilterOp[];

  const valueInput = () => {
    if (!field || !condition.op || !opNeedsValue(condition.op)) return null;
    if (condition.op === 'within_last_days') {
      return (
        <NumberInput
          label={t('grid.days')}
          min={1}
          value={typeof condition.value === 'number' ? condition.value : ''}
          onChange={(v) => onChange({ ...condition, value: typeof v === 'number' ? v : null })}
          data-testid="filter-value"
          w={120}
        />
      );
    }
    if (condition.op === 'between') {
      const pair = Array.isArray(condition.value) ? condition.value : [null, null];
      const set = (i: number) => (v: unknown) => onChange({ ...condition, value: i === 0 ? [v, pair[1]] : [pair[0], v] });
      return (
        <>
          <FieldInput field={field} value={pair[0]} onChange={set(0)} label={t('grid.from')} dateOnly data-testid="filter-value-from" />
          <FieldInput field={field} value={pair[1]} onChange={set(1)} label={t('grid.to')} dateOnly data-testid="filter-value-to" />
        </>
      );
    }
    const single = field.type === 'multi_select' || field.type === 'tags' ? { ...field, type: field.type === 'tags' ? 'tags' : 'select' } : field;
    return (
      <FieldInput
        field={single}
        value={condition.value}
        onChange={(value) => onChange({ ...condition, value })}
        label={t('grid.value')}
        multiple={opTakesList(condition.op)}
        dateOnly
        data-testid="filter-value"
      />
    );
  };

  return (
    <Group align="flex-end" gap="xs" wrap="wrap" data-testid="filter-condition">
      <Select
        label={t('grid.field')}
        data={fields.map((f) => ({ value: fieldPath(f), label: fieldLabel(f) }))}
        value={condition.field || null}
        onChange={(path) => {
          const next = fields.find((f) => fieldPath(f) === path);
          onChange({ ...condition, field: path ?? '', op: (next?.operators[0] as FilterOp | undefined) ?? '', value: null });
        }}
        searchable
        w={180}
        data-testid="filter-field"
      />
      <Select
        label={t('grid.operator')}
        data={ops.map((op) => ({ value: op, label: t(`grid.ops.${op}`) }))}
        value={condition.op || null}
        onChange={(op) => onChange({ ...condition, op: (op as FilterOp | null) ?? '', value: opTakesList(op ?? '') ? [] : condition.value })}
        disabled={!field}
        allowDeselect={false}
        w={170}
        data-testid="filter-op"
      />
      {valueInput()}
      <ActionIcon variant="subtle" color="red" size="lg" onClick={onRemove} aria-label={t('grid.removeCondition')} data-testid="filter-remove">
        ×
      </ActionIcon>
    </Group>
  );
}
