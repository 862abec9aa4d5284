import { Button, Group, Modal, Paper, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { bulkRecords, recordKeys } from './api.js';
import { FieldInput } from './FieldInput.js';
import type { BulkAction, FieldDef, RecordListConfig } from './types.js';

const actionLabel = { set_owner: 'grid.setOwner', add_tag: 'grid.addTag', remove_tag: 'grid.removeTag', set_stage: 'grid.setStage', delete: 'grid.delete' } as const;

interface BulkBarProps {
  config: RecordListConfig;
  fields: FieldDef[];
  ids: string[];
  /** Called after an action (with its result sentence) or to clear the selection. */
  onDone: (result?: string) => void;
}

/** Actions on the selected rows: owner, tags, stage, delete (after a confirmation) through POST /bulk. */
export function BulkBar({ config, fields, ids, onDone }: BulkBarProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [value, setValue] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const bulk = useMutation({
    mutationFn: () => bulkRecords(config.plural, { ids, action: action!, ...(action === 'delete' ? {} : { value }) }),
    onSuccess: async (answer) => {
      const text = t('grid.bulkResult', { updated: answer.updated, skipped: answer.skipped.length });
      notifications.show({ color: 'teal', message: text, 'data-testid': 'bulk-done' });
      setAction(null);
      setValue(null);
      onDone(text);
      await queryClient.invalidateQueries({ queryKey: recordKeys.all(config.recordType) });
    },
  });

  const field = (key: string) => fields.find((f) => f.key === key);
  const valueInput = () => {
    if (action === 'set_owner' && field('ownerId')) return <FieldInput field={field('ownerId')!} value={value} onChange={setValue} label={t('grid.owner')} data-testid="bulk-value" />;
    if (action === 'set_stage' && field('stage')) return <FieldInput field={field('stage')!} value={value} onChange={setValue} label={t('grid.stage')} data-testid="bulk-value" />;
    if (action === 'add_tag' || action === 'remove_tag') {
      return <TextInput label={t('grid.tag')} value={String(value ?? '')} onChange={(e) => setValue(e.currentTarget.value.trim())} data-testid="bulk-value" />;
    }
    return null;
  };
  const ready = action === 'delete' || (value !== null && value !== '');

  return (
    <Paper withBorder p="sm" role="region" aria-label={t('grid.bulkActions')} data-testid="bulk-bar">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Text fw={500} data-testid="bulk-count">
          {t('grid.selected', { count: ids.length })}
        </Text>
        <Select
          label={t('grid.bulkAction')}
          data={config.bulkActions.map((a) => ({ value: a, label: t(actionLabel[a]) }))}
          value={action}
          onChange={(a) => {
            setAction(a as BulkAction | null);
            setValue(null);
          }}
          w={180}
          data-testid="bulk-action"
        />
        {valueInput()}
        <Button
          disabled={!ready || ids.length === 0}
          loading={bulk.isPending}
          color={action === 'delete' ? 'red' : undefined}
          onClick={() => (action === 'delete' ? setConfirming(true) : bulk.mutate())}
          data-testid="bulk-apply"
        >
          {t('grid.apply')}
        </Button>
        <Button variant="subtle" onClick={() => onDone()} data-testid="bulk-clear">
          {t('grid.clearSelection')}
        </Button>
      </Group>
      {bulk.isError && <ErrorAlert error={bulk.error} data-testid="bulk-error" />}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('grid.deleteConfirmTitle', { count: ids.length })}>
        <Text mb="md">{t('grid.deleteConfirm')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('grid.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirming(false);
              bulk.mutate();
            }}
            data-testid="bulk-confirm-delete"
          >
            {t('grid.delete')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
