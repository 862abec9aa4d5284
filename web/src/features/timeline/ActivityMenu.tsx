import { ActionIcon, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../src/core/permissions.js';
import { roles, type Role } from '../../../../src/core/roles.js';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useSession } from '../auth/index.js';
import { Icon } from '../card/Icon.js';
import { deleteActivity, type Activity } from './api.js';

/** True when the caller's role may change activities (a viewer may not). */
export function useCanWriteActivities(): boolean {
  const role = useSession().data?.workspace?.role;
  return !!role && (roles as readonly string[]).includes(role) && can(role as Role, 'records:write');
}

/** The "⋯" menu of one activity: edit in place, or delete after a confirmation. */
export function ActivityMenu({ activity, onEdit }: { activity: Activity; onEdit: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteActivity(activity.id, activity.version ?? 1),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['timeline'] });
    },
    // A stale delete: the timeline reloads, so the person sees the change before deciding again.
    onError: () => void queryClient.invalidateQueries({ queryKey: ['timeline'] }),
  });
  const close = () => {
    setConfirming(false);
    remove.reset();
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('card.timeline.actions')} data-testid="activity-menu">
            <span aria-hidden>⋯</span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<Icon name="pencil" size={14} />} onClick={onEdit} data-testid="activity-edit-open">
            {t('card.timeline.edit')}
          </Menu.Item>
          <Menu.Item color="red" leftSection={<Icon name="trash" size={14} />} onClick={() => setConfirming(true)} data-testid="activity-delete-open">
            {t('card.timeline.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={confirming} onClose={close} title={t('card.timeline.deleteTitle')} centered>
        <Stack gap="sm" data-testid="activity-delete-confirm">
          {isApiError(remove.error, 'version_conflict') ? (
            <Text c="orange.8" role="alert" data-testid="activity-delete-conflict">
              {t('card.timeline.deleteConflict')}
            </Text>
          ) : remove.isError ? (
            <ErrorAlert error={remove.error} />
          ) : (
            <Text size="sm">{t('card.timeline.deleteText')}</Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} data-testid="activity-delete-cancel">
              {t('card.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              disabled={isApiError(remove.error, 'version_conflict')}
              onClick={() => remove.mutate()}
              data-testid="activity-delete-yes"
            >
              {t('card.timeline.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
