import { Button, Center, Group, Loader, Modal, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fetchTrash, purgeFromTrash, restoreFromTrash, settingsKeys, settingsRecordTypes, type TrashItem } from './api.js';

/** Deleted records: restore brings one back with its links and activities; purge asks first. */
export function TrashList() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [recordType, setRecordType] = useState<string>('all');
  const [purging, setPurging] = useState<TrashItem | null>(null);
  const type = recordType === 'all' ? undefined : recordType;
  const query = useInfiniteQuery({
    queryKey: settingsKeys.trash(recordType),
    queryFn: ({ pageParam, signal }) => fetchTrash(type, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const refresh = (item: TrashItem) => {
    void queryClient.invalidateQueries({ queryKey: ['trash'] });
    void queryClient.invalidateQueries({ queryKey: ['records', item.recordType] });
  };
  const name = (item: TrashItem) => item.name || t('card.noName');
  const restore = useMutation({
    mutationFn: restoreFromTrash,
    onSuccess: (_, item) => {
      notifications.show({ color: 'teal', message: t('card.settings.trash.restored', { name: name(item) }), 'data-testid': 'trash-restored' });
      refresh(item);
    },
  });
  const purge = useMutation({
    mutationFn: purgeFromTrash,
    onSuccess: (_, item) => {
      setPurging(null);
      notifications.show({ color: 'teal', message: t('card.settings.trash.purged', { name: name(item) }) });
      refresh(item);
    },
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md" data-testid="settings-trash">
      <SegmentedControl
        w="fit-content"
        aria-label={t('card.settings.fields.recordType')}
        value={recordType}
        onChange={setRecordType}
        data={[{ value: 'all', label: t('card.settings.any') }, ...settingsRecordTypes.map((r) => ({ value: r, label: t(`card.recordType.${r}`) }))]}
      />
      {restore.isError && <ErrorAlert error={restore.error} />}
      {query.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="trash-empty">
          {t('card.settings.trash.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((item) => (
            <Paper key={`${item.recordType}:${item.id}`} withBorder p="sm" data-testid="trash-row" data-id={item.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0} miw={0}>
                  <Text fw={600}>
                    {name(item)}{' '}
                    <Text span c="dimmed" size="sm">
                      · {t(`card.recordType.${item.recordType === 'company' ? 'company' : 'contact'}`)}
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('card.settings.trash.deleted', {
                      when: new Date(item.deletedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
                      name: item.deletedByName ?? t('card.timeline.someone'),
                    })}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Button size="xs" variant="light" loading={restore.isPending && restore.variables?.id === item.id} onClick={() => restore.mutate(item)} data-testid="trash-restore">
                    {t('card.settings.trash.restore')}
                  </Button>
                  <Button size="xs" variant="light" color="red" onClick={() => setPurging(item)} data-testid="trash-purge">
                    {t('card.settings.trash.purge')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('card.timeline.more')}
        </Button>
      )}
      <Modal opened={purging !== null} onClose={() => setPurging(null)} title={t('card.settings.trash.confirmTitle')}>
        {purging && (
          <Stack gap="sm">
            {purge.isError && <ErrorAlert error={purge.error} />}
            <Text>{t('card.settings.trash.confirm', { name: name(purging) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPurging(null)} data-autofocus>
                {t('card.cancel')}
              </Button>
              <Button color="red" loading={purge.isPending} onClick={() => purge.mutate(purging)} data-testid="trash-purge-confirm">
                {t('card.settings.trash.purge')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
