import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ValueContext } from '../card/fields.js';
import { ActivityEditForm } from './ActivityEditForm.js';
import { ActivityMenu, useCanWriteActivities } from './ActivityMenu.js';
import { activityKinds, type Activity, type ActivityKind } from './api.js';
import { KindIcon } from './KindIcon.js';
import { describeSystemEvent } from './systemSentence.js';

const isKind = (k: string): k is ActivityKind => (activityKinds as readonly string[]).includes(k);
const minutes = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
const outcomes = ['answered', 'no_answer', 'busy', 'voicemail', 'wrong_number', 'held', 'cancelled', 'no_show'] as const;
const isOutcome = (o: string): o is (typeof outcomes)[number] => (outcomes as readonly string[]).includes(o);

interface TimelineItemProps {
  activity: Activity;
  /** The card showing it: its own link is not repeated. */
  recordId: string;
  values: ValueContext;
}

export function TimelineItem({ activity: a, recordId, values }: TimelineItemProps) {
  const { t, i18n } = useTranslation();
  const when = new Date(a.occurredAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const kind = isKind(a.kind) ? t(`card.timeline.kind.${a.kind}`) : a.kind;
  const others = (a.links ?? []).filter((l) => l.recordId !== recordId);
  const sentences = a.kind === 'system' && a.event ? describeSystemEvent(values, a.createdByName, a.event) : [];
  const canWrite = useCanWriteActivities();
  const [editing, setEditing] = useState(false);

  return (
    <Group align="flex-start" gap="sm" wrap="nowrap" data-testid="timeline-item" data-kind={a.kind}>
      <KindIcon kind={a.kind} />
      <Paper withBorder p="sm" style={{ flex: 1, minWidth: 0 }}>
        {editing ? (
          <ActivityEditForm activity={a} onDone={() => setEditing(false)} />
        ) : (
          <Stack gap={4}>
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Group gap="xs" miw={0}>
                <Text fw={600} size="sm">
                  {kind}
                </Text>
                {a.subject && (
                  <Text size="sm" fw={500} data-testid="timeline-subject">
                    {a.subject}
                  </Text>
                )}
              </Group>
              <Group gap={4} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {a.kind !== 'system' && a.createdByName ? `${a.createdByName} · ` : ''}
                  <time dateTime={a.occurredAt}>{when}</time>
                </Text>
                {a.kind !== 'system' && canWrite && <ActivityMenu activity={a} onEdit={() => setEditing(true)} />}
              </Group>
            </Group>
            {sentences.map((s, i) => (
              <Text key={i} size="sm" data-testid="timeline-sentence">
                {s}
              </Text>
            ))}
            {(a.direction || a.durationSeconds || a.outcome) && (
              <Group gap="xs">
                {a.direction && (
                  <Badge size="sm" variant="light" tt="none">
                    {a.direction === 'in' ? t('card.timeline.incoming') : t('card.timeline.outgoing')}
                  </Badge>
                )}
                {typeof a.durationSeconds === 'number' && a.durationSeconds > 0 && (
                  <Badge size="sm" variant="light" color="gray" tt="none">
                    {t('card.timeline.duration', { time: minutes(a.durationSeconds) })}
                  </Badge>
                )}
                {a.outcome && (
                  <Badge size="sm" variant="light" color="gray" tt="none">
                    {isOutcome(a.outcome) ? t(`card.timeline.outcome.${a.outcome}`) : a.outcome}
                  </Badge>
                )}
              </Group>
            )}
            {(a.kind === 'meeting' || a.kind === 'visit') && (a.endsAt || a.location) && (
              <Text size="sm" c="dimmed">
                {a.endsAt && t('card.timeline.until', { time: new Date(a.endsAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) })}
                {a.endsAt && a.location ? ' · ' : ''}
                {a.location}
              </Text>
            )}
            {a.body && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="timeline-body">
                {a.body}
              </Text>
            )}
            {a.recordingUrl && (
              <Anchor href={a.recordingUrl} target="_blank" rel="noopener noreferrer" size="sm">
                {t('card.timeline.recording')}
              </Anchor>
            )}
            {others.length > 0 && (
              <Group gap={6}>
                <Text size="xs" c="dimmed">
                  {t('card.timeline.with')}
                </Text>
                {others.map((l) => (
                  <Anchor key={`${l.recordType}:${l.recordId}`} component={Link} to={`/${l.recordType === 'company' ? 'companies' : 'contacts'}/${l.recordId}`} size="xs">
                    {l.name ?? t('card.noName')}
                  </Anchor>
                ))}
              </Group>
            )}
          </Stack>
        )}
      </Paper>
    </Group>
  );
}
