import { ActionIcon, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { cardKeys, displayName, fetchCompanyPeople, fetchRecord, setContactCompanies } from './api.js';
import { useCard } from './CardContext.js';
import { Icon } from './Icon.js';
import { RecordSearchSelect, type PickedRecord } from './RecordSearchSelect.js';

/**
 * Changes one person's link to this company through that person's links (the API keeps links on
 * the contact): null removes it, a role adds or updates it.
 */
async function relinkPerson(contactId: string, companyId: string, role: string | null | undefined) {
  const contact = await fetchRecord('contact', contactId);
  const others = (contact.companies ?? []).filter((c) => c.companyId !== companyId);
  const links = others.map((c) => ({ companyId: c.companyId, role: c.role ?? null, isPrimary: !!c.isPrimary }));
  if (role !== undefined) links.push({ companyId, role: role?.trim() || null, isPrimary: !links.some((l) => l.isPrimary) });
  await setContactCompanies(contactId, links);
}

/** A company's people with their role; people can be added, removed or given another role. */
export function CompanyPeopleSection() {
  const { t } = useTranslation();
  const { record } = useCard();
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: cardKeys.people(record.id), queryFn: ({ signal }) => fetchCompanyPeople(record.id, signal) });
  const [adding, setAdding] = useState<PickedRecord | null>(null);
  const [role, setRole] = useState('');
  const mutation = useMutation({
    mutationFn: ({ contactId, role: r }: { contactId: string; role: string | null | undefined }) => relinkPerson(contactId, record.id, r),
    onSuccess: async (_, { contactId }) => {
      setAdding(null);
      setRole('');
      await queryClient.invalidateQueries({ queryKey: cardKeys.people(record.id) });
      void queryClient.invalidateQueries({ queryKey: cardKeys.record('contact', contactId) });
      void queryClient.invalidateQueries({ queryKey: ['timeline', 'company', record.id] });
    },
  });

  if (people.isError) return <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />;
  const list = (people.data ?? []).map((p) => ({ id: p.contactId ?? p.id ?? '', name: displayName(p), role: p.role ?? '' }));
  return (
    <Stack gap="xs" data-testid="card-people">
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      {people.isSuccess && list.length === 0 && <Text c="dimmed">{t('card.noPeople')}</Text>}
      {list.map((p) => (
        <Group key={p.id} gap="xs" justify="space-between" wrap="nowrap" data-testid="card-person">
          <Group gap="xs" miw={0}>
            <Anchor component={Link} to={`/contacts/${p.id}`}>
              {p.name}
            </Anchor>
            {p.role && <Text c="dimmed">· {p.role}</Text>}
          </Group>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('card.removeLink', { name: p.name })}
            onClick={() => mutation.mutate({ contactId: p.id, role: undefined })}
          >
            <Icon name="x" size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <RecordSearchSelect
          size="xs"
          recordType="contact"
          label={t('card.addPerson')}
          placeholder={t('card.search')}
          value={adding}
          exclude={list.map((p) => p.id)}
          onChange={setAdding}
          data-testid="card-person-add"
        />
        <TextInput size="xs" label={t('card.role')} placeholder={t('card.rolePlaceholder')} value={role} onChange={(e) => setRole(e.currentTarget.value)} />
        <Button size="xs" disabled={!adding} loading={mutation.isPending} onClick={() => adding && mutation.mutate({ contactId: adding.id, role })}>
          {t('card.add')}
        </Button>
      </Group>
    </Stack>
  );
}
