import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ContactsPagerProps {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / next over keyset pages; there is no total, so no "page N of M". */
export function ContactsPager({ page, hasPrevious, hasNext, onPrevious, onNext }: ContactsPagerProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" component="nav" aria-label={t('contacts.pager')} data-testid="contacts-pager">
      <Button variant="default" disabled={!hasPrevious} onClick={onPrevious} data-testid="contacts-prev">
        {t('contacts.previous')}
      </Button>
      <Text size="sm" c="dimmed" data-testid="contacts-page-number">
        {t('contacts.page', { page })}
      </Text>
      <Button variant="default" disabled={!hasNext} onClick={onNext} data-testid="contacts-next">
        {t('contacts.next')}
      </Button>
    </Group>
  );
}
