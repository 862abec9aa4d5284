import { Button, Center, Chip, Group, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { ValueContext } from '../card/fields.js';
import { activityKinds, fetchTimeline, timelineKey } from './api.js';
import { TimelineItem } from './TimelineItem.js';

interface TimelineProps {
  recordType: string;
  recordId: string;
  values: ValueContext;
}

/** A record's activities and system events, newest first, in keyset pages; chips filter by kind. */
export function Timeline({ recordType, recordId, values }: TimelineProps) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<string[]>([]);
  const query = useInfiniteQuery({
    queryKey: timelineKey(recordType, recordId, kinds),
    queryFn: ({ pageParam, signal }) => fetchTimeline(recordType, recordId, kinds, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm" data-testid="timeline">
      <Chip.Group multiple value={kinds} onChange={setKinds}>
        <Group gap={6} role="group" aria-label={t('card.timeline.filter')}>
          {activityKinds.map((k) => (
            <Chip key={k} value={k} size="xs" data-testid={`timeline-chip-${k}`}>
              {t(`card.timeline.kind.${k}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {query.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="timeline-empty">
          {kinds.length ? t('card.timeline.noneOfKind') : t('card.timeline.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((a) => (
            <li key={a.id}>
              <TimelineItem activity={a} recordId={recordId} values={values} />
            </li>
          ))}
        </Stack>
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="timeline-more">
          {t('card.timeline.more')}
        </Button>
      )}
    </Stack>
  );
}
