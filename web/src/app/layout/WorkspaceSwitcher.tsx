import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession, useSwitchWorkspace } from '../../features/auth/index.js';

/** The active workspace's name, or a picker when the user belongs to several. */
export function WorkspaceSwitcher({ testId = 'workspace' }: { testId?: string }) {
  const { t } = useTranslation();
  const session = useSession().data;
  const switcher = useSwitchWorkspace();
  if (!session?.workspace) return null;
  if (session.workspaces.length < 2) {
    return (
      <Text fw={500} size="sm" truncate data-testid={`${testId}-name`} title={t('workspace.label')}>
        {session.workspace.name}
      </Text>
    );
  }
  return (
    <Select
      aria-label={t('workspace.label')}
      data-testid={`${testId}-switcher`}
      size="xs"
      w={200}
      allowDeselect={false}
      disabled={switcher.isPending}
      value={session.workspace.id}
      data={session.workspaces.map((w) => ({ value: w.id, label: w.name }))}
      onChange={(id) => id && id !== session.workspace?.id && switcher.mutate(id)}
    />
  );
}
