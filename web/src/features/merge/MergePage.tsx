import { Alert, Button, Center, Group, Loader, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { cardKeys, fetchFields, fetchMembers, pluralOf, type CardRecordType } from '../card/api.js';
import { fieldLabel, formatValue, type ValueContext } from '../card/fields.js';
import { createMerge, fetchMergePreview, mergeKeys, type MergePreview } from './api.js';
import { KeptValues } from './KeptValues.js';

/** A name inside a sentence of the other direction keeps its own (Unicode first-strong isolate). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The ids of `?ids=a,b,c`, the chosen survivor first. */
function orderedIds(param: string | null, survivor: string | null) {
  const ids = [...new Set((param ?? '').split(',').map((id) => id.trim()).filter(Boolean))];
  return survivor && ids.includes(survivor) ? [survivor, ...ids.filter((id) => id !== survivor)] : ids;
}

/** One page for every record type: pick the survivor and, per field, whose value stays; then merge. */
export function MergePage({ recordType }: { recordType: CardRecordType }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [survivor, setSurvivor] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const ids = orderedIds(params.get('ids'), survivor);
  const preview = useQuery({
    queryKey: mergeKeys.preview(recordType, ids),
    queryFn: ({ signal }) => fetchMergePreview(recordType, ids, signal),
    enabled: ids.length >= 2,
  });
  const catalogue = useQuery({ queryKey: cardKeys.fields(recordType), queryFn: ({ signal }) => fetchFields(recordType, signal), staleTime: 60_000 });
  const members = useQuery({ queryKey: cardKeys.members, queryFn: ({ signal }) => fetchMembers(signal), staleTime: 60_000 });
  const merge = useMutation({
    mutationFn: (data: MergePreview) =>
      createMerge({
        type: recordType,
        survivorId: ids[0]!,
        mergedIds: ids.slice(1),
        versions: Object.fromEntries(data.records.map((r) => [r.id, r.version])),
        fields: Object.fromEntries(data.fields.map((f) => [f.key, choices[f.key] ?? f.defaultFrom ?? ids[0]!])),
      }),
    onSuccess: async ({ merge: done }) => {
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      await navigate(`/${pluralOf[recordType]}/${done.survivorId}`);
    },
  });

  if (ids.length < 2) return <Alert color="orange" data-testid="merge-too-few">{t('merge.tooFew')}</Alert>;
  if (preview.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('merge.loading')} />
      </Center>
    );
  }
  if (preview.isError) return <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} data-testid="merge-error" />;
  const data = preview.data;
  const values: ValueContext = { t, lang: i18n.language, members: members.data ?? [], catalogue: catalogue.data ?? [] };
  const nameOf = (id: string) => data.records.find((r) => r.id === id)?.name || t('card.noName');
  const cols = { base: 1, sm: data.records.length };
  // Only fields where the records differ need a choice; equal ones are merged as they are.
  const rows = data.fields.filter((f) => new Set(Object.values(f.values).map((v) => JSON.stringify(v ?? null))).size > 1);

  return (
    <Stack gap="md" data-testid="merge-page">
      <Title order={1} size="h2">
        {t('merge.title')}
      </Title>
      <Paper withBorder p="md">
        <Radio.Group
          label={t('merge.survivor')}
          description={t('merge.survivorHint')}
          value={ids[0]}
          onChange={(id) => {
            setSurvivor(id);
            setChoices({});
          }}
        >
          <SimpleGrid cols={cols} mt="xs">
            {data.records.map((r) => (
              <Radio key={r.id} value={r.id} label={nameOf(r.id)} data-testid={`merge-survivor-${r.id}`} />
            ))}
          </SimpleGrid>
        </Radio.Group>
      </Paper>
      {rows.map((field) => {
        const chosen = choices[field.key] ?? field.defaultFrom ?? ids[0]!;
        return (
          <Paper key={field.key} withBorder p="md" data-testid={`merge-field-${field.key}`}>
            <Radio.Group label={fieldLabel(values, field.key)} value={chosen} onChange={(id) => setChoices((c) => ({ ...c, [field.key]: id }))}>
              <SimpleGrid cols={cols} mt="xs">
                {data.records.map((r) => (
                  <Radio
                    key={r.id}
                    value={r.id}
                    data-testid={`merge-choice-${field.key}-${r.id}`}
                    label={formatValue(values, field.key, field.values[r.id]) || t('card.empty')}
                    description={nameOf(r.id)}
                  />
                ))}
              </SimpleGrid>
            </Radio.Group>
          </Paper>
        );
      })}
      <KeptValues kept={data.kept} values={values} />
      <Alert color="blue" role="status" data-testid="merge-summary">
        <Text size="sm">{t('merge.summary', { names: ids.slice(1).map((id) => isolate(nameOf(id))).join(', '), survivor: isolate(nameOf(ids[0]!)) })}</Text>
        {Object.entries(data.moves).map(([kind, count]) => (
          <Text size="sm" key={kind}>
            {t(`merge.moves.${kind === 'contact_companies' ? 'links' : 'activities'}`, { count })}
          </Text>
        ))}
      </Alert>
      {merge.isError && <ErrorAlert error={merge.error} data-testid="merge-failed" />}
      <Group>
        <Button onClick={() => merge.mutate(data)} loading={merge.isPending} data-testid="merge-submit">
          {t('merge.submit')}
        </Button>
        <Button variant="default" onClick={() => void navigate(-1)}>
          {t('card.cancel')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('merge.undoHint')}
      </Text>
    </Stack>
  );
}

export const ContactMergePage = () => <MergePage recordType="contact" />;
export const CompanyMergePage = () => <MergePage recordType="company" />;
