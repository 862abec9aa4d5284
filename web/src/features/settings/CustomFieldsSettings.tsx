import { ActionIcon, Badge, Button, Center, Group, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Icon } from '../card/Icon.js';
import {
  customFieldTypes,
  fetchCustomFields,
  reorderCustomFields,
  settingsKeys,
  settingsRecordTypes,
  updateCustomField,
  type CustomField,
  type SettingsRecordType,
} from './api.js';
import { FieldFormModal } from './FieldFormModal.js';

const typeLabelKey = (type: string) =>
  (customFieldTypes as readonly string[]).includes(type) ? (`card.settings.fields.types.${type}` as 'card.settings.fields.types.text') : null;

/** Custom fields per record type: create, rename, reorder with up/down buttons, archive. */
export function CustomFieldsSettings() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [recordType, setRecordType] = useState<SettingsRecordType>('contact');
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const key = settingsKeys.customFields(recordType);
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchCustomFields(recordType, signal) });
  const fields = [...(query.data ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));

  const afterChange = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['fields', recordType] });
  };
  const reorder = useMutation({
    mutationFn: (ids: string[]) => reorderCustomFields(recordType, ids),
    onMutate: (ids) => {
      // Shown in the new order at once; the server's answer confirms it.
      queryClient.setQueryData<CustomField[]>(key, (old) => old?.map((f) => ({ ...f, position: ids.indexOf(f.id) })));
    },
    onSettled: afterChange,
  });
  const archive = useMutation({
    mutationFn: (f: CustomField) => updateCustomField(f.id, { archived: !f.archived, version: f.version }),
    onSettled: afterChange,
  });

  const move = (index: number, by: -1 | 1) => {
    const ids = fields.map((f) => f.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate(ids);
    // Keep the keyboard where it was: the same button on the moved row.
    requestAnimationFrame(() => {
      const button = document.querySelector<HTMLButtonElement>(`[data-move="${by < 0 ? 'up' : 'down'}-${id}"]`);
      (button && !button.disabled ? button : document.querySelector<HTMLButtonElement>(`[data-move="${by < 0 ? 'down' : 'up'}-${id}"]`))?.focus();
    });
  };
  const label = (f: CustomField) => (i18n.language === 'he' ? f.labelHe : f.labelEn);

  return (
    <Stack gap="md" data-testid="settings-fields">
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('card.settings.fields.recordType')}
          value={recordType}
          onChange={(v) => setRecordType(v as SettingsRecordType)}
          data={settingsRecordTypes.map((r) => ({ value: r, label: t(`card.recordType.${r}`) }))}
          data-testid="fields-record-type"
        />
        <Button onClick={() => setEditing('new')} data-testid="field-new">
          {t('card.settings.fields.new')}
        </Button>
      </Group>
      {(reorder.isError || archive.isError) && <ErrorAlert error={reorder.error ?? archive.error} />}
      {query.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : fields.length === 0 ? (
        <Text c="dimmed">{t('card.settings.fields.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {fields.map((f, i) => {
            const typeKey = typeLabelKey(f.type);
            return (
              <Paper key={f.id} component="li" withBorder p="sm" data-testid="custom-field-row" data-key={f.key} opacity={f.archived ? 0.6 : 1}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs" miw={0}>
                    <Text fw={600} data-testid="custom-field-label">
                      {label(f)}
                    </Text>
                    <Text size="sm" c="dimmed" lang={i18n.language === 'he' ? 'en' : 'he'}>
                      {i18n.language === 'he' ? f.labelEn : f.labelHe}
                    </Text>
                    <Badge variant="light" color="gray" tt="none">
                      {typeKey ? t(typeKey) : f.type}
                    </Badge>
                    {f.required && (
                      <Badge variant="light" tt="none">
                        {t('card.settings.fields.required')}
                      </Badge>
                    )}
                    {f.archived && (
                      <Badge variant="light" color="orange" tt="none">
                        {t('card.settings.fields.archived')}
                      </Badge>
                    )}
                  </Group>
                  <Group gap={4}>
                    <ActionIcon variant="subtle" disabled={i === 0} aria-label={t('card.settings.fields.moveUp', { name: label(f) })} onClick={() => move(i, -1)} data-move={`up-${f.id}`}>
                      <Icon name="up" size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={i === fields.length - 1}
                      aria-label={t('card.settings.fields.moveDown', { name: label(f) })}
                      onClick={() => move(i, 1)}
                      data-move={`down-${f.id}`}
                    >
                      <Icon name="down" size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t('card.settings.fields.edit', { name: label(f) })} onClick={() => setEditing(f)} data-testid="custom-field-edit">
                      <Icon name="pencil" size={16} />
                    </ActionIcon>
                    <Button size="xs" variant="default" onClick={() => archive.mutate(f)} data-testid="custom-field-archive">
                      {f.archived ? t('card.settings.fields.unarchive') : t('card.settings.fields.archive')}
                    </Button>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      {editing && <FieldFormModal recordType={recordType} field={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
