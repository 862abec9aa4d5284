import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { consentChannels, type Consents } from './api.js';

/** The state per channel: granted, withdrawn or never asked, with when, how, the evidence and who recorded it. */
export function ConsentTable({ consents }: { consents: Consents }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing={4} fz="sm" data-testid="consent-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('privacy.channel')}</Table.Th>
            <Table.Th scope="col">{t('privacy.state')}</Table.Th>
            <Table.Th scope="col">{t('privacy.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {consentChannels.map((channel) => {
            const entry = consents.current[channel];
            return (
              <Table.Tr key={channel} data-testid={`consent-${channel}`} data-status={entry?.status ?? 'none'}>
                <Table.Th scope="row">{t(`privacy.channels.${channel}`)}</Table.Th>
                <Table.Td>
                  <Badge color={entry?.status === 'granted' ? 'teal' : entry?.status === 'withdrawn' ? 'red' : 'gray'} variant="light">
                    {t(`privacy.status.${entry?.status ?? 'none'}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {entry && (
                    <Text size="xs">
                      <time dateTime={entry.recordedAt}>{new Date(entry.recordedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</time>
                      {' · '}
                      {t(`privacy.methods.${entry.method}`)}
                      {entry.recordedByName ? ` · ${entry.recordedByName}` : ''}
                      {entry.evidence ? ` · ${entry.evidence}` : ''}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
