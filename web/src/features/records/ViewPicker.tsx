import { Badge, Button, Group, Menu, Modal, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/index.js';
import { createView, deleteView, recordKeys, updateView, type ViewInput } from './api.js';
import { SaveViewModal } from './SaveViewModal.js';
import type { SavedView } from './types.js';

interface ViewPickerProps {
  recordType: string;
  views: SavedView[];
  current: SavedView | undefined;
  modified: boolean;
  /** The list as shown now, which a saved view keeps. */
  state: Omit<ViewInput, 'name' | 'shared'>;
  onSelect: (viewId: string | null) => void;
}

/** Choose a saved view (mine and shared), save the list as a new view, update or delete the chosen one. */
export function ViewPicker({ recordType, views, current, modified, state, onSelect }: ViewPickerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useSession().data?.user.id;
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: recordKeys.views(recordType) });
  const saved = (view: SavedView) => notifications.show({ color: 'teal', message: t('grid.viewSaved', { name: view.name }), 'data-testid': 'view-saved' });

  const update = useMutation({
    mutationFn: (view: SavedView) => updateView(view.id, { ...state, version: view.version }),
    onSuccess: async (view) => {
      saved(view);
      await refresh();
      onSelect(view.id);
    },
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) => deleteView(view.id, view.version),
    onSuccess: async (_, view) => {
      notifications.show({ message: t('grid.viewDeleted', { name: view.name }) });
      onSelect(null);
      await refresh();
    },
  });

  const mine = views.filter((v) => !v.shared);
  const shared = views.filter((v) => v.shared);
  const data = [
    { value: '', label: t('grid.allRecords') },
    ...(mine.length ? [{ group: t('grid.myViews'), items: mine.map((v) => ({ value: v.id, label: v.name })) }] : []),
    ...(shared.length ? [{ group: t('grid.sharedViews'), items: shared.map((v) => ({ value: v.id, label: v.name })) }] : []),
  ];
  const canChange = current && (!current.ownerId || current.ownerId === me || current.shared);

  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        label={t('grid.view')}
        data={data}
        value={current?.id ?? ''}
        onChange={(id) => onSelect(id ? String(id) : null)}
        allowDeselect={false}
        w={200}
        data-testid="view-select"
        rightSectionWidth={modified ? 70 : undefined}
        rightSection={modified ? <Badge size="xs" variant="light">{t('grid.modified')}</Badge> : undefined}
      />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" aria-label={t('grid.viewActions')} data-testid="view-actions">
            …
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setSaving(true)} data-testid="view-save-new">
            {t('grid.saveView')}
          </Menu.Item>
          {canChange && (
            <Menu.Item onClick={() => update.mutate(current)} disabled={!modified} data-testid="view-update">
              {t('grid.updateView')}
            </Menu.Item>
          )}
          {canChange && (
            <Menu.Item color="red" onClick={() => setDeleting(true)} data-testid="view-delete">
              {t('grid.deleteView')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal
        opened={saving}
        onClose={() => setSaving(false)}
        onSave={async (input) => {
          const view = await createView(recordType, { ...state, ...input });
          saved(view);
          await refresh();
          onSelect(view.id);
        }}
      />
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('grid.deleteView')}>
        <Text mb="md">{t('grid.deleteViewConfirm', { name: current?.name ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(false)}>
            {t('grid.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              setDeleting(false);
              if (current) remove.mutate(current);
            }}
            data-testid="view-delete-confirm"
          >
            {t('grid.delete')}
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}
