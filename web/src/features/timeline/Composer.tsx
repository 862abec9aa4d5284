import { Badge, Button, CloseButton, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RecordSearchSelect, type PickedRecord } from '../card/RecordSearchSelect.js';
import { createActivity, type NewActivity } from './api.js';

type Kind = 'note' | 'call' | 'meeting';
const callOutcomes = ['answered', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;
const pad = (n: number) => String(n).padStart(2, '0');
const localNow = (offsetMinutes = 0) => {
  const d = new Date(Date.now() + offsetMinutes * 60_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

interface Linked extends PickedRecord {
  recordType: 'contact' | 'company';
}

interface ComposerProps {
  recordType: 'contact' | 'company';
  recordId: string;
}

/** Adds a note, logs a call or a meeting on the card's record (and, for meetings, on others too). */
export function Composer({ recordType, recordId }: ComposerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('note');
  const [body, setBody] = useState('');
  const [subject, setSubject] = useState('');
  const [direction, setDirection] = useState<'in' | 'out'>('out');
  const [duration, setDuration] = useState<number | ''>('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [start, setStart] = useState(localNow);
  const [end, setEnd] = useState(() => localNow(60));
  const [location, setLocation] = useState('');
  const [linked, setLinked] = useState<Linked[]>([]);

  const reset = () => {
    setBody('');
    setSubject('');
    setDuration('');
    setOutcome(null);
    setLocation('');
    setLinked([]);
    setStart(localNow());
    setEnd(localNow(60));
  };
  const mutation = useMutation({
    mutationFn: createActivity,
    onSuccess: async () => {
      reset();
      await queryClient.invalidateQueries({ queryKey: ['timeline'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const links = [{ recordType, recordId }, ...linked.map((l) => ({ recordType: l.recordType, recordId: l.id }))];
    const text = body.trim() || undefined;
    const input: NewActivity =
      kind === 'note'
        ? { kind, body: text, links }
        : kind === 'call'
          ? { kind, body: text, direction, durationSeconds: duration === '' ? undefined : Math.round(duration * 60), outcome: outcome ?? undefined, links }
          : { kind, subject: subject.trim() || undefined, body: text, occurredAt: iso(start), endsAt: iso(end), location: location.trim() || undefined, links };
    mutation.mutate(input);
  };
  const canSubmit = kind === 'note' ? body.trim() !== '' : kind === 'meeting' ? start !== '' : true;
  const pick = (type: Linked['recordType']) => (p: PickedRecord | null) => {
    if (p && p.id !== recordId && !linked.some((l) => l.id === p.id)) setLinked([...linked, { ...p, recordType: type }]);
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} data-testid="composer">
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('card.composer.kind')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'note', label: t('card.composer.note') },
            { value: 'call', label: t('card.composer.call') },
            { value: 'meeting', label: t('card.composer.meeting') },
          ]}
          data-testid="composer-kind"
        />
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        {kind === 'meeting' && (
          <TextInput label={t('card.composer.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} data-testid="composer-subject" />
        )}
        {kind === 'call' && (
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <Select
              label={t('card.composer.direction')}
              allowDeselect={false}
              value={direction}
              onChange={(v) => setDirection(v === 'in' ? 'in' : 'out')}
              data={[
                { value: 'out', label: t('card.timeline.outgoing') },
                { value: 'in', label: t('card.timeline.incoming') },
              ]}
              data-testid="composer-direction"
            />
            <NumberInput
              label={t('card.composer.durationMinutes')}
              min={0}
              max={1440}
              value={duration}
              onChange={(v) => setDuration(typeof v === 'number' ? v : '')}
              data-testid="composer-duration"
            />
            <Select
              label={t('card.composer.outcome')}
              clearable
              value={outcome}
              onChange={setOutcome}
              data={callOutcomes.map((o) => ({ value: o, label: t(`card.timeline.outcome.${o}`) }))}
              data-testid="composer-outcome"
            />
          </SimpleGrid>
        )}
        {kind === 'meeting' && (
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput type="datetime-local" dir="ltr" label={t('card.composer.start')} value={start} onChange={(e) => setStart(e.currentTarget.value)} data-testid="composer-start" />
            <TextInput type="datetime-local" dir="ltr" label={t('card.composer.end')} value={end} onChange={(e) => setEnd(e.currentTarget.value)} data-testid="composer-end" />
            <TextInput label={t('card.composer.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} data-testid="composer-location" />
          </SimpleGrid>
        )}
        <Textarea
          label={kind === 'note' ? t('card.composer.note') : t('card.composer.summary')}
          autosize
          minRows={2}
          maxRows={8}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          data-testid="composer-body"
        />
        {kind === 'meeting' && (
          <Stack gap={6}>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <RecordSearchSelect recordType="contact" label={t('card.composer.addPerson')} placeholder={t('card.search')} value={null} onChange={pick('contact')} exclude={[recordId]} />
              <RecordSearchSelect recordType="company" label={t('card.composer.addCompany')} placeholder={t('card.search')} value={null} onChange={pick('company')} exclude={[recordId]} />
            </SimpleGrid>
            {linked.length > 0 && (
              <Group gap={6}>
                {linked.map((l) => (
                  <Badge
                    key={l.id}
                    variant="light"
                    tt="none"
                    rightSection={<CloseButton size="xs" aria-label={t('card.removeLink', { name: l.name })} onClick={() => setLinked(linked.filter((x) => x.id !== l.id))} />}
                  >
                    {l.name}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button type="submit" disabled={!canSubmit} loading={mutation.isPending} data-testid="composer-submit">
            {kind === 'note' ? t('card.composer.addNote') : kind === 'call' ? t('card.composer.logCall') : t('card.composer.logMeeting')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
