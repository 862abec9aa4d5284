import { ActionIcon, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FilterConditionRow } from './FilterCondition.js';
import { newCondition, newGroup, type BuilderGroup, type BuilderNode } from './filterState.js';
import type { FieldDef } from './types.js';

interface FilterGroupProps {
  group: BuilderGroup;
  fields: FieldDef[];
  onChange: (node: BuilderNode) => void;
  onRemove?: () => void;
  depth?: number;
}

/** An AND/OR group: its conditions, nested groups (one level deep), and buttons to add more. */
export function FilterGroup({ group, fields, onChange, onRemove, depth = 0 }: FilterGroupProps) {
  const { t } = useTranslation();
  const setChild = (i: number, child: BuilderNode | null) =>
    onChange({ ...group, children: group.children.flatMap((c, j) => (j === i ? (child ? [child] : []) : [c])) });

  return (
    <Paper withBorder={depth > 0} p={depth > 0 ? 'sm' : 0} data-testid="filter-group">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Text size="sm" id={`${group.id}-match`}>
              {t('grid.match')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby={`${group.id}-match`}
              value={group.combinator}
              onChange={(v) => onChange({ ...group, combinator: v as 'and' | 'or' })}
              data={[
                { value: 'and', label: t('grid.all') },
                { value: 'or', label: t('grid.any') },
              ]}
              data-testid="filter-combinator"
            />
          </Group>
          {onRemove && (
            <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('grid.removeGroup')}>
              ×
            </ActionIcon>
          )}
        </Group>
        {group.children.map((child, i) =>
          child.kind === 'group' ? (
            <FilterGroup key={child.id} group={child} fields={fields} depth={depth + 1} onChange={(c) => setChild(i, c)} onRemove={() => setChild(i, null)} />
          ) : (
            <FilterConditionRow key={child.id} condition={child} fields={fields} onChange={(c) => setChild(i, c)} onRemove={() => setChild(i, null)} />
          ),
        )}
        <Group gap="xs">
          <Button variant="light" size="xs" onClick={() => onChange({ ...group, children: [...group.children, newCondition()] })} data-testid="filter-add-condition">
            {t('grid.addCondition')}
          </Button>
          {depth === 0 && (
            <Button variant="subtle" size="xs" onClick={() => onChange({ ...group, children: [...group.children, newGroup('or', [newCondition()])] })} data-testid="filter-add-group">
              {t('grid.addGroup')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
