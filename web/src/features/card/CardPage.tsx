import { Alert, Center, Grid, Loader, Paper, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DuplicateModal } from '../duplicates/index.js';
import { Composer, Timeline } from '../timeline/index.js';
import { cardKeys, fetchFields, fetchMembers, type CardRecordType } from './api.js';
import { CardHeader } from './CardHeader.js';
import { CardProvider, type CardContextValue } from './CardContext.js';
import { ConflictAlert } from './ConflictAlert.js';
import { cardFields } from './fields.js';
import { HistoryTab } from './HistoryTab.js';
import { MergeBanner } from './MergeBanner.js';
import { sectionsFor } from './sections.js';
import { useCardRecord } from './useCardRecord.js';
import { useOtherChange } from './useOtherChange.js';

/** The 360° card of one contact or company: header, sections, timeline with its composer, history. */
export function CardPage({ recordType }: { recordType: CardRecordType }) {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { query, record, save, saving, conflict, failure, reload, reloads, duplicates } = useCardRecord(recordType, id);
  const catalogue = useQuery({ queryKey: cardKeys.fields(recordType), queryFn: ({ signal }) => fetchFields(recordType, signal), staleTime: 60_000 });
  const members = useQuery({ queryKey: cardKeys.members, queryFn: ({ signal }) => fetchMembers(signal), staleTime: 60_000 });
  const [openedAt, setOpenedAt] = useState<number | null>(null);
  if (record && openedAt === null) setOpenedAt(record.version);
  const otherEditor = useOtherChange(recordType, record, openedAt);

  const card = useMemo<CardContextValue | null>(
    () =>
      record
        ? {
            recordType,
            record,
            fields: cardFields(t, i18n.language, recordType, catalogue.data ?? []),
            catalogue: catalogue.data ?? [],
            members: members.data ?? [],
            save,
            saving,
            failure,
            reloads,
          }
        : null,
    [record, recordType, t, i18n.language, catalogue.data, members.data, save, saving, failure, reloads],
  );

  if (query.isPending) {
    return (
      <Center py="xl" data-testid="card-loading">
        <Loader />
      </Center>
    );
  }
  if (query.isError || !card) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} data-testid="card-error" />;
  const values = { t, lang: i18n.language, members: card.members, catalogue: card.catalogue };

  return (
    <CardProvider value={card}>
      <Stack gap="md" data-testid="card-page" data-record-type={recordType} data-version={card.record.version}>
        <CardHeader />
        <MergeBanner />
        <DuplicateModal type={recordType} recordId={card.record.id} prompt={duplicates} />
        {conflict && <ConflictAlert conflict={conflict} onReload={reload} />}
        {failure !== null && <ErrorAlert error={failure} data-testid="card-save-error" />}
        {otherEditor !== null && !conflict && (
          <Alert color="blue" data-testid="card-other-change" role="status" withCloseButton closeButtonLabel={t('card.dismiss')} onClose={() => setOpenedAt(card.record.version)}>
            {otherEditor ? t('card.otherChanged', { name: otherEditor }) : t('card.otherChangedSomeone')}
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              {sectionsFor(card).map(({ id: sectionId, titleKey, Component }) => (
                <Paper key={sectionId} withBorder p="md" component="section" aria-labelledby={`section-${sectionId}`} data-testid={`section-${sectionId}`}>
                  <Title order={2} size="h4" mb="sm" id={`section-${sectionId}`}>
                    {t(titleKey)}
                  </Title>
                  <Component />
                </Paper>
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Tabs defaultValue="timeline" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="timeline" data-testid="tab-timeline">
                  {t('card.tabs.timeline')}
                </Tabs.Tab>
                <Tabs.Tab value="history" data-testid="tab-history">
                  {t('card.tabs.history')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="timeline" pt="md">
                <Stack gap="md">
                  <Composer recordType={recordType} recordId={card.record.id} />
                  <Timeline recordType={recordType} recordId={card.record.id} values={values} />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="md">
                <HistoryTab recordType={recordType} recordId={card.record.id} values={values} />
              </Tabs.Panel>
            </Tabs>
          </Grid.Col>
        </Grid>
      </Stack>
    </CardProvider>
  );
}

// Keyed by id: following a link to another card starts it afresh (its editors, its "opened at").
export const ContactCardPage = () => <CardPage key={useParams().id} recordType="contact" />;
export const CompanyCardPage = () => <CardPage key={useParams().id} recordType="company" />;
