import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { eraseContact } from './api.js';

/** "Erase person": the admin types the contact's name to confirm; nothing can bring the data back. */
export function EraseDialog({ contactId, name, opened, onClose }: { contactId: string; name: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const matches = typed.trim().toLowerCase() === name.trim().toLowerCase() || typed.trim() === contactId;
  const erase = useMutation({
    mutationFn: () => eraseContact(contactId, typed.trim()),
    onSuccess: (result) => {
      void queryClient.invalidateQueries();
      notifications.show({ color: 'teal', message: t('privacy.erased', { pseudonym: result.pseudonym }) });
      setTyped('');
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('privacy.eraseTitle')} data-testid="erase-dialog">
      <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); if (matches) erase.mutate(); }}>
        <Alert color="red" variant="light">
          {t('privacy.eraseWarning')}
        </Alert>
        {erase.isError && <ErrorAlert error={erase.error} />}
        <Text size="sm">{t('privacy.eraseConfirmHint', { name })}</Text>
        <TextInput label={t('privacy.eraseConfirmLabel')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" data-autofocus data-testid="erase-confirm" />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('privacy.cancel')}
          </Button>
          <Button type="submit" color="red" disabled={!matches} loading={erase.isPending} data-testid="erase-submit">
            {t('privacy.erase')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
