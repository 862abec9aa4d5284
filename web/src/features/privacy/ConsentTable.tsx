import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { consentChannels, type Consents } from './api.js';

/** The state per channel: granted, withdrawn or never asked, with when, how, who recorded it and the evidence. */
export function ConsentTable({ consents }: { consents: Consents }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('privacy.state')} data-testid="consent-table">
      {consentChannels.map((channel) => {
        const entry = consents.current[channel];
        return (
          <Box component="li" key={channel} data-testid={`consent-${channel}`} data-status={entry?.status ?? 'none'}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600}>
                {t(`privacy.channels.${channel}`)}
              </Text>
              <Badge color={entry?.status === 'granted' ? 'teal' : entry?.status === 'withdrawn' ? 'red' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
                {t(`privacy.status.${entry?.status ?? 'none'}`)}
              </Badge>
            </Group>
            {entry && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                <time dateTime={entry.recordedAt}>{new Date(entry.recordedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</time>
                {' · '}
                {t(`privacy.methods.${entry.method}`)}
                {entry.recordedByName ? ` · ${entry.recordedByName}` : ''}
                {entry.evidence ? ` · ${entry.evidence}` : ''}
              </Text>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}
