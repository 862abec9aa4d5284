import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recordKeys } from '../records/index.js';
import { createContact } from './api.js';
import type { ContactFormValues } from './ContactForm.js';

export function useCreateContact() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: ({ values, allow }: { values: ContactFormValues; allow: boolean }) => createContact(values, allow),
    onSuccess: async (contact) => {
      notifications.show({
        color: 'teal',
        message: t('contacts.created', { name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') }),
        'data-testid': 'contact-created',
      });
      await queryClient.invalidateQueries({ queryKey: recordKeys.all('contact') });
    },
  });
}
