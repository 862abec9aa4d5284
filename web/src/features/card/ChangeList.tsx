import { Group, List, Text } from '@mantine/core';
import { describeLinkChange, fieldLabel, formatValue, type ValueContext } from './fields.js';

interface Change {
  field: string;
  old: unknown;
  new: unknown;
}

function ChangeText({ change: c, values }: { change: Change; values: ValueContext }) {
  // A contact's companies read as what was added and removed, not as two lists.
  const links = c.field === 'companies' ? describeLinkChange(values, c.old, c.new) : '';
  if (links) return <Text size="sm">{links}</Text>;
  const empty = values.t('card.empty');
  return (
    <>
      <Text size="sm" c="dimmed" td="line-through">
        {formatValue(values, c.field, c.old) || empty}
      </Text>
      {/* The arrow follows the reading direction. */}
      <Text size="sm" aria-hidden>
        {values.lang === 'he' ? '←' : '→'}
      </Text>
      <Text size="sm">{formatValue(values, c.field, c.new) || empty}</Text>
    </>
  );
}

/** Each changed field with its old and new value ("Stage: lead → customer"). */
export function ChangeList({ changes, values }: { changes: Change[]; values: ValueContext }) {
  if (changes.length === 0) return null;
  return (
    <List size="sm" spacing={2} listStyleType="none" ps={0}>
      {changes.map((c, i) => (
        <List.Item key={`${c.field}-${i}`} data-testid="change">
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={500}>
              {fieldLabel(values, c.field)}:
            </Text>
            <ChangeText change={c} values={values} />
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
