import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Reason } from './api.js';
import { reasonKey } from './reasons.js';

/** Why two records look alike, in words ("same email", "similar name"), as a labelled list. */
export function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap" component="ul" aria-label={t('duplicates.reasonsLabel')} m={0} p={0} style={{ listStyle: 'none' }} data-testid="duplicate-reasons">
      {reasons.map((reason) => (
        <Badge key={reason.rule} component="li" variant="light" color="gray" tt="none" data-rule={reason.rule}>
          {t(reasonKey(reason.rule))}
        </Badge>
      ))}
    </Group>
  );
}
