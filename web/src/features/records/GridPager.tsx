import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface GridPagerProps {
  plural: string;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / next over keyset pages; there is no total, so no "page N of M". */
export function GridPager({ plural, page, hasPrevious, hasNext, onPrevious, onNext }: GridPagerProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" component="nav" aria-label={t('grid.pager')} data-testid={`${plural}-pager`}>
      <Button variant="default" disabled={!hasPrevious} onClick={onPrevious} data-testid={`${plural}-prev`}>
        {t('grid.previous')}
      </Button>
      <Text size="sm" c="dimmed" data-testid={`${plural}-page-number`}>
        {t('grid.page', { page })}
      </Text>
      <Button variant="default" disabled={!hasNext} onClick={onNext} data-testid={`${plural}-next`}>
        {t('grid.next')}
      </Button>
    </Group>
  );
}
