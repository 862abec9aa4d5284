import { Button, Group, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ContactPointsInput, type ContactPoint } from '../records/ContactPointsInput.js';
import { useMembers } from '../records/index.js';
import { errorAt, serverFieldErrors } from '../records/serverErrors.js';
import { CompanyLinksInput, type CompanyLink } from './CompanyLinksInput.js';

const types = ['customer', 'supplier', 'employee', 'partner', 'other'] as const;
const stages = ['subscriber', 'lead', 'qualified', 'customer', 'churned', 'won_back'] as const;

export interface ContactFormValues {
  firstName: string;
  lastName: string;
  type: (typeof types)[number];
  stage: (typeof stages)[number] | null;
  ownerId: string | null;
  tags: string[];
  emails: ContactPoint[];
  phones: ContactPoint[];
  companies: CompanyLink[];
}

interface ContactFormProps {
  onSubmit: (contact: ContactFormValues) => Promise<unknown>;
  onCancel: () => void;
}

/** The new-contact form: name, type, stage, owner, tags, several emails and phones, companies with a role. */
export function ContactForm({ onSubmit, onCancel }: ContactFormProps) {
  const { t } = useTranslation();
  const members = useMembers();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, control, handleSubmit, formState } = useForm<ContactFormValues>({
    defaultValues: {
      firstName: '',
      lastName: '',
      type: 'customer',
      stage: 'lead',
      ownerId: null,
      tags: [],
      emails: [{ value: '', label: 'work', primary: true }],
      phones: [{ value: '', label: 'mobile', primary: true }],
      companies: [{ companyId: null, role: '', isPrimary: true }],
    },
  });
  const { errors, isSubmitting } = formState;
  const server = serverFieldErrors(failure);

  const submit = handleSubmit(async (contact) => {
    setFailure(null);
    try {
      await onSubmit(contact);
    } catch (error) {
      setFailure(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack>
        {failure !== null && <ErrorAlert error={failure} data-testid="contact-form-error" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('contacts.firstName')}
            withAsterisk
            data-autofocus
            data-testid="contact-first-name"
            error={errors.firstName ? t('validation.required') : errorAt(t, server, 'firstName')}
            {...register('firstName', { validate: (v) => v.trim() !== '' })}
          />
          <TextInput label={t('contacts.lastName')} data-testid="contact-last-name" error={errorAt(t, server, 'lastName')} {...register('lastName')} />
          <Controller
            control={control}
            name="type"
            render={({ field }) => (
              <Select
                label={t('grid.fields.type')}
                data={types.map((v) => ({ value: v, label: t(`grid.values.type.${v}`) }))}
                allowDeselect={false}
                data-testid="contact-type"
                {...field}
              />
            )}
          />
          <Controller
            control={control}
            name="stage"
            render={({ field }) => (
              <Select label={t('grid.fields.stage')} data={stages.map((v) => ({ value: v, label: t(`grid.values.stage.${v}`) }))} clearable data-testid="contact-stage" {...field} />
            )}
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
                error={errorAt(t, server, 'ownerId')}
                data-testid="contact-owner"
                {...field}
              />
            )}
          />
          <Controller
            control={control}
            name="tags"
            render={({ field }) => (
              <TagsInput label={t('grid.fields.tags')} placeholder={t('grid.tagsPlaceholder')} error={errorAt(t, server, 'tags')} data-testid="contact-tags" {...field} />
            )}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="emails"
            render={({ field }) => (
              <ContactPointsInput kind="email" value={field.value} onChange={field.onChange} failure={failure} testId="contact-email" />
            )}
          />
          <Controller
            control={control}
            name="phones"
            render={({ field }) => (
              <ContactPointsInput kind="phone" value={field.value} onChange={field.onChange} failure={failure} testId="contact-phone" />
            )}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="companies"
          render={({ field }) => <CompanyLinksInput value={field.value} onChange={field.onChange} error={errorAt(t, server, 'companyId')} />}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} data-testid="contact-cancel">
            {t('contacts.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting} data-testid="contact-save">
            {t('contacts.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
