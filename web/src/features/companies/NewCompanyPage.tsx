import { Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createRecord, recordKeys } from '../records/index.js';
import { filledPoints } from '../records/ContactPointsInput.js';
import { CompanyForm, type CompanyFormValues } from './CompanyForm.js';

const blankToNull = (texts: Record<string, string>) =>
  Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.trim() || null]));

export function NewCompanyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: ({ phones, domain, industry, city, country, ...values }: CompanyFormValues) =>
      createRecord('companies', {
        ...values,
        name: values.name.trim(),
        ...blankToNull({ domain, industry, city, country }),
        phones: filledPoints(phones),
      }),
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
          onSubmit={async (company) => {
            await create.mutateAsync(company);
            await navigate('/companies');
          }}
          onCancel={() => void navigate('/companies')}
        />
      </Paper>
    </Stack>
  );
}
