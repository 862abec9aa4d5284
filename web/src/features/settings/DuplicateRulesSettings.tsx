import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { duplicateKeys, fetchRules, saveRules, type DuplicateRules, type DuplicateType } from '../duplicates/api.js';
import { reasonKey } from '../duplicates/reasons.js';
import { TypePicker } from '../duplicates/TypePicker.js';

// Thresholds are scores (0..1) on the wire and percentages on screen.
const toPercent = (score: number) => Math.round(score * 1000) / 10;
const toScore = (percent: number) => Math.round(percent * 10) / 1000;

function RulesForm({ type, stored }: { type: DuplicateType; stored: DuplicateRules }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rules, setRules] = useState(stored.rules);
  const [blockAt, setBlockAt] = useState(toPercent(stored.blockAt));
  const [warnAt, setWarnAt] = useState(toPercent(stored.warnAt));
  const save = useMutation({
    mutationFn: () => saveRules(type, { rules, blockAt: toScore(blockAt), warnAt: toScore(warnAt), version: stored.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(duplicateKeys.rules(type), saved);
      notifications.show({ color: 'teal', message: t('duplicates.settings.saved'), 'data-testid': 'duplicate-rules-saved' });
    },
  });
  const outOfOrder = warnAt > blockAt;
  const change = (i: number, patch: Partial<DuplicateRules['rules'][number]>) => setRules(rules.map((r, at) => (at === i ? { ...r, ...patch } : r)));

  return (
    <Stack gap="sm">
      {save.isError && <ErrorAlert error={save.error} data-testid="duplicate-rules-error" />}
      <Table.ScrollContainer minWidth={320}>
        <Table verticalSpacing="xs" data-testid="duplicate-rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duplicates.settings.rule')}</Table.Th>
              <Table.Th>{t('duplicates.settings.enabled')}</Table.Th>
              <Table.Th>{t('duplicates.settings.weight')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((r, i) => {
              const rule = t(reasonKey(r.rule));
              return (
                <Table.Tr key={r.rule} data-testid="duplicate-rule" data-rule={r.rule}>
                  <Table.Th scope="row" fw={400}>
                    {rule}
                  </Table.Th>
                  <Table.Td>
                    <Switch
                      checked={r.enabled}
                      onChange={(e) => change(i, { enabled: e.currentTarget.checked })}
                      aria-label={t('duplicates.settings.enabledLabel', { rule })}
                      data-testid="duplicate-rule-enabled"
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      value={r.weight}
                      onChange={(v) => typeof v === 'number' && change(i, { weight: v })}
                      min={0}
                      max={40}
                      step={0.5}
                      decimalScale={2}
                      w={110}
                      disabled={!r.enabled}
                      aria-label={t('duplicates.settings.weightLabel', { rule })}
                      data-testid="duplicate-rule-weight"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('duplicates.settings.blockAt')}
          description={t('duplicates.settings.blockAtHint')}
          value={blockAt}
          onChange={(v) => typeof v === 'number' && setBlockAt(v)}
          min={0}
          max={100}
          decimalScale={1}
          data-testid="duplicate-block-at"
        />
        <NumberInput
          label={t('duplicates.settings.warnAt')}
          description={t('duplicates.settings.warnAtHint')}
          value={warnAt}
          onChange={(v) => typeof v === 'number' && setWarnAt(v)}
          min={0}
          max={100}
          decimalScale={1}
          error={outOfOrder ? t('duplicates.settings.order') : undefined}
          data-testid="duplicate-warn-at"
        />
      </SimpleGrid>
      <Group>
        <Button loading={save.isPending} disabled={outOfOrder} onClick={() => save.mutate()} data-testid="duplicate-rules-save">
          {t('duplicates.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Settings → Duplicates: which rules compare records, how much each counts, and what blocks or warns. */
export function DuplicateRulesSettings() {
  const { t } = useTranslation();
  const [type, setType] = useState<DuplicateType>('contact');
  const query = useQuery({ queryKey: duplicateKeys.rules(type), queryFn: ({ signal }) => fetchRules(type, signal) });
  return (
    <Paper withBorder p="md" data-testid="settings-duplicates">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('duplicates.settings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('duplicates.settings.hint')}
        </Text>
        <TypePicker value={type} onChange={setType} testId="duplicate-rules-type" />
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {/* Keyed by type and version: a saved or reloaded set starts the form afresh. */}
        {query.data && <RulesForm key={`${type}:${query.data.version}`} type={type} stored={query.data} />}
      </Stack>
    </Paper>
  );
}
