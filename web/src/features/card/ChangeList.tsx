import { Group, List, Text } from '@mantine/core';
import { fieldLabel, formatValue, type ValueContext } from './fields.js';

/** Each changed field with its old and new value ("Stage: lead → customer"). */
export function ChangeList({ changes, values }: { changes: { field: string; old: unknown; new: unknown }[]; values: ValueContext }) {
  if (changes.length === 0) return null;
  const empty = values.t('card.empty');
  return (
    <List size="sm" spacing={2} listStyleType="none" ps={0}>
      {changes.map((c, i) => (
        <List.Item key={`${c.field}-${i}`} data-testid="change">
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={500}>
              {fieldLabel(values, c.field)}:
            </Text>
            <Text size="sm" c="dimmed" td="line-through">
              {formatValue(values, c.field, c.old) || empty}
            </Text>
            {/* The arrow follows the reading direction. */}
            <Text size="sm" aria-hidden>
              {values.lang === 'he' ? '←' : '→'}
            </Text>
            <Text size="sm">{formatValue(values, c.field, c.new) || empty}</Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

