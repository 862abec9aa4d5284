import { ActionIcon, Anchor, Badge, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { cardKeys, setContactCompanies } from './api.js';
import { useCard } from './CardContext.js';
import { Icon } from './Icon.js';
import { RecordSearchSelect, type PickedRecord } from './RecordSearchSelect.js';

interface Row {
  companyId: string;
  name: string;
  role: string;
  isPrimary: boolean;
}

/** A contact's companies with the role there; editing replaces the links (PUT). */
export function ContactCompaniesSection() {
  const { t } = useTranslation();
  const { record } = useCard();
  const queryClient = useQueryClient();
  const links: Row[] = (record.companies ?? []).map((c) => ({ companyId: c.companyId, name: c.name ?? '', role: c.role ?? '', isPrimary: !!c.isPrimary }));
  const [rows, setRows] = useState<Row[] | null>(null);
  const [adding, setAdding] = useState<PickedRecord | null>(null);
  const mutation = useMutation({
    mutationFn: (next: Row[]) =>
      setContactCompanies(record.id, next.map((r) => ({ companyId: r.companyId, role: r.role.trim() || null, isPrimary: r.isPrimary }))),
    onSuccess: (updated) => {
      setRows(null);
      queryClient.setQueryData(cardKeys.record('contact', record.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['history', 'contact', record.id] });
      void queryClient.invalidateQueries({ queryKey: ['records', 'company'] });
    },
  });

  if (!rows) {
    return (
      <Stack gap="xs" data-testid="card-companies">
        {links.length === 0 && <Text c="dimmed">{t('card.noCompanies')}</Text>}
        {links.map((l) => (
          <Group key={l.companyId} gap="xs" data-testid="card-company-link">
            <Anchor component={Link} to={`/companies/${l.companyId}`}>
              {l.name}
            </Anchor>
            {l.role && <Text c="dimmed">· {l.role}</Text>}
            {l.isPrimary && (
              <Badge size="xs" variant="light" tt="none">
                {t('card.primary')}
              </Badge>
            )}
          </Group>
        ))}
        <Button size="xs" variant="light" onClick={() => setRows(links)} data-testid="card-companies-edit" w="fit-content">
          {t('card.editLinks')}
        </Button>
      </Stack>
    );
  }

  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : patch.isPrimary ? { ...r, isPrimary: false } : r)));
  return (
    <Stack gap="xs" data-testid="card-companies">
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <Radio.Group label={t('card.primaryCompany')} value={rows.find((r) => r.isPrimary)?.companyId ?? ''} onChange={(id) => setRows(rows.map((r) => ({ ...r, isPrimary: r.companyId === id })))}>
        <Stack gap="xs" mt={4}>
          {rows.map((r, i) => (
            <Group key={r.companyId} gap="xs" wrap="nowrap" align="flex-end">
              <Radio value={r.companyId} aria-label={t('card.makePrimary', { name: r.name })} />
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                label={r.name}
                placeholder={t('card.rolePlaceholder')}
                value={r.role}
                onChange={(e) => update(i, { role: e.currentTarget.value })}
                data-testid="card-company-role"
              />
              <ActionIcon variant="subtle" color="red" aria-label={t('card.removeLink', { name: r.name })} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                <Icon name="x" size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Radio.Group>
      <RecordSearchSelect
        size="xs"
        recordType="company"
        label={t('card.addCompany')}
        placeholder={t('card.search')}
        value={adding}
        exclude={rows.map((r) => r.companyId)}
        onChange={(picked) => {
          if (picked) setRows([...rows, { companyId: picked.id, name: picked.name, role: '', isPrimary: rows.length === 0 }]);
          setAdding(null);
        }}
        data-testid="card-company-add"
      />
      <Group gap="xs">
        <Button size="xs" loading={mutation.isPending} onClick={() => mutation.mutate(rows)} data-testid="card-companies-save">
          {t('card.save')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setRows(null)}>
          {t('card.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
