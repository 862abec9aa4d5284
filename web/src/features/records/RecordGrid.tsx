import { Anchor, Checkbox, Table, UnstyledButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CellValue } from './CellValue.js';
import { EditableCell } from './EditableCell.js';
import { fieldPath, type FieldDef, type GridRecord, type RecordListConfig } from './types.js';
import { useFieldText } from './useFieldText.js';

/** Fields the server computes or the card edits (links): shown, never edited in a cell. */
const readOnly = new Set(['name', 'createdAt', 'updatedAt', 'companyId', 'contactCount']);
const editableTypes = new Set(['text', 'long_text', 'email', 'phone', 'url', 'number', 'rating', 'date', 'select', 'multi_select', 'tags', 'member', 'boolean']);

// The checkbox and the first column stay in view while the rest scrolls sideways (phones).
const sticky = (offset: number): CSSProperties => ({
  position: 'sticky',
  insetInlineStart: offset,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
});

interface RecordGridProps {
  config: RecordListConfig;
  fields: FieldDef[];
  columns: string[];
  records: GridRecord[];
  sort: string;
  onSort: (sort: string) => void;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  busy: boolean;
}

export function RecordGrid({ config, fields, columns, records, sort, onSort, selected, onSelect, busy }: RecordGridProps) {
  const { t } = useTranslation();
  const { fieldLabel } = useFieldText();
  const byPath = new Map(fields.map((f) => [fieldPath(f), f]));
  const shown = columns.filter((c) => byPath.has(c));
  const sortKey = sort.replace(/^-/, '');
  const descending = sort.startsWith('-');
  const ids = records.map((r) => r.id);
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const nameOf = (r: GridRecord) => String(r.name ?? '');

  return (
    <Table.ScrollContainer minWidth={Math.max(480, shown.length * 150)}>
      <Table highlightOnHover verticalSpacing="xs" style={{ whiteSpace: "nowrap" }} data-testid={`${config.plural}-table`} aria-busy={busy} opacity={busy ? 0.6 : 1}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} style={sticky(0)}>
              <Checkbox
                aria-label={t('grid.selectPage')}
                checked={allSelected}
                indeterminate={!allSelected && ids.some((id) => selected.has(id))}
                onChange={(e) => onSelect(ids, e.currentTarget.checked)}
                data-testid="select-page"
              />
            </Table.Th>
            {shown.map((path, i) => {
              const field = byPath.get(path)!;
              const label = fieldLabel(field);
              const active = sortKey === path;
              return (
                <Table.Th
                  key={path}
                  aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
                  style={i === 0 ? sticky(40) : undefined}
                  data-testid="column-header"
                  data-column={path}
                >
                  {field.sortable ? (
                    <UnstyledButton
                      fw={700}
                      fz="sm"
                      onClick={() => onSort(active && !descending ? `-${path}` : path)}
                      aria-label={t('grid.sortBy', { field: label })}
                      data-testid="sort-button"
                    >
                      {label} {active ? (descending ? '▼' : '▲') : ''}
                    </UnstyledButton>
                  ) : (
                    label
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={record.id} data-testid={`${config.recordType}-row`} data-record-id={record.id} data-contact-id={record.id}>
              <Table.Td style={sticky(0)}>
                <Checkbox
                  aria-label={t('grid.selectRow', { name: nameOf(record) })}
                  checked={selected.has(record.id)}
                  onChange={(e) => onSelect([record.id], e.currentTarget.checked)}
                  data-testid="select-row"
                />
              </Table.Td>
              {shown.map((path, i) => {
                const field = byPath.get(path)!;
                const value = <CellValue record={record} field={field} path={path} />;
                const testId = `${config.recordType}-${path === 'companyId' ? 'company' : path}`;
                if (i === 0) {
                  return (
                    <Table.Td key={path} style={{ ...sticky(40), maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis' }} fw={500} data-testid={testId}>
                      <Anchor component={Link} to={`/${config.plural}/${record.id}`} aria-label={t('grid.open', { name: nameOf(record) })} c="inherit">
                        {value}
                      </Anchor>
                    </Table.Td>
                  );
                }
                const editable = !readOnly.has(path) && editableTypes.has(field.type);
                return (
                  <Table.Td key={path} data-testid={testId}>
                    {editable ? (
                      <EditableCell recordType={config.recordType} plural={config.plural} record={record} field={field} path={path}>
                        {value}
                      </EditableCell>
                    ) : (
                      value
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
