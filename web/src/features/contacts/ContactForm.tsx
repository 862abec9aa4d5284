import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createContactSchema } from '../../../../src/domain/contacts/schema.js';
import { applyServerFieldErrors, fieldErrorText } from '../../app/errors.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CompanySelect } from '../companies/index.js';
import type { NewContact } from './api.js';

const fields = ['firstName', 'lastName', 'email', 'phone', 'companyId'] as const;

interface ContactFormProps {
  onSubmit: (contact: NewContact) => Promise<unknown>;
  onCancel: () => void;
}

/** The contact form, validated by the server's own createContactSchema; server field errors land on the fields. */
export function ContactForm({ onSubmit, onCancel }: ContactFormProps) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(createContactSchema),
    defaultValues: { firstName: '', lastName: '', email: '', phone: '', companyId: null },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (contact) => {
    setFailure(null);
    try {
      await onSubmit(contact);
    } catch (error) {
      if (!applyServerFieldErrors(error, setError, fields)) setFailure(error);
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
            error={fieldErrorText(t, 'firstName', errors.firstName)}
            {...register('firstName')}
          />
          <TextInput
            label={t('contacts.lastName')}
            data-testid="contact-last-name"
            error={fieldErrorText(t, 'lastName', errors.lastName)}
            {...register('lastName')}
          />
          <TextInput
            label={t('contacts.email')}
            type="email"
            dir="ltr"
            data-testid="contact-email"
            error={fieldErrorText(t, 'email', errors.email)}
            {...register('email')}
          />
          <TextInput
            label={t('contacts.phone')}
            type="tel"
            dir="ltr"
            data-testid="contact-phone"
            error={fieldErrorText(t, 'phone', errors.phone)}
            {...register('phone')}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="companyId"
          render={({ field, fieldState }) => (
            <CompanySelect
              label={t('contacts.company')}
              placeholder={t('contacts.companyPlaceholder')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldErrorText(t, 'companyId', fieldState.error)}
              data-testid="contact-company"
            />
          )}
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
