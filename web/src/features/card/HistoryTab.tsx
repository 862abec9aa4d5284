import { Badge, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditActions as actions } from '../../../../src/domain/audit/schema.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ChangeList } from './ChangeList.js';
import type { ValueContext } from './fields.js';
import { fetchHistory, historyKey, namesOfPages, type AuditEntry } from './history.js';

const channels = ['web', 'api', 'cli', 'import'] as const;

/** Who changed the entry (or "API key"), through what, and what it did; shared with the audit log. */
export function AuditMeta({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const who = entry.actorName ?? (entry.apiKeyId ? t('card.history.apiKey') : t('card.timeline.someone'));
  const channel = (channels as readonly string[]).includes(entry.channel) ? t(`card.history.channel.${entry.channel as (typeof channels)[number]}`) : entry.channel;
  const action = (actions as readonly string[]).includes(entry.action) ? t(`card.history.action.${entry.action as (typeof actions)[number]}`) : entry.action;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={600}>
        {who}
      </Text>
      <Badge size="sm" variant="light" tt="none">
        {action}
      </Badge>
      <Badge size="sm" variant="outline" color="gray" tt="none" data-testid="history-channel">
        {t('card.history.through', { channel })}
      </Badge>
      <Text size="xs" c="dimmed">
        <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </Text>
    </Group>
  );
}

/** The record's audit trail: every change with who, when, through what, and each field's old → new. */
export function HistoryTab({ recordType, recordId, values }: { recordType: string; recordId: string; values: ValueContext }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery({
    queryKey: historyKey(recordType, recordId),
    queryFn: ({ pageParam, signal }) => fetchHistory(recordType, recordId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  if (query.isPending) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const entries = query.data.pages.flatMap((p) => p.items);
  const named = { ...values, names: namesOfPages(query.data.pages) };
  return (
    <Stack gap="sm" data-testid="history">
      {entries.length === 0 && <Text c="dimmed">{t('card.history.empty')}</Text>}
      {entries.map((e) => (
        <Paper key={String(e.id)} withBorder p="sm" data-testid="history-entry">
          <Stack gap={4}>
            <AuditMeta entry={e} />
            <ChangeList changes={e.changes ?? []} values={named} />
          </Stack>
        </Paper>
      ))}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('card.timeline.more')}
        </Button>
      )}
    </Stack>
  );
}
