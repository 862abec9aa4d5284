import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { FullPageLoader } from '../../components/FullPageLoader.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { LoginForm } from './LoginForm.js';
import { useSession } from './useSession.js';

/** Where the user was going before being sent to log in; only paths inside this app. */
function useReturnPath() {
  const state = useLocation().state as { from?: unknown } | null;
  const from = typeof state?.from === 'string' ? state.from : '';
  return from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/contacts';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  const returnPath = useReturnPath();
  if (isPending) return <FullPageLoader />;
  if (session) return <Navigate to={returnPath} replace />;

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)" data-testid="login-page">
      <Stack w="100%" maw={400} gap="md">
        <Group justify="space-between" align="center">
          <Title order={1} size="h2" c="teal.8" data-testid="app-title">
            {t('app.name')}
          </Title>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl">
          <Stack gap="xs" mb="lg">
            <Title order={2} size="h3">
              {t('auth.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('auth.subtitle')}
            </Text>
          </Stack>
          <LoginForm />
        </Paper>
      </Stack>
    </Center>
  );
}
