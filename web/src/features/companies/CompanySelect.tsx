import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { companyKeys, fetchCompanies } from './api.js';

type Option = { value: string; label: string };

interface CompanySelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string | null | undefined;
  onChange: (companyId: string | null) => void;
}

/** A searchable company picker; the search runs on the server (GET /api/companies?q=). */
export function CompanySelect({ value, onChange, ...props }: CompanySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Option | null>(null);
  // Showing the chosen company's name in the box is not a search for it.
  const typed = selected && search === selected.label ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const companies = useQuery({
    queryKey: companyKeys.search(q),
    queryFn: ({ signal }) => fetchCompanies(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const options: Option[] = (companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (selected && !options.some((o) => o.value === selected.value)) options.unshift(selected);

  return (
    <Select
      {...props}
      searchable
      clearable
      data={options}
      value={value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setSelected(option ? { value: option.value, label: option.label } : null);
        onChange(id);
      }}
      nothingFoundMessage={companies.isFetching ? t('app.loading') : t('contacts.companyNothingFound')}
      filter={({ options: all }) => all}
    />
  );
}
