import { ActionIcon, Button, Checkbox, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { moveColumn, toggleColumn } from './columnEdits.js';
import { fieldPath, type FieldDef } from './types.js';
import { useFieldText } from './useFieldText.js';

interface ColumnPickerProps {
  fields: FieldDef[];
  columns: string[];
  /** Receives an edit of the current columns (not a finished array): see columnEdits.ts. */
  onChange: (edit: (columns: string[]) => string[]) => void;
  onReset: () => void;
}

/** Show, hide and reorder columns; checkboxes and up/down buttons, all reachable with Tab and Space. */
export function ColumnPicker({ fields, columns, onChange, onReset }: ColumnPickerProps) {
  const { t } = useTranslation();
  const { fieldLabel } = useFieldText();
  const byPath = new Map(fields.map((f) => [fieldPath(f), f]));
  const shown = columns.filter((c) => byPath.has(c));
  const hidden = fields.map(fieldPath).filter((p) => !shown.includes(p));

  // By column, not by index: the edit applies to the columns as they are when it runs.
  const known = (current: string[]) => current.filter((c) => byPath.has(c));
  const move = (path: string, by: number) => onChange((current) => moveColumn(known(current), path, by));
  const toggle = (path: string) => onChange((current) => toggleColumn(known(current), path));

  const row = (path: string, i: number | null) => {
    const label = fieldLabel(byPath.get(path)!);
    return (
      <Group key={path} justify="space-between" wrap="nowrap" gap="xs" data-testid="column-option" data-column={path}>
        <Checkbox
          label={label}
          checked={i !== null}
          disabled={i !== null && shown.length === 1}
          onChange={() => toggle(path)}
          aria-label={t('grid.showColumn', { field: label })}
        />
        {i !== null && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" size="sm" disabled={i === 0} onClick={() => move(path, -1)} aria-label={t('grid.moveUp', { field: label })} data-testid="column-up">
              ↑
            </ActionIcon>
            <ActionIcon variant="subtle" size="sm" disabled={i === shown.length - 1} onClick={() => move(path, 1)} aria-label={t('grid.moveDown', { field: label })} data-testid="column-down">
              ↓
            </ActionIcon>
          </Group>
        )}
      </Group>
    );
  };

  return (
    <Popover position="bottom-end" shadow="md" width={300} trapFocus>
      <Popover.Target>
        <Button variant="default" data-testid="columns-open">
          {t('grid.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="columns-dropdown">
        <Text size="sm" fw={500} mb="xs">
          {t('grid.columnsTitle')}
        </Text>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={6}>
            {/* One list, so a toggled column keeps its element (and the keyboard focus). */}
            {[...shown.map((path, i) => row(path, i)), ...hidden.map((path) => row(path, null))]}
          </Stack>
        </ScrollArea.Autosize>
        <Button variant="subtle" size="xs" mt="sm" onClick={onReset} data-testid="columns-reset">
          {t('grid.resetColumns')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
