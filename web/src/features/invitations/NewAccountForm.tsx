import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createUserSchema, passwordProblem, passwordSchema } from '../../../../src/domain/users/schema.js';
import { applyServerFieldErrors, fieldErrorText } from '../../app/errors.js';
import { isolate } from '../../app/i18n/textDirection.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { passwordErrorText } from './passwordErrorText.js';
import { useAcceptInvitation } from './useAcceptInvitation.js';

/** The server's own rules: its name and password schemas and the shared part of the password policy. */
const formSchema = (email: string) =>
  z.object({ name: createUserSchema.shape.name, password: passwordSchema }).superRefine((values, ctx) => {
    const problem = passwordProblem(values.password, { email, name: values.name });
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

/** A new person accepts by choosing a name and a password; the answer logs them in. */
export function NewAccountForm({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(formSchema(email)),
    defaultValues: { name: '', password: '' },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await accept.mutateAsync({ token, ...values });
    } catch (error) {
      if (!applyServerFieldErrors(error, setError, ['name', 'password'])) setFailure(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="invite-new-account">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('invite.newAccountFor', { email: isolate(email) })}
        </Text>
        {failure !== null && <ErrorAlert error={failure} data-testid="invite-error" />}
        <TextInput
          label={t('invite.name')}
          autoComplete="name"
          data-testid="invite-name"
          error={fieldErrorText(t, 'name', errors.name)}
          {...register('name')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="new-password"
          data-testid="invite-password"
          error={passwordErrorText(t, errors.password)}
          {...register('password')}
        />
        <Button type="submit" loading={isSubmitting} data-testid="invite-create" fullWidth>
          {t('invite.createAndJoin')}
        </Button>
      </Stack>
    </form>
  );
}
