import { Alert, Button, Group, Popover, Stack, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { duplicateTypes, type DuplicateType } from '../duplicates/api.js';
import { DuplicatePanel } from '../duplicates/DuplicatePanel.js';
import { saveWithDuplicateStep, touchesIdentity, useDuplicatePrompt } from '../duplicates/index.js';
import { recordKeys } from './api.js';
import { FieldInput } from './FieldInput.js';
import { valueAt, type FieldDef, type GridRecord } from './types.js';
import { useFieldText } from './useFieldText.js';
import { fieldPatch, useInlineEdit } from './useInlineEdit.js';

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
  // A name, email or phone that makes the record look like another: the card's question, in the popover
  // (asked before saving, and again if the server refuses a twin saved meanwhile).
  const duplicates = useDuplicatePrompt();
  const candidates = duplicates.candidates;
  const duplicateType = duplicateTypes.find((type) => type === recordType) as DuplicateType | undefined;

  const openEditor = () => {
    edit.reset();
    setBaseVersion(record.version);
    setDraft(valueAt(record, path) ?? (field.type === 'tags' || field.type === 'multi_select' ? [] : null));
    setOpened(true);
  };
  const save = async () => {
    const patch = fieldPatch(path, draft);
    const write = (allow: boolean) => edit.mutateAsync({ id: record.id, version: baseVersion, patch, allow });
    try {
      const saved = duplicateType
        ? await saveWithDuplicateStep({ type: duplicateType, record: patch, id: record.id, check: touchesIdentity(patch), ask: duplicates.ask, save: write })
        : await write(false);
      // null: back to the draft, the editor stays open with the input.
      if (saved !== null) setOpened(false);
    } catch {
      // The mutation's error is shown (a conflict, a validation error).
    }
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
              <DuplicatePanel type={duplicateType} candidates={candidates} recordId={record.id} onAnswer={duplicates.answer} />
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
