import { Button, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/core/roles.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fetchRecordSettings, saveRecordSettings, settingsKeys, visibilityScopes, type RecordSettings, type VisibilityScope } from './api.js';

// Owners and admins always see everything, so only the other roles have a choice.
const limitedRoles = roles.filter((r) => r !== 'owner' && r !== 'admin');

function VisibilityForm({ settings }: { settings: RecordSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [visibility, setVisibility] = useState<Record<string, VisibilityScope>>(() =>
    Object.fromEntries(limitedRoles.map((r) => [r, settings.recordVisibility[r] ?? 'all'])),
  );
  const [retention, setRetention] = useState<number>(settings.trashRetentionDays);
  const save = useMutation({
    mutationFn: () => saveRecordSettings({ recordVisibility: visibility, trashRetentionDays: retention }),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.recordSettings, saved);
      notifications.show({ color: 'teal', message: t('card.settings.visibility.saved') });
    },
  });
  return (
    <Stack gap="sm">
      {save.isError && <ErrorAlert error={save.error} />}
      <Table.ScrollContainer minWidth={360}>
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {limitedRoles.map((role) => (
              <Table.Tr key={role}>
                <Table.Th scope="row" id={`visibility-${role}`}>
                  {t(`roles.${role}`)}
                </Table.Th>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-labelledby={`visibility-${role}`}
                    value={visibility[role] ?? 'all'}
                    onChange={(v) => setVisibility({ ...visibility, [role]: v as VisibilityScope })}
                    data={visibilityScopes.map((s) => ({ value: s, label: t(`card.settings.visibility.scope.${s}`) }))}
                    data-testid={`visibility-${role}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <NumberInput
        label={t('card.settings.visibility.retention')}
        min={1}
        max={3650}
        w={280}
        value={retention}
        onChange={(v) => typeof v === 'number' && setRetention(v)}
        data-testid="trash-retention"
      />
      <Group>
        <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="visibility-save">
          {t('card.settings.visibility.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Which records each role sees (all, its team's, its own) and how long the trash keeps them. */
export function VisibilitySettings() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: settingsKeys.recordSettings, queryFn: ({ signal }) => fetchRecordSettings(signal) });
  return (
    <Paper withBorder p="md" data-testid="settings-visibility">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('card.settings.visibility.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('card.settings.visibility.hint')}
        </Text>
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && <VisibilityForm settings={query.data} />}
      </Stack>
    </Paper>
  );
}
