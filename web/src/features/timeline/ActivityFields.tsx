import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorAt, serverFieldErrors } from '../records/serverErrors.js';
import { isMeetingLike, outcomesOf, type ActivityDraft } from './draft.js';

interface ActivityFieldsProps {
  draft: ActivityDraft;
  onChange: (patch: Partial<ActivityDraft>) => void;
  /** `composer` on the card, `activity-edit` in the timeline: test ids are `<prefix>-body`, … */
  prefix: string;
  /** A failed save: its field errors show on the fields. */
  failure?: unknown;
}

const outcomeKey = (o: string) => `card.timeline.outcome.${o}` as 'card.timeline.outcome.held';

/** The fields of one activity by its kind; the composer and the timeline's edit form both show these. */
export function ActivityFields({ draft, onChange, prefix, failure }: ActivityFieldsProps) {
  const { t } = useTranslation();
  const server = serverFieldErrors(failure);
  const err = (path: string) => errorAt(t, server, path);
  const meeting = isMeetingLike(draft.kind);
  const outcomes = outcomesOf(draft.kind);
  const outcome = (
    <Select
      label={t('card.composer.outcome')}
      clearable
      value={draft.outcome}
      onChange={(outcome) => onChange({ outcome })}
      data={outcomes.map((o) => ({ value: o, label: t(outcomeKey(o)) }))}
      error={err('outcome')}
      data-testid={`${prefix}-outcome`}
    />
  );

  return (
    <>
      {draft.kind !== 'note' && draft.kind !== 'call' && (
        <TextInput
          label={t('card.composer.subject')}
          value={draft.subject}
          onChange={(e) => onChange({ subject: e.currentTarget.value })}
          error={err('subject')}
          data-testid={`${prefix}-subject`}
        />
      )}
      {draft.kind === 'call' && (
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Select
            label={t('card.composer.direction')}
            allowDeselect={false}
            value={draft.direction}
            onChange={(v) => onChange({ direction: v === 'in' ? 'in' : 'out' })}
            data={[
              { value: 'out', label: t('card.timeline.outgoing') },
              { value: 'in', label: t('card.timeline.incoming') },
            ]}
            data-testid={`${prefix}-direction`}
          />
          <NumberInput
            label={t('card.composer.durationMinutes')}
            min={0}
            max={1440}
            value={draft.duration}
            onChange={(v) => onChange({ duration: typeof v === 'number' ? v : '' })}
            error={err('durationSeconds')}
            data-testid={`${prefix}-duration`}
          />
          {outcome}
        </SimpleGrid>
      )}
      {meeting && (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            type="datetime-local"
            dir="ltr"
            label={t('card.composer.start')}
            value={draft.start}
            onChange={(e) => onChange({ start: e.currentTarget.value })}
            error={err('occurredAt')}
            data-testid={`${prefix}-start`}
          />
          <TextInput
            type="datetime-local"
            dir="ltr"
            label={t('card.composer.end')}
            value={draft.end}
            onChange={(e) => onChange({ end: e.currentTarget.value })}
            error={err('endsAt')}
            data-testid={`${prefix}-end`}
          />
          <TextInput
            label={t('card.composer.location')}
            value={draft.location}
            onChange={(e) => onChange({ location: e.currentTarget.value })}
            error={err('location')}
            data-testid={`${prefix}-location`}
          />
          {outcome}
        </SimpleGrid>
      )}
      <Textarea
        label={draft.kind === 'note' ? t('card.composer.note') : t('card.composer.summary')}
        autosize
        minRows={2}
        maxRows={8}
        value={draft.body}
        onChange={(e) => onChange({ body: e.currentTarget.value })}
        error={err('body')}
        data-testid={`${prefix}-body`}
      />
    </>
  );
}
