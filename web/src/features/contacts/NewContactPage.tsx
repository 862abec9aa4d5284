import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DuplicateStep, saveWithDuplicateStep, useDuplicatePrompt } from '../duplicates/index.js';
import { contactBody } from './api.js';
import { ContactForm } from './ContactForm.js';
import { useCreateContact } from './useCreateContact.js';

export function NewContactPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateContact();
  const duplicates = useDuplicatePrompt();
  return (
    <Stack gap="md" maw={760} data-testid="new-contact-page">
      <Title order={1} size="h2">
        {t('contacts.newTitle')}
      </Title>
      <Paper withBorder p="lg">
        <ContactForm
          onSubmit={async (values) => {
            const created = await saveWithDuplicateStep({
              type: 'contact',
              record: contactBody(values),
              ask: duplicates.ask,
              save: (allow) => create.mutateAsync({ values, allow }),
            });
            if (created) await navigate('/contacts');
          }}
          onCancel={() => void navigate('/contacts')}
        />
      </Paper>
      {duplicates.candidates && <DuplicateStep type="contact" candidates={duplicates.candidates} onAnswer={duplicates.answer} />}
    </Stack>
  );
}
