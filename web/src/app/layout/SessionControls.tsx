import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLogout, useSession } from '../../features/auth/index.js';

/** Who is logged in, and the way out. Rendered in the header on wide screens, in the navbar on phones. */
export function SessionControls({ testId = 'session' }: { testId?: string }) {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const logout = useLogout();
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" truncate maw={180} aria-label={t('auth.user')} data-testid={`${testId}-user`}>
        {user?.name}
      </Text>
      <Button variant="default" size="xs" loading={logout.isPending} onClick={() => logout.mutate()} data-testid={`${testId}-logout`}>
        {t('auth.logout')}
      </Button>
    </Group>
  );
}
