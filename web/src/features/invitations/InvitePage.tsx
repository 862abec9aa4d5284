import { Alert, Button, Center, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isolate } from '../../app/i18n/textDirection.js';
import { sessionKey } from '../../app/queryClient.js';
import { FullPageLoader } from '../../components/FullPageLoader.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { logOut } from '../auth/api.js';
import { useSession } from '../auth/index.js';
import { previewInvitation } from './api.js';
import { NewAccountForm } from './NewAccountForm.js';
import { useAcceptInvitation } from './useAcceptInvitation.js';

/**
 * `/invite#<token>`: the token is in the fragment, which browsers never send, so it reaches no log.
 * Logged in as the invited account: one button to join. Not logged in: log in, or open an account.
 */
export function InvitePage() {
  const { t } = useTranslation();
  const token = useLocation().hash.slice(1);
  const queryClient = useQueryClient();
  const session = useSession();
  const preview = useQuery({ queryKey: ['invitation', token], queryFn: () => previewInvitation(token), enabled: token.length > 0, retry: false });
  const accept = useAcceptInvitation();
  if (session.isPending || (token && preview.isPending)) return <FullPageLoader />;

  const invitation = preview.data;
  const me = session.data?.user;
  let body;
  if (!invitation) {
    body = <Alert color="red" data-testid="invite-invalid">{t('invite.invalid')}</Alert>;
  } else if (me && me.email.toLowerCase() === invitation.email.toLowerCase()) {
    body = (
      <Stack>
        <Text data-testid="invite-question">
          {t('invite.join', { workspace: isolate(invitation.workspace.name), role: t(`roles.${invitation.role}`) })}
        </Text>
        {accept.error && <ErrorAlert error={accept.error} data-testid="invite-error" />}
        <Button loading={accept.isPending} onClick={() => accept.mutate({ token })} data-testid="invite-join" fullWidth>
          {t('invite.joinButton')}
        </Button>
      </Stack>
    );
  } else if (me) {
    const logOutHere = async () => {
      await logOut().catch(() => undefined);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    };
    body = (
      <Stack>
        <Text data-testid="invite-other-account">{t('invite.otherAccount', { email: isolate(invitation.email), current: isolate(me.email) })}</Text>
        <Button variant="default" onClick={() => void logOutHere()} data-testid="invite-logout">
          {t('invite.logOutFirst')}
        </Button>
      </Stack>
    );
  } else {
    body = (
      <Stack>
        <Text fw={500}>{t('invite.join', { workspace: isolate(invitation.workspace.name), role: t(`roles.${invitation.role}`) })}</Text>
        <Title order={3} size="h5">
          {t('invite.newAccount')}
        </Title>
        <NewAccountForm token={token} email={invitation.email} />
        <Divider />
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('invite.haveAccount')}</Text>
          <Button component={Link} to="/login" state={{ from: `/invite#${token}` }} variant="default" size="xs" data-testid="invite-login">
            {t('invite.logIn')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)" data-testid="invite-page">
      <Stack w="100%" maw={440} gap="md">
        <Group justify="space-between" align="center">
          <Title order={1} size="h2" c="teal.8">
            {t('app.name')}
          </Title>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl">
          <Title order={2} size="h3" mb="md">
            {t('invite.title')}
          </Title>
          {body}
        </Paper>
      </Stack>
    </Center>
  );
}
