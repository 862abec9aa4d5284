import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { likelihoodOf, percentOf } from './reasons.js';

/** "Likely duplicate · 92% match": the words first, the figure for those who compare. */
export function Likelihood({ score, level }: { score: number; level?: 'block' | 'warn' }) {
  const { t } = useTranslation();
  const words = likelihoodOf({ score, level });
  return (
    <Group gap="xs" wrap="nowrap" data-testid="duplicate-likelihood" data-likelihood={words}>
      <Badge color={words === 'likely' ? 'orange' : 'yellow'} variant="filled" tt="none">
        {t(`duplicates.likelihood.${words}`)}
      </Badge>
      <Text span size="xs" c="dimmed">
        {t('duplicates.percent', { percent: percentOf(score) })}
      </Text>
    </Group>
  );
}
