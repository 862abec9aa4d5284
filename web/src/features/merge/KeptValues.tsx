import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldLabel, formatValue, type ValueContext } from '../card/fields.js';
import type { MergePreview } from './api.js';

/** Emails, phones and tags: every value is kept, so there is nothing to choose; shown as one list each. */
export function KeptValues({ kept, values }: { kept: MergePreview['kept']; values: ValueContext }) {
  const { t } = useTranslation();
  const shown = kept.filter((k) => k.values.length > 0);
  if (shown.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="merge-kept">
      <Stack gap="xs">
        {shown.map((k) => (
          <Group key={k.key} gap="xs" align="baseline">
            <Text fw={500} size="sm">
              {fieldLabel(values, k.key)}
            </Text>
            <Badge variant="light" color="green" tt="none">
              {t('merge.allKept')}
            </Badge>
            <Text size="sm" dir={k.key === 'tags' ? undefined : 'ltr'}>
              {k.values.map((v) => formatValue(values, k.key === 'phones' ? 'phone' : k.key, v) || v).join(', ')}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
