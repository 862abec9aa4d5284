import { Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { allowQuery, DuplicateStep, saveWithDuplicateStep, useDuplicatePrompt } from '../duplicates/index.js';
import { createRecord, recordKeys } from '../records/index.js';
import { filledPoints } from '../records/ContactPointsInput.js';
import { CompanyForm, type CompanyFormValues } from './CompanyForm.js';

const blankToNull = (texts: Record<string, string>) =>
  Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.trim() || null]));

/** The POST body of the contract for what the form holds. */
const companyBody = ({ phones, domain, industry, city, country, ...values }: CompanyFormValues) => ({
  ...values,
  name: values.name.trim(),
  ...blankToNull({ domain, industry, city, country }),
  phones: filledPoints(phones),
});

export function NewCompanyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const duplicates = useDuplicatePrompt();
  const create = useMutation({
    mutationFn: ({ body, allow }: { body: Record<string, unknown>; allow: boolean }) => createRecord('companies', body, allowQuery(allow)),
    onSuccess: async (company) => {
      notifications.show({ color: 'teal', message: t('grid.companyCreated', { name: String(company.name ?? '') }), 'data-testid': 'company-created' });
      await queryClient.invalidateQueries({ queryKey: recordKeys.all('company') });
      await queryClient.invalidateQueries({ queryKey: ['companies'] });
    },
  });
  return (
    <Stack gap="md" maw={760} data-testid="new-company-page">
      <Title order={1} size="h2">
        {t('grid.newCompany')}
      </Title>
      <Paper withBorder p="lg">
        <CompanyForm
          onSubmit={async (values) => {
            const body = companyBody(values);
            const created = await saveWithDuplicateStep({ type: 'company', record: body, ask: duplicates.ask, save: (allow) => create.mutateAsync({ body, allow }) });
            if (created) await navigate('/companies');
          }}
          onCancel={() => void navigate('/companies')}
        />
      </Paper>
      {duplicates.candidates && <DuplicateStep type="company" candidates={duplicates.candidates} onAnswer={duplicates.answer} />}
    </Stack>
  );
}
