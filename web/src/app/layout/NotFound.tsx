import { Button, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState mt="xl" title={t('app.notFound')} data-testid="not-found">
      <EmptyState.Actions>
        <Button component={Link} to="/contacts" variant="light">
          {t('app.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
