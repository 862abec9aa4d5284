import { Button, Group, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ContactPointsInput, type ContactPoint } from '../records/ContactPointsInput.js';
import { useMembers } from '../records/index.js';
import { errorAt, serverFieldErrors } from '../records/serverErrors.js';

const sizes = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;

export interface CompanyFormValues {
  name: string;
  domain: string;
  industry: string;
  size: (typeof sizes)[number] | null;
  ownerId: string | null;
  tags: string[];
  phones: ContactPoint[];
  city: string;
  country: string;
}

interface CompanyFormProps {
  onSubmit: (company: CompanyFormValues) => Promise<unknown>;
  onCancel: () => void;
}

/** The new-company form: name, domain, industry, size, owner, tags, phones, city and country. */
export function CompanyForm({ onSubmit, onCancel }: CompanyFormProps) {
  const { t } = useTranslation();
  const members = useMembers();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, control, handleSubmit, formState } = useForm<CompanyFormValues>({
    defaultValues: { name: '', domain: '', industry: '', size: null, ownerId: null, tags: [], phones: [{ value: '', label: 'work', primary: true }], city: '', country: '' },
  });
  const server = serverFieldErrors(failure);
  const submit = handleSubmit(async (company) => {
    setFailure(null);
    try {
      await onSubmit(company);
    } catch (error) {
      setFailure(error);
    }
  });
  const text = (name: 'domain' | 'industry' | 'city' | 'country', ltr = false) => (
    <TextInput label={t(`grid.fields.${name}`)} dir={ltr ? 'ltr' : undefined} error={errorAt(t, server, name)} data-testid={`company-${name}`} {...register(name)} />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="company-form">
      <Stack>
        {failure !== null && <ErrorAlert error={failure} data-testid="company-form-error" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('grid.fields.name')}
            withAsterisk
            data-autofocus
            data-testid="company-name"
            error={formState.errors.name ? t('validation.required') : errorAt(t, server, 'name')}
            {...register('name', { validate: (v) => v.trim() !== '' })}
          />
          {text('domain', true)}
          {text('industry')}
          <Controller
            control={control}
            name="size"
            render={({ field }) => <Select label={t('grid.fields.size')} data={[...sizes]} clearable data-testid="company-size" {...field} />}
          />
          <Controller
            control={control}
            name="ownerId"
            render={({ field }) => (
              <Select
                label={t('grid.fields.ownerId')}
                placeholder={t('grid.ownerPlaceholder')}
                data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name || m.email }))}
                searchable
                clearable
                data-testid="company-owner"
                {...field}
              />
            )}
          />
          <Controller
            control={control}
            name="tags"
            render={({ field }) => <TagsInput label={t('grid.fields.tags')} placeholder={t('grid.tagsPlaceholder')} data-testid="company-tags" {...field} />}
          />
          {text('city')}
          {text('country')}
        </SimpleGrid>
        <Controller
          control={control}
          name="phones"
          render={({ field }) => (
            <ContactPointsInput kind="phone" value={field.value} onChange={field.onChange} failure={failure} testId="company-phone" />
          )}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} data-testid="company-cancel">
            {t('grid.cancel')}
          </Button>
          <Button type="submit" loading={formState.isSubmitting} data-testid="company-save">
            {t('grid.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
