import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useSession } from '../auth/index.js';
import { duplicateTypes, type DuplicateType } from './api.js';
import { GroupItem } from './GroupItem.js';
import { canActOnDuplicates } from './permissions.js';
import { ScanStatus } from './ScanStatus.js';
import { TypePicker } from './TypePicker.js';
import { useScan } from './useScan.js';

const typeOf = (value: string | null): DuplicateType => duplicateTypes.find((t) => t === value) ?? 'contact';

/** /duplicates: run a workspace-wide scan of one record type and work through the groups it found. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const type = typeOf(params.get('type'));
  const { latest, scan, groups, start, notDuplicate } = useScan(type);
  const running = scan?.status === 'running';
  const canAct = canActOnDuplicates(useSession().data?.workspace?.role);

  return (
    <Stack gap="md" maw={900} data-testid="duplicates-page">
      <Title order={1} size="h2">
        {t('duplicates.title')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap" align="center">
            <TypePicker value={type} onChange={(v) => setParams(v === 'contact' ? {} : { type: v }, { replace: true })} testId="duplicates-type" />
            {canAct && (
              <Button onClick={() => start.mutate()} loading={start.isPending} disabled={running} data-testid="scan-run">
                {t('duplicates.scan.run')}
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed" data-testid="scan-hint">
            {t(canAct ? 'duplicates.scan.hint' : 'duplicates.scan.readOnly')}
          </Text>
          {start.isError && <ErrorAlert error={start.error} data-testid="scan-error" />}
          {latest.data && <ScanStatus scan={scan} />}
        </Stack>
      </Paper>
      {latest.isPending && (
        <Center py="lg">
          <Loader />
        </Center>
      )}
      {latest.isError && <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />}
      {notDuplicate.isError && <ErrorAlert error={notDuplicate.error} />}
      {scan?.status === 'done' && groups.length === 0 && (
        <Text c="dimmed" data-testid="duplicates-empty">
          {t('duplicates.scan.empty')}
        </Text>
      )}
      {groups.length > 0 && (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('duplicates.scan.groupsLabel')}>
          {groups.map((group) => (
            <GroupItem
              key={group.id}
              type={type}
              group={group}
              canAct={canAct}
              busy={notDuplicate.isPending && notDuplicate.variables.groupId === group.id}
              onNotDuplicate={() =>
                notDuplicate.mutate(
                  { groupId: group.id, ids: group.records.map((r) => r.id) },
                  { onSuccess: () => notifications.show({ color: 'teal', message: t('duplicates.scan.notDuplicateDone'), 'data-testid': 'not-duplicate-done' }) },
                )
              }
            />
          ))}
        </Stack>
      )}
      {latest.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={latest.isFetchingNextPage} onClick={() => void latest.fetchNextPage()} data-testid="duplicates-more">
            {t('duplicates.scan.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
