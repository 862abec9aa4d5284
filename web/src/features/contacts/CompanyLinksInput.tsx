import { ActionIcon, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CompanySelect } from '../companies/index.js';

export interface CompanyLink {
  companyId: string | null;
  role: string;
  isPrimary: boolean;
}

interface CompanyLinksInputProps {
  value: CompanyLink[];
  onChange: (links: CompanyLink[]) => void;
  error?: string;
}

/** The contact's companies, each with a role ("director", "buyer"); one is primary. */
export function CompanyLinksInput({ value, onChange, error }: CompanyLinksInputProps) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<CompanyLink>) =>
    onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : patch.isPrimary ? { ...l, isPrimary: false } : l)));

  return (
    <Stack gap={6} role="group" aria-label={t('grid.companies')}>
      <Text size="sm" fw={500}>
        {t('grid.companies')}
      </Text>
      {value.map((link, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="wrap">
          <CompanySelect
            aria-label={t('contacts.company')}
            placeholder={t('contacts.companyPlaceholder')}
            value={link.companyId}
            onChange={(companyId) => set(i, { companyId })}
            error={i === 0 ? error : undefined}
            data-testid={i === 0 ? 'contact-company' : `contact-company-${i}`}
            style={{ flex: 2, minWidth: 180 }}
          />
          <TextInput
            aria-label={t('grid.role')}
            placeholder={t('grid.rolePlaceholder')}
            value={link.role}
            onChange={(e) => set(i, { role: e.currentTarget.value })}
            data-testid={i === 0 ? 'contact-company-role' : `contact-company-role-${i}`}
            style={{ flex: 1, minWidth: 120 }}
          />
          <Radio mt={8} aria-label={t('grid.primary')} title={t('grid.primary')} checked={link.isPrimary} onChange={() => set(i, { isPrimary: true })} />
          <ActionIcon variant="subtle" color="red" mt={4} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('grid.remove')}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" size="xs" w="fit-content" onClick={() => onChange([...value, { companyId: null, role: '', isPrimary: value.length === 0 }])}>
        {t('grid.addCompany')}
      </Button>
    </Stack>
  );
}
