import { ActionIcon, Button, Group, MultiSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { cardKeys, fetchMembers, type MemberSummary } from '../card/api.js';
import { Icon } from '../card/Icon.js';
import { createTeam, deleteTeam, fetchTeams, settingsKeys, teamMemberIds, updateTeam, type Team } from './api.js';

/** One team: its name and members, saved together. */
function TeamRow({ team, members }: { team: Team; members: MemberSummary[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team.name);
  const [memberIds, setMemberIds] = useState(teamMemberIds(team));
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.teams });
  const save = useMutation({
    mutationFn: () => updateTeam(team.id, { name: name.trim(), memberIds, ...(team.version != null && { version: team.version }) }),
    onSuccess: async (saved) => {
      notifications.show({ color: 'teal', message: t('card.settings.teams.saved', { name: saved.name }) });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteTeam(team.id),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('card.settings.teams.deleted', { name: team.name }) });
      await refresh();
    },
  });
  const dirty = name.trim() !== team.name || [...memberIds].sort().join() !== [...teamMemberIds(team)].sort().join();
  return (
    <Paper withBorder p="sm" data-testid="team-row">
      <Stack gap="xs">
        {(save.isError || remove.isError) && <ErrorAlert error={save.error ?? remove.error} />}
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput label={t('card.settings.teams.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="team-name" />
          <MultiSelect
            style={{ flex: 1, minWidth: 200 }}
            label={t('card.settings.teams.members')}
            searchable
            data={members.map((m) => ({ value: m.userId, label: m.name }))}
            value={memberIds}
            onChange={setMemberIds}
            data-testid="team-members"
          />
          <Button disabled={!dirty || !name.trim()} loading={save.isPending} onClick={() => save.mutate()} data-testid="team-save">
            {t('card.save')}
          </Button>
          <ActionIcon size="lg" variant="subtle" color="red" aria-label={t('card.settings.teams.delete', { name: team.name })} loading={remove.isPending} onClick={() => remove.mutate()}>
            <Icon name="trash" />
          </ActionIcon>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Teams of members, which the "team" visibility and "owned by my team" filters read. */
export function TeamsSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useQuery({ queryKey: settingsKeys.teams, queryFn: ({ signal }) => fetchTeams(signal) });
  const members = useQuery({ queryKey: cardKeys.members, queryFn: ({ signal }) => fetchMembers(signal) });
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => createTeam({ name: name.trim(), memberIds: [] }),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: settingsKeys.teams });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate();
  };

  return (
    <Stack gap="sm" data-testid="settings-teams">
      <Title order={2} size="h3">
        {t('card.settings.teams.title')}
      </Title>
      {teams.isError && <ErrorAlert error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.isSuccess && teams.data.length === 0 && <Text c="dimmed">{t('card.settings.teams.empty')}</Text>}
      {teams.data?.map((team) => (
        <TeamRow key={`${team.id}:${team.version ?? ''}:${team.name}`} team={team} members={members.data ?? []} />
      ))}
      <form onSubmit={submit}>
        <Group align="flex-end" gap="xs">
          <TextInput label={t('card.settings.teams.new')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="team-new-name" />
          <Button type="submit" disabled={!name.trim()} loading={create.isPending} data-testid="team-create">
            {t('card.settings.teams.create')}
          </Button>
        </Group>
        {create.isError && <ErrorAlert error={create.error} />}
      </form>
    </Stack>
  );
}
