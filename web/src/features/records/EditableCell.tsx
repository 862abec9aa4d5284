import { Alert, Button, Group, Popover, Stack, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { candidatesOf, duplicateTypes, type DuplicateType } from '../duplicates/api.js';
import { DuplicatePanel } from '../duplicates/DuplicatePanel.js';
import { recordKeys } from './api.js';
import { FieldInput } from './FieldInput.js';
import { valueAt, type FieldDef, type GridRecord } from './types.js';
import { useFieldText } from './useFieldText.js';
import { useInlineEdit } from './useInlineEdit.js';

interface EditableCellProps {
  recordType: string;
  plural: string;
  record: GridRecord;
  field: FieldDef;
  path: string;
  children: ReactNode;
}

/** A cell that opens an editor on click or Enter; saving PATCHes with the row's version. */
export function EditableCell({ recordType, plural, record, field, path, children }: EditableCellProps) {
  const { t } = useTranslation();
  const { fieldLabel } = useFieldText();
  const queryClient = useQueryClient();
  const edit = useInlineEdit(recordType, plural);
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<unknown>(null);
  // The version the user started editing from: a change by someone else meanwhile is a conflict, even
  // when a live update has already refreshed the row.
  const [baseVersion, setBaseVersion] = useState(record.version);
  const label = fieldLabel(field);
  const conflict = isApiError(edit.error, 'version_conflict') ? edit.error : null;
  const conflictName = conflict?.details.updatedByName;
  // The server refused the change as a likely duplicate: the same question as on the card, in the popover.
  const candidates = candidatesOf(edit.error);
  const duplicateType = duplicateTypes.find((type) => type === recordType) as DuplicateType | undefined;

  const openEditor = () => {
    edit.reset();
    setBaseVersion(record.version);
    setDraft(valueAt(record, path) ?? (field.type === 'tags' || field.type === 'multi_select' ? [] : null));
    setOpened(true);
  };
  const save = async (allow = false) => {
    await edit.mutateAsync({ id: record.id, version: baseVersion, path, value: draft, allow }).then(() => setOpened(false), () => undefined);
  };
  const reload = async () => {
    setOpened(false);
    await queryClient.invalidateQueries({ queryKey: recordKeys.all(recordType) });
  };

  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" shadow="md" width={300} withinPortal>
      <Popover.Target>
        <UnstyledButton
          onClick={openEditor}
          aria-label={t('grid.edit', { field: label })}
          data-testid="cell-edit"
          data-field={path}
          w="100%"
          mih={24}
          style={{ textAlign: 'start' }}
        >
          {children}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="cell-editor">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack gap="sm">
            <FieldInput field={field} value={draft} onChange={setDraft} label={label} autoFocus data-testid="cell-input" />
            {conflict ? (
              <Alert color="orange" role="alert" data-testid="cell-conflict">
                {typeof conflictName === 'string' && conflictName ? t('grid.conflict', { name: conflictName }) : t('grid.conflictSomeone')}
                <Button size="xs" variant="light" color="orange" mt="xs" display="block" onClick={() => void reload()} data-testid="cell-reload">
                  {t('grid.reload')}
                </Button>
              </Alert>
            ) : candidates && duplicateType ? (
              <DuplicatePanel type={duplicateType} candidates={candidates} recordId={record.id} onAnswer={(saveAnyway) => (saveAnyway ? void save(true) : edit.reset())} />
            ) : (
              edit.isError && <ErrorAlert error={edit.error} data-testid="cell-error" />
            )}
            {/* The duplicate question brings its own two ways on. */}
            {!candidates && (
              <Group justify="flex-end" gap="xs">
                <Button variant="default" size="xs" onClick={() => setOpened(false)}>
                  {t('grid.cancel')}
                </Button>
                <Button type="submit" size="xs" loading={edit.isPending} disabled={Boolean(conflict)} data-testid="cell-save">
                  {t('grid.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
