import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../app/errors.js';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  'data-testid'?: string;
}

/** A failed request, in the user's language, with an optional retry. */
export function ErrorAlert({ error, onRetry, 'data-testid': testId = 'error-alert' }: ErrorAlertProps) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" title={t('errors.title')} data-testid={testId} role="alert">
      {describeError(t, error, i18n.language)}
      {onRetry && (
        <Button variant="light" color="red" size="xs" mt="sm" display="block" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
