import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cardKeys, searchRecords, type CardRecordType } from './api.js';

export interface PickedRecord {
  id: string;
  name: string;
}

interface RecordSearchSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  recordType: CardRecordType;
  value: PickedRecord | null;
  onChange: (picked: PickedRecord | null) => void;
  /** Records not to offer (already linked). */
  exclude?: string[];
}

/** A contact or company picker that searches on the server as you type. */
export function RecordSearchSelect({ recordType, value, onChange, exclude = [], ...props }: RecordSearchSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const typed = value && search === value.name ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const hits = useQuery({
    queryKey: cardKeys.search(recordType, q),
    queryFn: ({ signal }) => searchRecords(recordType, q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (hits.data ?? []).filter((h) => !exclude.includes(h.id)).map((h) => ({ value: h.id, label: h.name }));
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.name });

  return (
    <Select
      {...props}
      searchable
      clearable
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
      nothingFoundMessage={hits.isFetching ? t('app.loading') : t('card.nothingFound')}
      filter={({ options: all }) => all}
    />
  );
}
