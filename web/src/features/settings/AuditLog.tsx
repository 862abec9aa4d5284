import { Anchor, Button, Center, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions as actions } from '../../../../src/domain/audit/schema.js';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { cardKeys, fetchMembers } from '../card/api.js';
import { AuditMeta, ChangeList } from '../card/index.js';
import { fetchAudit, namesOfPages, type AuditFilters } from '../card/history.js';
import { settingsKeys, settingsRecordTypes } from './api.js';

const channels = ['web', 'api', 'cli', 'import'] as const;
/** A date input's day → the instant the filter means (from: its start, to: its end) in local time. */
const dayBound = (day: string, end: boolean) => (day ? new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined);

/** The workspace's audit log (admins): filters by record type, who, action, channel and dates; keyset "load more". */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [recordType, setRecordType] = useState<string | null>(null);
  const [actor, setActor] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const members = useQuery({ queryKey: cardKeys.members, queryFn: ({ signal }) => fetchMembers(signal) });
  const filters: AuditFilters = {
    recordType: recordType ?? undefined,
    actorUserId: actor ?? undefined,
    action: action ?? undefined,
    channel: channel ?? undefined,
    from: dayBound(from, false),
    to: dayBound(to, true),
  };
  const query = useInfiniteQuery({
    queryKey: settingsKeys.audit(filters),
    queryFn: ({ pageParam, signal }) => fetchAudit(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  const values = { t, lang: i18n.language, members: members.data ?? [], names: namesOfPages(query.data?.pages ?? []) };

  return (
    <Stack gap="md" data-testid="settings-audit">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 6 }}>
        <Select
          label={t('card.settings.audit.recordType')}
          placeholder={t('card.settings.any')}
          clearable
          value={recordType}
          onChange={setRecordType}
          data={settingsRecordTypes.map((r) => ({ value: r, label: t(`card.recordType.${r}`) }))}
          data-testid="audit-record-type"
        />
        <Select
          label={t('card.settings.audit.actor')}
          placeholder={t('card.settings.any')}
          clearable
          searchable
          value={actor}
          onChange={setActor}
          data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
          data-testid="audit-actor"
        />
        <Select
          label={t('card.settings.audit.action')}
          placeholder={t('card.settings.any')}
          clearable
          value={action}
          onChange={setAction}
          data={actions.map((a) => ({ value: a, label: t(`card.history.action.${a}`) }))}
          data-testid="audit-action"
        />
        <Select
          label={t('card.settings.audit.channel')}
          placeholder={t('card.settings.any')}
          clearable
          value={channel}
          onChange={setChannel}
          data={channels.map((c) => ({ value: c, label: t(`card.history.channel.${c}`) }))}
          data-testid="audit-channel"
        />
        <TextInput type="date" dir="ltr" label={t('card.settings.audit.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="audit-from" />
        <TextInput type="date" dir="ltr" label={t('card.settings.audit.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="audit-to" />
      </SimpleGrid>
      {query.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t('card.settings.audit.empty')}</Text>
      ) : (
        <Stack gap="xs">
          {entries.map((e) => (
            <Paper key={String(e.id)} withBorder p="sm" data-testid="audit-entry">
              <Stack gap={4}>
                <Text size="sm">
                  {t(`card.recordType.${e.recordType === 'company' ? 'company' : 'contact'}`)}:{' '}
                  {e.action === 'purge' ? (
                    <span>{e.recordName ?? e.recordId}</span>
                  ) : (
                    <Anchor component={Link} to={`/${e.recordType === 'company' ? 'companies' : 'contacts'}/${e.recordId}`}>
                      {e.recordName || t('card.noName')}
                    </Anchor>
                  )}
                </Text>
                <AuditMeta entry={e} />
                <ChangeList changes={e.changes ?? []} values={values} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="audit-more">
          {t('card.timeline.more')}
        </Button>
      )}
    </Stack>
  );
}
