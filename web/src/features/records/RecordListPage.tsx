import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { SearchedForProvider } from '../search/index.js';
import { BulkBar } from './BulkBar.js';
import { ColumnPicker } from './ColumnPicker.js';
import { FilterButton } from './FilterButton.js';
import { GridPager } from './GridPager.js';
import { GridSearch } from './GridSearch.js';
import { useFields, useRecordPage, useViews } from './hooks.js';
import { RecordGrid } from './RecordGrid.js';
import type { RecordListConfig } from './types.js';
import { useListState } from './useListState.js';
import { ViewPicker } from './ViewPicker.js';

interface RecordListPageProps {
  config: RecordListConfig;
  title: string;
  newLabel: string;
  /** The list's own words for "nothing found" (e.g. "No contacts found"), with the search. */
  noMatches?: (q: string) => { title: string; description: string };
  /** The list's own words for "no records yet" ("No contacts yet"); the empty state offers to create one. */
  empty?: { title: string; description: string };
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="grid-loading">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{t('grid.loading')}</Text>
      </Group>
    </Center>
  );
}

/** A record list: views, search, filter, columns, sortable grid with selection, bulk actions and inline edit. */
export function RecordListPage({ config, title, newLabel, noMatches, empty }: RecordListPageProps) {
  const { t } = useTranslation();
  const fields = useFields(config.recordType);
  const views = useViews(config.recordType);
  const list = useListState(config, views.data);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkResult, setBulkResult] = useState<string | null>(null);
  const { query, page, hasPrevious, hasNext, next, previous } = useRecordPage(config.recordType, config.plural, {
    q: list.q || undefined,
    filter: list.filter,
    sort: list.sort,
  });
  const records = query.data?.items ?? [];
  // A filter the server refuses (unknown field, operator not fitting the type) is a 400 naming the field.
  const refused = isApiError(query.error) && query.error.status === 400 ? query.error : null;

  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const nextSet = new Set(current);
      for (const id of ids) if (on) nextSet.add(id);
      else nextSet.delete(id);
      return nextSet;
    });

  return (
    <Stack gap="md" data-testid={`${config.plural}-page`}>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {title}
        </Title>
        <Button component={Link} to={`/${config.plural}/new`} data-testid={`new-${config.recordType}`}>
          {newLabel}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <ViewPicker
          recordType={config.recordType}
          views={views.data ?? []}
          current={list.view}
          modified={list.modified}
          state={{ filter: list.filter, sort: list.sort, columns: list.columns }}
          onSelect={list.selectView}
        />
        <GridSearch value={list.q} onSearch={(q) => list.set({ q: q || undefined })} testId={`${config.plural}-search`} />
        {fields.data && (
          <>
            <FilterButton fields={fields.data} filter={list.filter} onApply={(filter) => list.set({ filter })} />
            <ColumnPicker
              fields={fields.data}
              columns={list.columns}
              onChange={list.editColumns}
              onReset={() => list.set({ columns: undefined })}
            />
          </>
        )}
      </Group>
      {selected.size > 0 && fields.data && (
        <BulkBar
          config={config}
          fields={fields.data}
          ids={[...selected]}
          onDone={(result) => {
            setSelected(new Set());
            setBulkResult(result ?? null);
          }}
        />
      )}
      {bulkResult && (
        <Text size="sm" c="dimmed" role="status" data-testid="bulk-result">
          {bulkResult}
        </Text>
      )}
      {refused ? (
        <Alert color="red" title={t('errors.title')} role="alert" data-testid="filter-error">
          {t('grid.filterRefused', { message: [refused.message, ...refused.fields.map((f) => `${f.path}: ${f.message}`)].join(' — ') })}
        </Alert>
      ) : fields.isError ? (
        <ErrorAlert error={fields.error} onRetry={() => void fields.refetch()} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending || fields.isPending ? (
        <Loading />
      ) : records.length === 0 && page === 1 ? (
        list.q || list.filter ? (
          <EmptyState
            my="xl"
            title={noMatches?.(list.q).title ?? t('grid.noMatches')}
            description={noMatches?.(list.q).description ?? t('grid.noMatchesHint')}
            data-testid={`${config.plural}-empty`}
          />
        ) : (
          <EmptyState my="xl" title={empty?.title ?? t('grid.empty')} description={empty?.description} data-testid={`${config.plural}-empty`}>
            <EmptyState.Actions>
              <Button component={Link} to={`/${config.plural}/new`} variant="light" data-testid={`${config.plural}-empty-new`}>
                {newLabel}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        )
      ) : (
        <>
          <SearchedForProvider q={list.q}>
            <RecordGrid
              config={config}
              fields={fields.data}
              columns={list.columns}
              records={records}
              sort={list.sort}
              onSort={(sort) => list.set({ sort })}
              selected={selected}
              onSelect={select}
              busy={query.isPlaceholderData}
            />
          </SearchedForProvider>
          <GridPager plural={config.plural} page={page} hasPrevious={hasPrevious} hasNext={hasNext} onPrevious={previous} onNext={next} />
        </>
      )}
    </Stack>
  );
}
