import { Badge, Button, CloseButton, Group, Paper, SegmentedControl, SimpleGrid, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RecordSearchSelect, type PickedRecord } from '../card/RecordSearchSelect.js';
import { ActivityFields } from './ActivityFields.js';
import { createActivity, type NewActivity } from './api.js';
import { canSubmit, draftFields, newDraft, type ActivityDraft } from './draft.js';

type Kind = 'note' | 'call' | 'meeting';

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
  const [draft, setDraft] = useState(() => newDraft('note'));
  const [linked, setLinked] = useState<Linked[]>([]);
  const kind = draft.kind as Kind;
  const change = (patch: Partial<ActivityDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const reset = () => {
    setDraft(newDraft(kind));
    setLinked([]);
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
    mutation.mutate({ kind, ...draftFields(draft), links } as NewActivity);
  };
  const pick = (type: Linked['recordType']) => (p: PickedRecord | null) => {
    if (p && p.id !== recordId && !linked.some((l) => l.id === p.id)) setLinked([...linked, { ...p, recordType: type }]);
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} data-testid="composer">
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('card.composer.kind')}
          value={kind}
          onChange={(v) => change({ kind: v, outcome: null })}
          data={[
            { value: 'note', label: t('card.composer.note') },
            { value: 'call', label: t('card.composer.call') },
            { value: 'meeting', label: t('card.composer.meeting') },
          ]}
          data-testid="composer-kind"
        />
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        <ActivityFields draft={draft} onChange={change} prefix="composer" failure={mutation.error} />
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
          <Button type="submit" disabled={!canSubmit(draft)} loading={mutation.isPending} data-testid="composer-submit">
            {kind === 'note' ? t('card.composer.addNote') : kind === 'call' ? t('card.composer.logCall') : t('card.composer.logMeeting')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
