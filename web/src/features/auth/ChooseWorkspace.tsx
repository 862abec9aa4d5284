import { Button, EmptyState, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from './useSession.js';
import { useSwitchWorkspace } from './useSwitchWorkspace.js';

/**
 * The session has no workspace (login never lands in one the user has not opened): list the user's
 * workspaces to pick from, or say there are none.
 */
export function ChooseWorkspace() {
  const { t } = useTranslation();
  const workspaces = useSession().data?.workspaces ?? [];
  const switcher = useSwitchWorkspace();
  if (workspaces.length === 0) return <EmptyState mt="xl" title={t('workspace.none')} data-testid="no-workspace" />;
  return (
    <Paper withBorder p="lg" maw={480} mx="auto" mt="xl" data-testid="choose-workspace">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('workspace.choose')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('workspace.chooseHint')}
        </Text>
        {workspaces.map((workspace) => (
          <Button
            key={workspace.id}
            variant="default"
            justify="start"
            loading={switcher.isPending && switcher.variables === workspace.id}
            disabled={switcher.isPending}
            onClick={() => switcher.mutate(workspace.id)}
            data-testid="choose-workspace-option"
          >
            {workspace.name}
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}
