import { ActionIcon, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCard } from './CardContext.js';
import type { CardField } from './fields.js';
import { FieldInput } from './FieldInput.js';
import { FieldValue } from './FieldValue.js';
import { Icon } from './Icon.js';

interface Draft {
  value: unknown;
  /** The version the user saw when starting the edit: the PATCH is made on it. */
  version: number;
  /** After a conflict: the reload count then, so the next save uses the reloaded version. */
  conflictAt: number | null;
}

const keepsEmptyString = new Set(['firstName', 'lastName', 'name']);
const pad = (n: number) => String(n).padStart(2, '0');
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The stored value → the editor's value (only date-times differ: local time in the input). */
const toDraft = (field: CardField, value: unknown) => (field.kind === 'datetime' && typeof value === 'string' ? toLocalInput(value) : value);

/** The editor's value → what the API takes ("" clears a field). */
function toWire(field: CardField, value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.trim() === '') return keepsEmptyString.has(field.key) ? '' : null;
    if (field.kind === 'datetime') return new Date(value).toISOString();
  }
  if (Array.isArray(value) && value.length === 0 && field.custom) return null;
  if (field.kind === 'relation' && value && typeof value === 'object') {
    const { recordType, id } = value as { recordType: string; id: string };
    return { recordType, id };
  }
  return value ?? null;
}

export const patchFor = (field: CardField, value: unknown): Record<string, unknown> =>
  field.custom ? { custom: { [field.key]: value } } : { [field.key]: value };

/** One field, shown with an edit button; editing happens in place and saves with the card's version. */
export function EditableField({ field }: { field: CardField }) {
  const { t } = useTranslation();
  const { record, save, saving, reloads, members } = useCard();
  const value = field.custom ? record.custom?.[field.key] : (record as Record<string, unknown>)[field.key];
  const [draft, setDraft] = useState<Draft | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const version = draft.conflictAt !== null && reloads > draft.conflictAt ? record.version : draft.version;
    const ok = await save(patchFor(field, toWire(field, draft.value)), version);
    // On failure the input stays as typed: the user reloads (conflict) or corrects it (validation).
    setDraft(ok ? null : { ...draft, version, conflictAt: reloads });
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setDraft(null);
  };

  if (draft) {
    return (
      <Box component="form" onSubmit={submit} onKeyDown={cancelOnEscape} data-testid={`field-${field.key}`} data-editing="true">
        <Stack gap={6}>
          <FieldInput field={field} value={draft.value} members={members} onChange={(v) => setDraft({ ...draft, value: v })} />
          <Group gap="xs">
            <Button type="submit" size="xs" loading={saving} data-testid={`field-save-${field.key}`}>
              {t('card.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDraft(null)} data-testid={`field-cancel-${field.key}`}>
              {t('card.cancel')}
            </Button>
          </Group>
        </Stack>
      </Box>
    );
  }

  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between" data-testid={`field-${field.key}`}>
      <Box miw={0}>
        <Text size="xs" c="dimmed">
          {field.label}
        </Text>
        <Box data-testid={`field-value-${field.key}`}>
          <FieldValue field={field} value={value} />
        </Box>
      </Box>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={t('card.editField', { field: field.label })}
        onClick={() => setDraft({ value: toDraft(field, value), version: record.version, conflictAt: null })}
        data-testid={`field-edit-${field.key}`}
      >
        <Icon name="pencil" size={16} />
      </ActionIcon>
    </Group>
  );
}
