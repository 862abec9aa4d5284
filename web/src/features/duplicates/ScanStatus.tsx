import { Alert, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scan } from './api.js';

const timeOf = (iso: string | null | undefined, locale: string) =>
  iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }) : '';

/** Where the latest scan stands: never run, running (the page polls), done with its count, or failed. */
export function ScanStatus({ scan }: { scan: Scan | null }) {
  const { t, i18n } = useTranslation();
  if (!scan) {
    return (
      <Text c="dimmed" data-testid="scan-status" data-status="none">
        {t('duplicates.scan.never')}
      </Text>
    );
  }
  if (scan.status === 'failed') {
    return (
      <Alert color="red" data-testid="scan-status" data-status="failed">
        {t('duplicates.scan.failed')}
      </Alert>
    );
  }
  if (scan.status === 'running') {
    return (
      <Group gap="xs" role="status" data-testid="scan-status" data-status="running">
        <Loader size="xs" />
        <Text>{t('duplicates.scan.running', { time: timeOf(scan.startedAt, i18n.language) })}</Text>
      </Group>
    );
  }
  return (
    <Text role="status" data-testid="scan-status" data-status="done">
      {t('duplicates.scan.done', { time: timeOf(scan.finishedAt, i18n.language), groups: scan.groups ?? 0 })}
    </Text>
  );
}
