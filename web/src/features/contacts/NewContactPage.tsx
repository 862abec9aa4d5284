import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ContactForm } from './ContactForm.js';
import { useCreateContact } from './useCreateContact.js';

export function NewContactPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateContact();
  return (
    <Stack gap="md" maw={760} data-testid="new-contact-page">
      <Title order={1} size="h2">
        {t('contacts.newTitle')}
      </Title>
      <Paper withBorder p="lg">
        <ContactForm
          onSubmit={async (contact) => {
            await create.mutateAsync(contact);
            await navigate('/contacts');
          }}
          onCancel={() => void navigate('/contacts')}
        />
      </Paper>
    </Stack>
  );
}
