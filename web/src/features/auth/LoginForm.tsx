import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { loginSchema } from '../../../../src/domain/users/schema.js';
import { fieldErrorText } from '../../app/errors.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLogin } from './useLogin.js';

/** Email and password; on success the session query fills and the login page moves on. */
export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: '', password: '' },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    try {
      await login.mutateAsync(values);
    } catch {
      // Shown from login.error below, translated per code.
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="login-form">
      <Stack>
        {login.error && <ErrorAlert error={login.error} data-testid="login-error" />}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          dir="ltr"
          data-testid="login-email"
          error={fieldErrorText(t, 'email', errors.email)}
          {...register('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          data-testid="login-password"
          error={fieldErrorText(t, 'password', errors.password)}
          {...register('password')}
        />
        <Button type="submit" loading={isSubmitting} data-testid="login-submit" fullWidth>
          {t('auth.submit')}
        </Button>
      </Stack>
    </form>
  );
}
