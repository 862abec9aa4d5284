import { Button, Group, NumberInput, Paper, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fetchPrivacySettings, privacyKeys, retentionActions, savePrivacySettings, type PrivacySettings } from './api.js';

function RetentionForm({ settings }: { settings: PrivacySettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(settings.retentionYears !== null);
  const [years, setYears] = useState<number>(settings.retentionYears ?? 7);
  const [action, setAction] = useState(settings.retentionAction);
  const save = useMutation({
    mutationFn: () => savePrivacySettings({ retentionYears: enabled ? years : null, retentionAction: action, version: settings.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(privacyKeys.settings, saved);
      notifications.show({ color: 'teal', message: t('privacy.settings.saved') });
    },
  });
  return (
    <Stack gap="sm">
      {save.isError && <ErrorAlert error={save.error} />}
      <Switch label={t('privacy.settings.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} data-testid="retention-enabled" />
      <NumberInput label={t('privacy.settings.years')} min={1} max={100} w={280} maw="100%" disabled={!enabled} value={years} onChange={(v) => typeof v === 'number' && setYears(v)} data-testid="retention-years" />
      <Stack gap={4}>
        <Text size="sm" id="retention-action-label">
          {t('privacy.settings.action')}
        </Text>
        <SegmentedControl
          aria-labelledby="retention-action-label"
          disabled={!enabled}
          value={action}
          onChange={(v) => setAction(v as PrivacySettings['retentionAction'])}
          data={retentionActions.map((a) => ({ value: a, label: t(`privacy.settings.actions.${a}`) }))}
          data-testid="retention-action"
        />
        <Text size="xs" c="dimmed">
          {t(`privacy.settings.actionHint.${action}`)}
        </Text>
      </Stack>
      <Text size="xs" c="dimmed">
        {t('privacy.settings.cli')}
      </Text>
      <Group>
        <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="retention-save">
          {t('privacy.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Settings → Privacy: how long contacts without activity are kept, and what happens to them then. */
export function RetentionSettings() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: privacyKeys.settings, queryFn: ({ signal }) => fetchPrivacySettings(signal) });
  return (
    <Paper withBorder p="md" data-testid="settings-privacy">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('privacy.settings.title')}
        </Title>
        <Text size="sm">{t('privacy.settings.intro')}</Text>
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && <RetentionForm key={query.data.version} settings={query.data} />}
      </Stack>
    </Paper>
  );
}
