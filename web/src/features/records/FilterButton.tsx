import { Badge, Button, Group, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterGroup } from './FilterGroup.js';
import { countConditions, fromFilterJson, toFilterJson, type BuilderGroup } from './filterState.js';
import type { FieldDef, FilterNode } from './types.js';

interface FilterButtonProps {
  fields: FieldDef[];
  filter: FilterNode | null;
  onApply: (filter: FilterNode | null) => void;
}

/** The "Filter" button with its count, opening the builder in a dialog; Apply puts the JSON in the URL. */
export function FilterButton({ fields, filter, onApply }: FilterButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [draft, setDraft] = useState<BuilderGroup>(() => fromFilterJson(filter));
  const count = countConditions(filter);

  return (
    <>
      <Button
        variant={count ? 'light' : 'default'}
        onClick={() => {
          setDraft(fromFilterJson(filter));
          open();
        }}
        rightSection={count ? <Badge size="xs" circle>{count}</Badge> : null}
        data-testid="filter-open"
      >
        {t('grid.filter')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('grid.filterTitle')} size="xl" data-testid="filter-dialog">
        <Stack>
          <FilterGroup group={draft} fields={fields} onChange={(g) => setDraft(g as BuilderGroup)} />
          <Group justify="flex-end">
            <Button
              variant="subtle"
              onClick={() => {
                onApply(null);
                close();
              }}
              data-testid="filter-clear"
            >
              {t('grid.clearFilter')}
            </Button>
            <Button
              onClick={() => {
                onApply(toFilterJson(draft));
                close();
              }}
              data-testid="filter-apply"
            >
              {t('grid.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
