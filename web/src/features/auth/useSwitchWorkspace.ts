import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors.js';
import { sessionKey } from '../../app/queryClient.js';
import { switchWorkspace } from './api.js';

export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  return useMutation({
    mutationFn: switchWorkspace,
    onSuccess: (session) => {
      // Everything cached belongs to the previous workspace.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
      notifications.show({ color: 'teal', message: t('workspace.switched', { name: session.workspace?.name ?? '' }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(t, error, i18n.language) }),
  });
}
